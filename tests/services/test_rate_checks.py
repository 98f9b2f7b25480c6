"""``check`` finds an exchange rate that is not a positive plain decimal (written past the
table's CHECK, as a hand-edited book could be), or one for the book's own currency."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest

from ledgerdesk.services.queries import check_book
from ledgerdesk.services.rates import save_rate


def _failures(book) -> dict[str, str]:
    return {f.check: f.detail for f in check_book(book).invariants}


def _force(book, stored: str) -> None:
    with sqlite3.connect(book.path) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE exchange_rates SET rate = ?", (stored,))
    conn.close()


@pytest.mark.parametrize("stored", ["0", "-0.5", "1e-3", "abc"])
def test_a_rate_that_is_not_positive_fails_the_check(book, stored) -> None:
    save_rate(book, "USD", Decimal("0.95"), dt.date(2026, 12, 4))
    assert check_book(book).ok
    _force(book, stored)
    # SQLite's own integrity check holds the table to its CHECK: the check names it.
    assert check_book(book).integrity == ["integrity: CHECK constraint failed in exchange_rates"]


def test_a_rate_of_more_places_than_kept_is_named(book) -> None:
    save_rate(book, "USD", Decimal("0.95"), dt.date(2026, 12, 4))
    _force(book, "0.0000000000001")
    assert _failures(book) == {"rates_positive": (
        "exchange rates that are not a positive number of at most 12 decimal places for a "
        "foreign currency: USD on 2026-12-04: '0.0000000000001'")}


def test_the_table_itself_refuses_a_rate_that_is_not_positive(book) -> None:
    with sqlite3.connect(book.path) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO exchange_rates (date, currency, rate)"
                     " VALUES ('2026-12-04', 'USD', '-1')")
    conn.close()


def test_a_rate_for_the_home_currency_is_named(book) -> None:
    with sqlite3.connect(book.path) as conn:
        conn.execute("INSERT INTO exchange_rates (date, currency, rate)"
                     " VALUES ('2026-12-04', 'EUR', '1')")
    conn.close()
    assert "EUR on 2026-12-04: '1'" in _failures(book)["rates_positive"]
