"""export-journal: ledger-cli and hledger show the trial balance, account by account."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.domain.ledger import DEFAULT_CHART
from ledgerdesk.reports.journal_text import account_name
from ledgerdesk.services.demo_journals import ACCOUNTS as DEMO_JOURNAL_ACCOUNTS

POSTING = re.compile(r"    [A-Z][a-z]+:[^;@]+?  -?[0-9]+\.[0-9]{2} EUR(  ; .*)?")
#: The default chart and the accounts the demo's journals add (a loan, interest, depreciation).
NAMES = {a.code: account_name(a) for a in (*DEFAULT_CHART, *DEMO_JOURNAL_ACCOUNTS)}


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
def test_tool_balances_equal_trial_balance(installed, run, demo_book, journal_file, tool):
    installed(tool)
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


@pytest.mark.parametrize("tool", ["ledger", "hledger"])
def test_manual_journals_keep_the_tools_equal_to_the_trial_balance(
        installed, run, book_copy, tmp_path, tool):
    """Owner's capital, a loan and a repayment, depreciation (voided and recorded again),
    with descriptions holding what the journal formats give a meaning to."""
    installed(tool)
    day = dt.date.today().isoformat()  # after the demo's locked year
    journals = [
        (day, "Owner's capital; first year", ["--debit", "1000=15000:From the owner",
                                              "--credit", "3000=15000"]),
        (day, "Loan @ 4% (bank)", ["--debit", "1010=8000.50:Loan paid out; 36 months",
                                   "--credit", "2200=8000.50:tag: value"]),
        (day, "* Loan repayment", ["--debit", "2200=250.25", "--debit", "6300=30",
                                   "--credit", "1000=280.25:[bank] =fee"]),
        (day, "Depreciation, Q1", ["--debit", "6000=375", "--credit", "1500=375"]),
    ]
    numbers = []
    for date, memo, lines in journals:
        status, out, _ = run("journal", book_copy, "--date", date, "--memo", memo, *lines)
        assert status == 0
        numbers.append(re.search(r"JNL-\d{5}", out).group())
    assert run("void", numbers[3], book_copy, "--yes", "--date", day)[0] == 0
    assert run("journal", book_copy, "--date", day, "--memo", "Depreciation, Q1",
               "--debit", "6000=357", "--credit", "1500=357")[0] == 0
    path = tmp_path / "journals.journal"
    assert run("export-journal", book_copy, "-o", path)[0] == 0
    result = subprocess.run(
        [tool, "-f", str(path), "balance", "--flat", "--no-total"],
        capture_output=True, text=True, check=True, timeout=120,
    )
    assert parse_balance_lines(result.stdout, "EUR") == trial_balance(run, book_copy)
