"""Fixtures for the command-line tests (``run`` and ``demo_book`` are in tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def book_copy(demo_book: Path, tmp_path: Path) -> Path:
    """A private copy of the demo book (closed, so the main file holds everything)."""
    path = tmp_path / "copy.book"
    shutil.copyfile(demo_book, path)
    return path


@pytest.fixture(scope="session")
def demo_without_journals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo book without its manual journals, for tests that number their own
    from JNL-00001; tests must not change it (copy it)."""
    import datetime as dt

    from ledgerdesk.services.demo import generate_demo
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    path = tmp_path_factory.mktemp("demo-no-journals") / "demo.book"
    book = create_book(path)
    try:
        initialise_book(book, "Northwind Design Studio", "EUR")
        generate_demo(book, today=dt.date.today(), with_journals=False,
                      lock_last_year=False)
    finally:
        book.close()
    return path
