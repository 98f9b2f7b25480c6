"""Paged lists in storage: literal wildcards, edge windows, parameters only, the plans SQLite
picks for them, and a revision that sees other connections' commits."""

from __future__ import annotations

import dataclasses
import datetime as dt
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from storage_helpers import DAY, add_customer, authorise, invoice, pay, raw

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.list_queries import (
    DocumentQuery,
    DocumentSort,
    PaymentQuery,
    PaymentSort,
    StatusFilter,
)
from ledgerdesk.storage import SqliteBook, open_book

INVOICES = (DocumentKind.SALES_INVOICE,)
NAMES = ["100% Juice", "100 Juice", "a_b Ltd", "axb Ltd", "Back\\slash", "Backslash"]


@pytest.fixture
def named(book: SqliteBook) -> SqliteBook:
    """One invoice per contact in NAMES, references alternating in case; then for the last
    contact one invoice overdue on DAY and one partly paid and due on DAY."""
    with book.write() as tx:
        for i, name in enumerate(NAMES):
            contact = add_customer(tx, name)
            doc = dataclasses.replace(invoice(contact, "10.00", issue=DAY - dt.timedelta(i)),
                                      reference=["apple", "Banana", "cherry"][i % 3])
            authorise(tx, doc)
        authorise(tx, invoice(contact, "7.00", issue=DAY - dt.timedelta(10), due_days=9))
        due_today = authorise(tx, invoice(contact, "5.00", issue=DAY, due_days=0))
        pay(tx, contact, "1.00", (due_today, "1.00"), token="ref-case")
    return book


def names_for(book: SqliteBook, text: str) -> list[str]:
    query = DocumentQuery(INVOICES, DAY, text=text, sort=DocumentSort.CONTACT,
                          descending=False)
    rows = book.queries().document_page(query, 0, 100)
    assert book.queries().count_documents(query) == len(rows)
    return sorted({row.contact_name for row in rows})


def test_like_wildcards_in_the_text_are_literal(named) -> None:
    assert names_for(named, "%") == ["100% Juice"]
    assert names_for(named, "0% j") == ["100% Juice"]
    assert names_for(named, "_") == ["a_b Ltd"]
    assert names_for(named, "\\") == ["Back\\slash"]
    assert names_for(named, "JUICE") == ["100 Juice", "100% Juice"]
    assert names_for(named, "BANANA") == ["100 Juice", "Back\\slash"]  # the reference


def test_due_today_is_open_not_overdue(named) -> None:
    queries = named.queries()
    overdue = DocumentQuery(INVOICES, DAY, status=StatusFilter.OVERDUE)
    assert queries.count_documents(overdue) == 1
    assert queries.count_documents(dataclasses.replace(overdue, today=DAY + dt.timedelta(1))) == 2
    by_status = DocumentQuery(INVOICES, DAY, sort=DocumentSort.STATUS, descending=False)
    rows = queries.document_page(by_status, 0, 100)
    assert [row.status(DAY) for row in rows] == ["open"] * 6 + ["partly paid", "overdue"]


def test_references_sort_ignoring_case(named) -> None:
    query = DocumentQuery(INVOICES, DAY, sort=DocumentSort.NUMBER, descending=False)
    assert [r.number for r in named.queries().document_page(query, 0, 3)] == [
        "INV-00001", "INV-00002", "INV-00003"]
    with named.write() as tx:
        contact = add_customer(tx, "Payer")
        targets = [authorise(tx, invoice(contact, "10.00")) for _ in range(3)]
        for target, reference in zip(targets, ["beta", "Alpha", "GAMMA"], strict=True):
            payment = pay(tx, contact, "1.00", (target, "1.00"), token=reference)
            tx._conn.exec_driver_sql(  # references cannot be set through pay(); fix them here
                "UPDATE payments SET reference = ? WHERE id = ?", (reference, payment))
    query = PaymentQuery(sort=PaymentSort.REFERENCE, descending=False, contact_id=contact)
    assert [p.reference for p in named.queries().payment_page(query, 0, 10)] == [
        "Alpha", "beta", "GAMMA"]


def test_page_windows_at_the_edges(named) -> None:
    queries = named.queries()
    query = DocumentQuery(INVOICES, DAY)
    assert queries.document_page(query, 100, 10) == []
    assert queries.document_page(query, 0, 0) == []
    assert len(queries.document_page(query, 5, 10)) == 3
    with pytest.raises(ValueError):
        queries.document_page(query, -1, 10)
    with pytest.raises(ValueError):
        queries.payment_page(PaymentQuery(), 0, -1)


@contextmanager
def captured(book: SqliteBook):
    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(book._engine, "before_cursor_execute", remember)
    try:
        yield statements
    finally:
        event.remove(book._engine, "before_cursor_execute", remember)


def test_user_text_travels_only_as_a_parameter(named) -> None:
    hostile = "x' OR 1=1; DROP TABLE documents; --"
    with captured(named) as statements:
        assert named.queries().document_page(DocumentQuery(INVOICES, DAY, text=hostile), 0, 9) == []
        assert named.queries().count_payments(PaymentQuery(text=hostile)) == 0
    assert statements and not any("DROP" in sql or "1=1" in sql for sql, _ in statements)


def plans_of(book: SqliteBook, book_path, action) -> list[str]:
    with captured(book) as statements:
        action()
    conn = raw(book_path)
    plans = [" | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
             for sql, params in statements]
    conn.close()
    return plans


def test_default_invoice_page_walks_the_index_without_sorting(named, book_path) -> None:
    query = DocumentQuery(INVOICES, DAY)
    queries = named.queries()
    (count,) = plans_of(named, book_path, lambda: queries.count_documents(query))
    assert "COVERING INDEX ix_documents_kind_issue_date" in count
    ids, rows = plans_of(named, book_path, lambda: queries.document_page(query, 0, 200))
    assert "ix_documents_kind_issue_date (kind=?)" in ids and "TEMP B-TREE" not in ids
    assert "SEARCH d USING INTEGER PRIMARY KEY" in rows
    assert "COVERING INDEX ix_allocations_open" in rows


def test_filters_use_their_indexes(named, book_path) -> None:
    queries = named.queries()
    mine = DocumentQuery(INVOICES, DAY, contact_id=1)
    ids, _ = plans_of(named, book_path, lambda: queries.document_page(mine, 0, 50))
    assert "ix_documents_contact (contact_id=? AND kind=?)" in ids and "TEMP B-TREE" not in ids
    overdue = DocumentQuery(INVOICES, DAY, status=StatusFilter.OVERDUE)
    (count,) = plans_of(named, book_path, lambda: queries.count_documents(overdue))
    assert "ix_documents_kind_lifecycle_due_date (kind=? AND lifecycle=? AND due_date<?)" in count
    assert "COVERING INDEX ix_allocations_open" in count
    ids, _ = plans_of(named, book_path, lambda: queries.payment_page(PaymentQuery(), 0, 50))
    assert "ix_payments_date" in ids and "TEMP B-TREE" not in ids


# revision ------------------------------------------------------------------------------

def test_revision_sees_commits_by_another_book_object(book: SqliteBook, book_path) -> None:
    other = open_book(book_path)
    try:
        mine, theirs = book.revision, other.revision
        with other.write() as tx:
            add_customer(tx, "Written elsewhere")
        assert other.revision != theirs
        seen = book.revision
        assert seen != mine
        assert book.revision == seen, "no commit since: no change"
        theirs = other.revision
        with book.write() as tx:
            add_customer(tx, "Written here")
        assert book.revision != seen
        assert other.revision != theirs
    finally:
        other.close()


def test_revision_sees_a_plain_sqlite_connection(book: SqliteBook, book_path) -> None:
    before = book.revision
    conn = raw(book_path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")
    conn.close()
    after = book.revision
    assert after != before
    with book.write() as tx:
        tx.set_setting("z", "1")
    assert book.revision == after + 1, "our own commit counts once"
