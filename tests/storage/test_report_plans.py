"""The report queries use the indexes meant for them (no table scans, no sorts of a whole
table), checked on the plans SQLite gives for the SQL each report really sends."""

from __future__ import annotations

import datetime as dt

from test_query_plans import _plans

from ledgerdesk.domain.documents import Side
from ledgerdesk.reports.periods import AgingBuckets, Period

PERIOD = Period(dt.date(2024, 1, 2), dt.date(2024, 1, 4))


def joined(plans: list[str]) -> str:
    return " || ".join(plans)


def test_aging_reads_voids_by_source(filled, book_path) -> None:
    plan = joined(_plans(filled, book_path, lambda: filled.reports().aging(
        Side.SALES, dt.date(2024, 1, 3), AgingBuckets())))
    assert "ix_journal_entries_source (source_type=? AND source_id=?)" in plan
    assert "SCAN journal_entries" not in plan and "SCAN e " not in plan


def test_aging_reads_only_the_documents_not_settled_on_the_date(filled, book_path) -> None:
    """Neither every document of the side nor every allocation: the settlement days give
    the documents that may owe something, and their allocations come by document."""
    for contact in (None, 1):
        plan = joined(_plans(filled, book_path, lambda c=contact: filled.reports().aging(
            Side.SALES, dt.date(2024, 1, 3), AgingBuckets(), c)))
        if contact is None:
            assert "ix_document_settlements_open (kind=? AND settled_on>?)" in plan
            assert "ix_document_settlements_open (kind=? AND settled_on=?" in plan  # IS NULL
        else:
            assert "ix_documents_contact (contact_id=? AND kind=?)" in plan
            assert "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)" in plan
        # A candidate's allocations by its id, never the table's; nothing sorted to sum a
        # document's rows (one row a candidate: only the contacts' buckets are grouped).
        assert "SEARCH a USING INDEX ix_allocations_document (document_id=?)" in plan
        assert plan.count("TEMP B-TREE FOR GROUP BY") == 1
        # What is scanned: the candidates and what they owe: never a table.
        scanned = {step.split()[1] for step in plan.split(" | ") if step.startswith("SCAN ")}
        assert scanned <= {"cand", "owing"}
        assert "SEARCH d USING INTEGER PRIMARY KEY (rowid=?)" in plan  # a candidate's row


def test_general_ledger_walks_entries_by_date_without_sorting(filled, book_path) -> None:
    plans = _plans(filled, book_path, lambda: list(filled.reports().ledger_lines(
        "1100", PERIOD, 0)))
    (plan,) = [p for p in plans if "journal_lines" in p or "ix_journal_lines" in p]
    assert "ix_journal_entries_date (date>? AND date<?)" in plan
    assert "ix_journal_lines_entry (entry_id=? AND account_code=?)" in plan
    assert "TEMP B-TREE" not in plan


def test_period_balances_read_the_running_balances_not_the_journal(filled, book_path) -> None:
    """A P&L or balance sheet reads a row per account, currency and day, no journal line."""
    for start in (PERIOD.start, None):
        (plan,) = _plans(filled, book_path, lambda s=start: filled.reports().account_balances(
            PERIOD.end, s))
        assert "SCAN d" in plan and "journal" not in plan
        assert "TEMP B-TREE FOR GROUP BY" not in plan


def test_payments_register_streams_in_date_order(filled, book_path) -> None:
    plans = _plans(filled, book_path, lambda: list(filled.reports().payments_register(PERIOD)))
    (plan,) = [p for p in plans if "payments" in p or "ix_payments" in p]
    for index in ("ix_payments_date", "ix_allocations_payment_id",
                  "ix_documents_source_payment_id"):
        assert index in plan
    assert "TEMP B-TREE" not in plan


def test_statement_starts_from_the_contact(filled, book_path) -> None:
    plans = _plans(filled, book_path, lambda: list(filled.reports().statement_items(
        Side.SALES, 1, PERIOD)))
    plan = joined(plans)
    assert "ix_documents_contact (contact_id=? AND kind=?)" in plan
    assert "ix_payments_contact_id (contact_id=?)" in plan
    assert "ix_journal_entries_source (source_type=? AND source_id=?)" in plan
