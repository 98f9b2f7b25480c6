"""export-journal: ledger-cli and hledger show the trial balance, account by account."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.domain.ledger import DEFAULT_CHART
from ledgerdesk.reports.journal_text import account_name

POSTING = re.compile(r"    [A-Z][a-z]+:[^;@]+?  -?[0-9]+\.[0-9]{2} EUR(  ; .*)?")
NAMES = {a.code: account_name(a) for a in DEFAULT_CHART}


def trial_balance(run, book: Path) -> dict[str, Decimal]:
    """Non-zero balances by journal account name, debit positive."""
    status, out, _ = run("trial-balance", book, "--csv", "-")
    assert status == 0
    balances = {}
    for row in csv.DictReader(io.StringIO(out)):
        balance = Decimal(row["debit"]) - Decimal(row["credit"])
        if balance:
            balances[NAMES[row["code"]]] = balance
    return balances


def parse_balance_lines(text: str, currency: str) -> dict[str, Decimal]:
    """``<amount> <commodity>  <account>`` lines (ledger and hledger ``balance --flat``)."""
    balances = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        amount, commodity, account = line.strip().split(maxsplit=2)
        assert commodity == currency, line
        balances[account] = Decimal(amount)
    return balances


@pytest.fixture
def journal_file(run, demo_book, tmp_path) -> Path:
    path = tmp_path / "book.journal"
    status, out, _ = run("export-journal", demo_book, "-o", path)
    assert status == 0 and "journal entries" in out
    return path


@pytest.mark.parametrize("tool", ["ledger", "hledger"])
def test_tool_balances_equal_trial_balance(run, demo_book, journal_file, tool):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    result = subprocess.run(
        [tool, "-f", str(journal_file), "balance", "--flat", "--no-total"],
        capture_output=True, text=True, check=True, timeout=120,
    )
    assert parse_balance_lines(result.stdout, "EUR") == trial_balance(run, demo_book)


def test_journal_to_stdout_has_every_account(run, demo_book):
    status, out, _ = run("export-journal", demo_book)
    assert status == 0
    for name in NAMES.values():
        assert f"account {name}\n" in out
    postings = [line for line in out.splitlines() if line.startswith("    ")]
    assert postings
    for line in postings:
        assert POSTING.fullmatch(line), line
