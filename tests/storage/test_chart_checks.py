"""``check`` knows the chart's rules: a kept role account is never archived, an archived
balance-sheet account stays at zero."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ledgerdesk.services.queries import check_book


def tamper(book, sql: str) -> None:
    """Change the file behind the services' back (as a damaged or hand-edited book is)."""
    with sqlite3.connect(Path(book.path)) as conn:
        conn.execute(sql)
    conn.close()


def test_a_healthy_book_passes(book, issue, customer):
    issue(customer, "10")
    assert check_book(book).ok


def test_an_archived_receivable_account_is_named(book):
    tamper(book, "UPDATE accounts SET archived = 1 WHERE code = '1100'")
    failures = check_book(book).invariants
    assert [(f.check, f.detail) for f in failures] == [
        ("kept_roles_active",
         "account 1100 Accounts Receivable is the book's receivable account but is archived")]


def test_an_archived_account_with_a_balance_is_named(book, issue, customer, pay):
    invoice, _ = issue(customer, "10")
    pay(customer, "10", (invoice, "10"))
    tamper(book, "UPDATE accounts SET archived = 1 WHERE code IN ('1000', '4000')")
    failures = check_book(book).invariants
    assert [(f.check, f.detail) for f in failures] == [
        ("archived_at_zero", "archived account 1000 Bank has a balance of 10.00 EUR")]
