"""The queries that lists, payments and reports run use the indexes meant for them.

Each test captures the SQL a method really sends and asks SQLite for its plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import contextmanager

from sqlalchemy import event
from storage_helpers import raw

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.storage import SqliteBook


@contextmanager
def _captured(book: SqliteBook):
    statements: list[tuple[str, tuple]] = []

    def remember(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            named = isinstance(parameters, dict)
            statements.append((statement, parameters if named else tuple(parameters or ())))

    event.listen(book._engine, "before_cursor_execute", remember)
    try:
        yield statements
    finally:
        event.remove(book._engine, "before_cursor_execute", remember)


def _plans(book: SqliteBook, book_path, action: Callable[[], object]) -> list[str]:
    with _captured(book) as statements:
        action()
    conn = raw(book_path)
    plans = [
        " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        for sql, params in statements
    ]
    conn.close()
    return plans


def _in_tx(book: SqliteBook, call: Callable) -> Callable[[], object]:
    def run() -> object:
        with book.read() as tx:
            return call(tx)
    return run


def test_outstanding_reads_the_covering_allocation_index(filled, book_path) -> None:
    (plan,) = _plans(filled, book_path, _in_tx(filled, lambda tx: tx.open_documents([1, 2])))
    assert "SEARCH d USING INTEGER PRIMARY KEY" in plan
    assert "COVERING INDEX ix_allocations_open" in plan


def test_open_documents_for_a_contact_use_the_contact_index(filled, book_path) -> None:
    (plan,) = _plans(filled, book_path, _in_tx(
        filled, lambda tx: tx.open_documents_for(1, [DocumentKind.SALES_INVOICE])
    ))
    assert "ix_documents_contact" in plan
    assert "COVERING INDEX ix_allocations_open" in plan


def test_payment_token_lookup_uses_the_unique_index(filled, book_path) -> None:
    plans = _plans(filled, book_path, _in_tx(
        filled, lambda tx: tx.find_payment_by_token("tok-3")
    ))
    assert "SEARCH payments USING INDEX sqlite_autoindex_payments" in plans[0]


def test_document_list_streams_in_index_order(filled, book_path) -> None:
    kinds = [DocumentKind.SALES_INVOICE, DocumentKind.SALES_CREDIT_NOTE]
    plans = _plans(filled, book_path, lambda: list(filled.queries().list_documents(kinds)))
    plans = [p for p in plans if "documents AS d" in p or "ix_documents" in p]
    assert plans and all("ix_documents_kind_issue_date" in p for p in plans)
    assert not any("TEMP B-TREE" in p for p in plans)
    contact_plans = _plans(filled, book_path, lambda: list(
        filled.queries().list_documents(kinds, contact_id=1)
    ))
    assert any("ix_documents_contact" in p for p in contact_plans)


def test_most_overdue_walks_the_due_date_index(filled, book_path) -> None:
    plans = _plans(filled, book_path, lambda: filled.queries().most_overdue(
        dt.date(2025, 1, 1), 5
    ))
    assert len(plans) == 2  # invoices and bills, merged by due date
    for plan in plans:
        used = "ix_documents_kind_lifecycle_due_date (kind=? AND lifecycle=? AND due_date<?)"
        assert used in plan
        assert "TEMP B-TREE" not in plan


def test_trial_balance_reads_the_running_balances_not_the_journal(filled, book_path) -> None:
    """A row per account, currency and day, in key order: no journal line is read."""
    for as_of in (None, dt.date(2024, 1, 3)):
        (plan,) = _plans(filled, book_path, lambda d=as_of: filled.queries().trial_balance(d))
        assert "SCAN d" in plan and "journal" not in plan
        assert "TEMP B-TREE FOR GROUP BY" not in plan


def test_entries_for_a_source_use_the_source_index(filled, book_path) -> None:
    plans = _plans(filled, book_path, _in_tx(
        filled, lambda tx: tx.entries_for(SourceType.DOCUMENT, 1)
    ))
    assert "ix_journal_entries_source" in plans[0]
