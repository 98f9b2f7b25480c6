"""The settlement days (``document_settlements``): the day from which a document owes
nothing on any later date.  Kept with every authorisation, allocation and void, rebuilt by
a fresh load and by the migration, held by ``check`` to what the documents give, and the
aging that reads them answers on every date exactly what a scan of every document did."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from ledgerdesk.domain.documents import Side
from ledgerdesk.reports.periods import AgingBuckets
from ledgerdesk.services.demo import generate_demo
from ledgerdesk.services.payments import void_payment
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage import create_book, migrate, open_book
from ledgerdesk.storage.engine import WRITE, make_engine
from ledgerdesk.storage.report_sql import aging_documents_sql, aging_sql
from ledgerdesk.storage.settlement_sql import SETTLEMENTS, TRIGGERS, trigger_sql

TODAY = dt.date(2026, 12, 7)
BUCKETS = AgingBuckets()
KEPT = ("SELECT document_id, kind, opened_on, settled_on FROM document_settlements"
        " ORDER BY document_id")
DERIVED = f"SELECT * FROM ({SETTLEMENTS}) ORDER BY document_id"


def rows(path: Path, sql: str, params: dict | None = None) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        found = conn.execute(sql, params or {}).fetchall()
    conn.close()
    return found


def demo(path: Path, size: int = 0):
    book = create_book(path)
    initialise_book(book, "Demo Co", "EUR")
    generate_demo(book, today=TODAY, size=size, seed=3, in_process=True)
    return book


def answers(path: Path, side: Side, day: dt.date, contact: int | None,
            every_document: bool) -> tuple[list[tuple], list[tuple]]:
    """The aging's rows and its documents' rows on ``day``, as SQLite gives them."""
    params = {"as_of": day.isoformat(), "contact": contact, "home": "EUR"}
    one = contact is not None
    return (rows(path, aging_sql(side, BUCKETS, one, every_document=every_document), params),
            rows(path, aging_documents_sql(side, one, every_document=every_document), params))


def test_a_document_paid_after_the_date_owed_on_it_and_again_once_the_payment_is_void(
        book, customer, issue, pay):
    invoice, _ = issue(customer, "120")  # issued on 1 February 2024
    payment = pay(customer, "120", (invoice, "120"), date=dt.date(2024, 3, 1))
    path = Path(book.path)
    [(doc, _, _, settled)] = rows(path, KEPT)
    assert (doc, settled) == (invoice, "2024-03-01")

    def owing(day: dt.date) -> list[int]:
        return [d.document_id for d in book.reports().aging_documents(Side.SALES, day, BUCKETS)]

    assert owing(dt.date(2024, 2, 29)) == [invoice]  # paid the day after
    assert owing(dt.date(2024, 3, 1)) == []
    void_payment(book, payment.payment_id, dt.date(2024, 4, 15))
    assert rows(path, KEPT)[0][3] is None  # owed again from 15 April
    assert owing(dt.date(2024, 3, 31)) == []  # the payment still stood then
    assert owing(dt.date(2024, 4, 15)) == [invoice]
    assert rows(path, KEPT) == rows(path, DERIVED)
    assert check_book(book).ok


def test_the_aging_on_every_date_equals_a_scan_of_every_document(tmp_path):
    book = demo(tmp_path / "demo.book")
    path = Path(book.path)
    try:
        assert rows(path, KEPT) == rows(path, DERIVED) != []
        assert {r[3] is None for r in rows(path, KEPT)} == {True, False}
        first = dt.date.fromisoformat(rows(path, "SELECT MIN(issue_date) FROM documents")[0][0])
        days = [first + dt.timedelta(days=n) for n in range(-1, (TODAY - first).days + 40, 11)]
        contacts = [c for (c,) in rows(path, "SELECT id FROM contacts ORDER BY id LIMIT 3")]
        compared = 0
        for side in Side:
            for day in days:
                for contact in (None, *contacts):
                    found = answers(path, side, day, contact, every_document=False)
                    assert found == answers(path, side, day, contact, every_document=True)
                    compared += bool(found[1])
        assert compared > len(days)  # most dates have documents owing
    finally:
        book.close()


def test_a_fresh_load_fills_them(tmp_path):
    book = demo(tmp_path / "demo.book", size=400)  # the documents' triggers are dropped
    path = Path(book.path)
    try:
        assert rows(path, KEPT) == rows(path, DERIVED) != []
        assert check_book(book).ok
    finally:
        book.close()


@pytest.mark.parametrize("change", [
    "UPDATE document_settlements SET settled_on = NULL WHERE document_id = ("
    " SELECT MIN(document_id) FROM document_settlements WHERE settled_on IS NOT NULL)",
    "UPDATE document_settlements SET settled_on = '2000-01-01' WHERE document_id = ("
    " SELECT MIN(document_id) FROM document_settlements WHERE settled_on IS NULL)",
    "DELETE FROM document_settlements WHERE document_id = ("
    " SELECT MIN(document_id) FROM document_settlements)",
])
def test_check_names_a_document_whose_settlement_day_is_wrong(tmp_path, change):
    book = demo(tmp_path / "demo.book")
    path = Path(book.path)
    book.close()
    with sqlite3.connect(path) as conn:
        conn.execute(change)
    conn.close()
    book = open_book(path)
    try:
        failures = [f for f in check_book(book).invariants if f.check == "settlement_days"]
        assert len(failures) == 1
        assert "document " in failures[0].detail and "settled on" in failures[0].detail
    finally:
        book.close()


def test_the_migration_fills_them_for_a_book_that_had_none(tmp_path):
    book = demo(tmp_path / "demo.book")
    path = Path(book.path)
    book.close()
    engine = make_engine(path)
    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            command.downgrade(migrate.alembic_config(conn), "0011_rates")
    engine.dispose()
    gone = "SELECT name FROM sqlite_master WHERE name LIKE '%document_settlement%'"
    assert rows(path, gone) == []
    book = open_book(path)  # upgrades to head
    try:
        assert rows(path, KEPT) == rows(path, DERIVED) != []
        assert check_book(book).ok
    finally:
        book.close()


def test_the_books_triggers_run_the_derivation_check_compares_with(tmp_path):
    """The migration froze its SQL; a book's triggers must still be today's derivation, or
    ``check`` would call a correct book damaged (change both with a new migration)."""
    book = demo(tmp_path / "demo.book")
    path = Path(book.path)
    book.close()
    stored = dict(rows(path, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    assert {name: stored.get(name) for name in TRIGGERS} == {
        name: trigger_sql(name) for name in TRIGGERS}
