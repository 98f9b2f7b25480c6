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


@pytest.fixture
def at_cost(installed, run, tmp_path):
    """``at_cost(tool, flag, book)``: each account's balance as ledger-cli (``--basis``) or
    hledger (``--cost``) reads the book's exported journal, every foreign posting at its
    cost, and the trial balance's, both by account code (non-zero only)."""
    import csv
    import io
    import subprocess
    from decimal import Decimal

    def balances(tool: str, flag: str, book: Path) -> tuple[dict, dict]:
        installed(tool)
        journal = tmp_path / f"{book.stem}.journal"
        assert run("export-journal", book, "-o", journal)[0] == 0
        status, out, _ = run("trial-balance", book, "--csv", "-")
        assert status == 0
        expected = {r["code"]: Decimal(r["debit"]) - Decimal(r["credit"])
                    for r in csv.DictReader(io.StringIO(out))
                    if Decimal(r["debit"]) != Decimal(r["credit"])}
        result = subprocess.run([tool, "-f", str(journal), "balance", "--flat", "--no-total",
                                 flag], capture_output=True, text=True, check=True, timeout=120)
        found = {}
        for line in result.stdout.splitlines():
            if line.strip():
                amount, commodity, account = line.strip().split(maxsplit=2)
                assert commodity == "EUR", line
                found[account.split(":", 1)[1].split()[0]] = Decimal(amount)
        return found, expected

    return balances
