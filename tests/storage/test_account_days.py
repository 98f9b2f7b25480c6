"""The running balances (``account_days``): kept with every posting, moved with a re-coded
account, rebuilt by a fresh load and by the migration on an existing book, and held by
``check`` to the journal they come from."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command

from ledgerdesk.domain.chart import AccountChange
from ledgerdesk.services.chart import edit_account
from ledgerdesk.services.demo import generate_demo
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage import create_book, migrate, open_book
from ledgerdesk.storage.engine import WRITE, make_engine

TODAY = dt.date(2026, 12, 7)
JOURNAL_DAYS = ("SELECT l.account_code, l.currency, e.date, SUM(l.amount_minor)"
                " FROM journal_entries AS e JOIN journal_lines AS l ON l.entry_id = e.id"
                " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
CACHED = ("SELECT account_code, currency, day, amount_minor FROM account_days"
          " ORDER BY 1, 2, 3")


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        found = conn.execute(sql).fetchall()
    conn.close()
    return found


def demo(path: Path, size: int = 0):
    book = create_book(path)
    initialise_book(book, "Demo Co", "EUR")
    generate_demo(book, today=TODAY, size=size, seed=3, in_process=True)
    return book


def test_every_posting_keeps_its_day_and_the_trial_balance_reads_them(tmp_path, book,
                                                                      customer, issue, pay):
    invoice, _ = issue(customer, "120")
    pay(customer, "70", (invoice, "70"))
    path = Path(book.path)
    assert rows(path, CACHED) == rows(path, JOURNAL_DAYS) != []
    by_journal: dict[str, int] = {}
    for code, _, _, amount in rows(path, JOURNAL_DAYS):
        by_journal[code] = by_journal.get(code, 0) + amount
    assert {r.code: r.balance.minor_units for r in book.queries().trial_balance()} == by_journal


def test_a_fresh_load_and_a_small_bulk_both_leave_them_equal_to_the_journal(tmp_path):
    book = demo(tmp_path / "demo.book", size=400)  # a fresh load: the trigger is dropped
    path = Path(book.path)
    try:
        assert rows(path, CACHED) == rows(path, JOURNAL_DAYS)
        assert check_book(book).ok
    finally:
        book.close()


def test_a_re_coded_account_takes_its_days_along(tmp_path):
    book = demo(tmp_path / "demo.book")
    path = Path(book.path)
    try:
        edit_account(book, "4000", AccountChange(code="4050"), TODAY)
        assert not [r for r in rows(path, CACHED) if r[0] == "4000"]
        assert [r for r in rows(path, CACHED) if r[0] == "4050"]
        assert rows(path, CACHED) == rows(path, JOURNAL_DAYS)
        assert check_book(book).ok
    finally:
        book.close()


def test_check_names_a_day_the_cache_has_wrong(tmp_path):
    book = demo(tmp_path / "demo.book")
    path = Path(book.path)
    book.close()
    code, currency, day, amount = rows(path, CACHED)[0]
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE account_days SET amount_minor = amount_minor + 1 WHERE"
                     " account_code = ? AND day = ?", (code, day))
    conn.close()
    book = open_book(path)
    try:
        failures = [f for f in check_book(book).invariants if f.check == "running_balances"]
        assert len(failures) == 1
        assert f"{code} {currency} on {day}: {amount + 1}" in failures[0].detail
        assert f"{code} {currency} on {day}: {amount}" in failures[0].detail  # the journal's
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
            command.downgrade(migrate.alembic_config(conn), "0009_reconciliations")
    engine.dispose()
    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'account_days'") == []
    book = open_book(path)  # upgrades to head
    try:
        assert rows(path, CACHED) == rows(path, JOURNAL_DAYS) != []
        assert check_book(book).ok
    finally:
        book.close()
