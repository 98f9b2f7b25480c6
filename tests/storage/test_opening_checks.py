"""``check`` on opening balances: the opening journal the settings name is there, dated the
start date and balanced; opening documents are dated the start date.  A healthy book passes;
each rule broken from outside the services is named."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from storage_helpers import raw

from ledgerdesk.domain.opening import OpeningLine
from ledgerdesk.services.opening import record_opening_balances
from ledgerdesk.storage import SqliteBook

AS_OF = dt.date(2024, 12, 31)


def _open(book: SqliteBook) -> None:
    record_opening_balances(book, AS_OF, [
        OpeningLine("1000", debit=Decimal("100.00")),
        OpeningLine("1100", debit=Decimal("40.00"), contact="Acme", number="OLD-1",
                    due_date=AS_OF),
        OpeningLine("3000", credit=Decimal("140.00")),
    ], create_contacts=True)


def _failures(book: SqliteBook) -> dict[str, str]:
    return {f.check: f.detail for f in book.queries().invariant_failures()}


def test_opening_balances_pass(book: SqliteBook) -> None:
    _open(book)
    assert book.queries().invariant_failures() == []


def test_a_journal_not_on_the_opening_date_is_named(book: SqliteBook, book_path: Path) -> None:
    _open(book)
    conn = raw(book_path)
    conn.execute("UPDATE settings SET value = ? WHERE key = 'opening_balances'",
                 (json.dumps({"as_of": "2024-11-30", "journal": "JNL-00001"}),))
    conn.close()
    detail = _failures(book)["opening_balances"]
    assert "the opening journal JNL-00001 is dated 2024-12-31, not 2024-11-30" in detail
    assert "opening document OLD-1 is dated 2024-12-31, not the opening date 2024-11-30" in detail


def test_a_missing_opening_journal_is_named(book: SqliteBook, book_path: Path) -> None:
    _open(book)
    conn = raw(book_path)
    conn.execute("UPDATE settings SET value = ? WHERE key = 'opening_balances'",
                 (json.dumps({"as_of": "2024-12-31", "journal": "JNL-00009"}),))
    conn.close()
    assert "the opening journal JNL-00009 is missing" in _failures(book)["opening_balances"]


def test_opening_documents_without_opening_balances_are_named(book: SqliteBook,
                                                              book_path: Path) -> None:
    _open(book)
    conn = raw(book_path)
    conn.execute("DELETE FROM settings WHERE key = 'opening_balances'")
    conn.close()
    assert "1 opening documents, but the book has no opening balances" in (
        _failures(book)["opening_balances"])
