"""Fixtures for the storage tests: a fresh book with the default chart of accounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
