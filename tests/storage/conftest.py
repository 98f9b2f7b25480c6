"""Fixtures for the storage tests: a fresh book with the default chart of accounts, and one
with a few invoices and payments for the query plan tests."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from storage_helpers import add_customer, authorise, invoice, pay

from ledgerdesk.domain.ledger import DEFAULT_CHART
from ledgerdesk.storage import SqliteBook, create_book


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "acme.book"


@pytest.fixture
def book(book_path: Path) -> Iterator[SqliteBook]:
    book = create_book(book_path)
    with book.write() as tx:
        for account in DEFAULT_CHART:
            tx.add_account(account)
        tx.set_setting("base_currency", "EUR")
    yield book
    book.close()


@pytest.fixture
def filled(book: SqliteBook) -> SqliteBook:
    """One customer, five invoices on 1-5 January 2024, each paid 4.00 of its 10.00."""
    with book.write() as tx:
        contact = add_customer(tx)
        for day in range(1, 6):
            doc = authorise(tx, invoice(contact, "10.00", issue=dt.date(2024, 1, day)))
            pay(tx, contact, "4.00", (doc, "4.00"), token=f"tok-{day}")
    return book


@pytest.fixture
def tiny_disk(as_root, tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """``tiny_disk("2m")``: a folder on a tmpfs of that size, unmounted after the test."""
    from file_systems import mounted_tmpfs

    with contextlib.ExitStack() as stack:
        yield lambda size: stack.enter_context(mounted_tmpfs(tmp_path / f"disk-{size}", size))
