"""The dashboard's queries use indexes: no scan of the journal, the documents or the
allocations, on the plans SQLite gives for the SQL the dashboard really sends."""

from __future__ import annotations

import datetime as dt

from test_query_plans import _plans

from ledgerdesk.services.dashboard import AttentionKind

TODAY = dt.date(2024, 1, 3)


def test_money_per_month_reads_payment_entries_and_bank_lines_by_index(filled,
                                                                       book_path) -> None:
    (plan,) = _plans(filled, book_path, lambda: filled.dashboard().cash_by_month(
        dt.date(2023, 2, 1), TODAY))
    assert "SEARCH e USING INDEX ix_journal_entries_" in plan
    assert "SEARCH p USING INTEGER PRIMARY KEY" in plan
    assert "COVERING INDEX ix_journal_lines_entry (entry_id=? AND account_code=?)" in plan
    assert "SCAN" not in plan


def test_needs_attention_pages_read_documents_by_kind_and_allocations_by_document(
        filled, book_path) -> None:
    for kind in AttentionKind:
        plans = _plans(filled, book_path, lambda k=kind: (
            filled.dashboard().attention_count(k, TODAY),
            filled.dashboard().attention_page(k, TODAY, 0, 50)))
        for plan in plans:
            assert "SEARCH d USING INDEX ix_documents_kind_lifecycle_due_date (kind=? AND" \
                " lifecycle=?" in plan, plan
            assert "COVERING INDEX ix_allocations_open (document_id=?)" in plan
            assert "SCAN" not in plan
