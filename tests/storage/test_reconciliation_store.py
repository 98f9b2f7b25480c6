"""Reconciliations in the file (migration 0009_reconciliations): SQLite itself refuses
voiding or reversing a cleared posting's record, changing or deleting a reconciliation,
clearing a posting twice or on another account, and undoing any but the latest; ``check``
names a reconciliation that does not add up or a cleared posting that is void; the
migration goes down to exactly 0008_bank_rules's schema and up again, unless the book reconciled."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from storage_helpers import DAY, add_customer, authorise, invoice, pay, raw

from ledgerdesk.services.reconciliation import finish_reconciliation, start_reconciliation
from ledgerdesk.storage import SqliteBook, migrate
from ledgerdesk.storage.engine import APPLICATION_ID, WRITE, make_engine


def _paid(book: SqliteBook, *amounts: str) -> list[int]:
    """An invoice per amount, each paid in full on DAY; the payments' ids."""
    with book.write() as tx:
        contact = add_customer(tx)
        return [pay(tx, contact, amount, (authorise(tx, invoice(contact, amount)), amount))
                for amount in amounts]


def _reconciled(book: SqliteBook, balance: str, date: dt.date = DAY) -> int:
    draft = start_reconciliation(book, "1000", date, Decimal(balance))
    return finish_reconciliation(book, "1000", date, Decimal(balance), draft.all_ids).id


def _failures(book: SqliteBook) -> dict[str, str]:
    return {f.check: f.detail for f in book.queries().invariant_failures()}


def test_a_cleared_payment_cannot_be_voided_or_reversed_even_from_outside(
        book: SqliteBook, book_path: Path) -> None:
    (payment_id,) = _paid(book, "40.00")
    _reconciled(book, "40.00")
    conn = raw(book_path)
    entry = conn.execute("SELECT id FROM journal_entries WHERE source_type = 'PAYMENT'"
                         " AND source_id = ?", (payment_id,)).fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="cleared in a reconciliation"):
        conn.execute("UPDATE payments SET voided = 1 WHERE id = ?", (payment_id,))
    with pytest.raises(sqlite3.IntegrityError, match="cleared in a reconciliation"):
        conn.execute("INSERT INTO journal_entries (date, memo, source_type, source_id,"
                     " reverses_id) VALUES ('2024-03-02', 'Void', 'PAYMENT', ?, ?)",
                     (payment_id, entry))
    conn.execute("UPDATE reconciliations SET undone = 1")  # the latest may be undone
    conn.execute("UPDATE payments SET voided = 1 WHERE id = ?", (payment_id,))
    conn.close()


def test_a_reconciliation_is_only_ever_undone(book: SqliteBook, book_path: Path) -> None:
    _paid(book, "40.00")
    _reconciled(book, "40.00")
    conn = raw(book_path)
    for statement in ("UPDATE reconciliations SET statement_balance_minor = 1",
                      "UPDATE reconciliations SET statement_date = '2024-03-02'",
                      "DELETE FROM reconciliations",
                      "UPDATE reconciliation_lines SET journal_line_id = 1",
                      "DELETE FROM reconciliation_lines"):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(statement)
    conn.execute("UPDATE reconciliations SET undone = 1")
    with pytest.raises(sqlite3.IntegrityError, match="only be undone"):
        conn.execute("UPDATE reconciliations SET undone = 0")
    conn.close()


def test_only_the_latest_is_undone_and_the_next_follows_the_last(
        book: SqliteBook, book_path: Path) -> None:
    _paid(book, "40.00")
    first = _reconciled(book, "40.00")
    second = _reconciled(book, "40.00", DAY + dt.timedelta(days=30))
    conn = raw(book_path)
    with pytest.raises(sqlite3.IntegrityError, match="latest"):
        conn.execute("UPDATE reconciliations SET undone = 1 WHERE id = ?", (first,))
    for date, opening in (("2024-03-01", 4000), ("2024-04-30", 0)):
        with pytest.raises(sqlite3.IntegrityError, match="starts from"):
            conn.execute(
                "INSERT INTO reconciliations (account_code, statement_date,"
                " statement_balance_minor, opening_balance_minor, currency)"
                " VALUES ('1000', ?, 4000, ?, 'EUR')", (date, opening))
    conn.execute("UPDATE reconciliations SET undone = 1 WHERE id = ?", (second,))
    conn.close()


def test_a_posting_is_cleared_once_on_its_own_account_by_its_date(
        book: SqliteBook, book_path: Path) -> None:
    _paid(book, "40.00", "2.50")
    rec = _reconciled(book, "42.50")
    conn = raw(book_path)
    cleared, receivable = conn.execute(
        "SELECT (SELECT journal_line_id FROM reconciliation_lines LIMIT 1),"
        " (SELECT id FROM journal_lines WHERE account_code = '1100' LIMIT 1)").fetchone()
    conn.execute("INSERT INTO reconciliations (account_code, statement_date,"
                 " statement_balance_minor, opening_balance_minor, currency)"
                 " VALUES ('1000', '2024-03-01', 4250, 4250, 'EUR')")
    nxt = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="cleared once"):
        conn.execute("INSERT INTO reconciliation_lines VALUES (?, ?)", (nxt, cleared))
    with pytest.raises(sqlite3.IntegrityError, match="its own account"):
        conn.execute("INSERT INTO reconciliation_lines VALUES (?, ?)", (nxt, receivable))
    conn.execute("UPDATE reconciliations SET undone = 1 WHERE id = ?", (nxt,))
    conn.execute("UPDATE reconciliations SET undone = 1 WHERE id = ?", (rec,))
    with pytest.raises(sqlite3.IntegrityError, match="standing"):  # not into an undone one
        conn.execute("INSERT INTO reconciliation_lines VALUES (?, ?)", (rec, cleared))
    conn.close()


def test_check_names_a_reconciliation_that_does_not_add_up(book: SqliteBook,
                                                           book_path: Path) -> None:
    _paid(book, "40.00")
    rec = _reconciled(book, "40.00")
    assert book.queries().invariant_failures() == []
    conn = raw(book_path)
    conn.execute("DROP TRIGGER trg_reconciliations_only_undo")  # as a buggy tool might
    conn.execute("UPDATE reconciliations SET statement_balance_minor = 4100")
    conn.close()
    assert _failures(book)["reconciliation_balance"] == (
        f"1 reconciliations do not add up: reconciliation {rec} of 1000 Bank (statement "
        "2024-03-01) says 41.00 EUR, but its opening 0.00 EUR and cleared postings "
        "40.00 EUR make 40.00 EUR")


def test_check_names_a_cleared_posting_that_is_void(book: SqliteBook, book_path: Path) -> None:
    (payment_id,) = _paid(book, "40.00")
    rec = _reconciled(book, "40.00")
    conn = raw(book_path)
    conn.execute("DROP TRIGGER trg_payments_cleared_kept")
    conn.execute("UPDATE payments SET voided = 1 WHERE id = ?", (payment_id,))
    conn.close()
    failures = _failures(book)
    assert failures["reconciliation_void"].startswith(
        "1 cleared postings are void: line ")
    assert f"payment {payment_id}" in failures["reconciliation_void"]
    assert f"reconciliation {rec}" in failures["reconciliation_void"]


def test_check_names_a_misplaced_line_and_a_broken_chain(book: SqliteBook,
                                                         book_path: Path) -> None:
    _paid(book, "40.00")
    rec = _reconciled(book, "40.00")
    conn = raw(book_path)
    receivable = conn.execute(
        "SELECT id FROM journal_lines WHERE account_code = '1100' LIMIT 1").fetchone()[0]
    for trigger in ("trg_reconciliation_lines_fit", "trg_reconciliations_follow_on"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("INSERT INTO reconciliation_lines VALUES (?, ?)", (rec, receivable))
    conn.execute("INSERT INTO reconciliations (account_code, statement_date,"
                 " statement_balance_minor, opening_balance_minor, currency)"
                 " VALUES ('1000', '2024-02-01', 500, 500, 'EUR')")
    conn.close()
    failures = _failures(book)
    assert failures["reconciliation_lines"] == (
        f"1 cleared lines do not belong where they are: line {receivable} on 1100 dated "
        f"2024-03-01 in reconciliation {rec} of 1000 Bank (statement 2024-03-01)")
    assert failures["reconciliation_chain"] == (
        f"1 reconciliations do not start where the previous one ended: reconciliation "
        f"{rec + 1} of 1000 Bank (statement 2024-02-01) opens with 5.00 EUR, but the one "
        "before it ends with 40.00 EUR on 2024-03-01")


def _downgrade(path: Path) -> None:
    from alembic import command

    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            conn.execution_options(**WRITE)
            with conn.begin():
                command.downgrade(migrate.alembic_config(conn), "0008_bank_rules")
    finally:
        engine.dispose()


def _schema(path: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    conn.close()
    return {(f"{kind} {name}", " ".join((sql or "").split())) for kind, name, sql in rows
            if name != "alembic_version"}


def test_the_migration_goes_down_to_0008_and_up_again(book: SqliteBook, book_path: Path,
                                                      tmp_path: Path) -> None:
    _paid(book, "40.00")
    book.close()
    _downgrade(book_path)
    older = tmp_path / "older.book"
    with sqlite3.connect(older) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    engine = make_engine(older)
    migrate.upgrade(engine, "0008_bank_rules")
    engine.dispose()
    assert _schema(book_path) == _schema(older)
    with sqlite3.connect(book_path) as conn:
        assert conn.execute("SELECT count(*) FROM payments").fetchone()[0] == 1
    conn.close()
    engine = make_engine(book_path)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_a_book_that_reconciled_is_not_taken_back(book: SqliteBook, book_path: Path) -> None:
    _paid(book, "40.00")
    _reconciled(book, "40.00")
    book.close()
    schema = _schema(book_path)
    with pytest.raises(RuntimeError, match="open the backup taken when it was upgraded"):
        _downgrade(book_path)
    assert _schema(book_path) == schema
