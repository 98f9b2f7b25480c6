"""``ledgerdesk list accounts`` and ``edit-account``: the chart with balances; rename,
re-code (reports and the exported journal read the same after, under the new code), archive
at zero only, mark as bank; every refusal one line, the book unchanged."""

from __future__ import annotations

import csv
import hashlib
import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def accounts(run, path: Path) -> dict[str, dict[str, str]]:
    status, out, err = run("list", "accounts", path, "--csv", "-")
    assert status == 0, err
    return {row["code"]: row for row in rows_of(out)}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_chart_lists_every_account_with_type_role_status_and_balance(run, book_copy):
    status, table, err = run("list", "accounts", book_copy)
    assert status == 0, err
    assert "Code" in table and "Balance" in table and "19 accounts" in table  # the demo adds 3
    assert "income and expense accounts since this fiscal year began" in table
    listed = accounts(run, book_copy)
    assert list(next(iter(listed.values()))) == ["code", "name", "type", "role", "status",
                                                  "balance"]
    assert listed["1100"]["role"] == "receivable" and listed["1000"]["role"] == "bank"
    assert listed["2000"]["type"] == "liability" and listed["5000"]["status"] == "active"
    trial = {r["code"]: Decimal(r["debit"]) - Decimal(r["credit"])
             for r in rows_of(run("trial-balance", book_copy, "--csv", "-")[1])}
    for code in ("1000", "1100"):
        assert Decimal(listed[code]["balance"]) == trial[code]
    assert Decimal(listed["2000"]["balance"]) == -trial["2000"]  # natural sign


def test_retained_earnings_are_listed_as_the_balance_sheet_shows_them(run, book_copy):
    """No closing entries: the account's balance is derived from the earlier years' results,
    as on the balance sheet (it used to read 0.00 beside the balance sheet's figure)."""
    listed = accounts(run, book_copy)
    sheet = rows_of(run("report", "balance-sheet", book_copy, "--csv", "-")[1])
    [retained] = [r for r in sheet if r["account"] == "Retained earnings"]
    assert Decimal(retained["amount"]) == Decimal(listed["3100"]["balance"]) != 0


def reports_of(run, path: Path) -> dict[str, str]:
    """The CSV of the trial balance and of the account reports."""
    said = {}
    for command in (("trial-balance",), ("report", "balance-sheet"),
                    ("report", "profit-and-loss"), ("report", "sales-tax")):
        status, out, err = run(*command, path, "--csv", "-")
        assert status == 0, err
        said[command[-1]] = out
    return said


def test_re_coding_keeps_reports_and_the_exported_journal(run, book_copy, tmp_path):
    before, journal_before = reports_of(run, book_copy), tmp_path / "before.journal"
    assert run("export-journal", book_copy, "-o", journal_before)[0] == 0
    status, out, err = run("edit-account", book_copy, "4000", "--code", "4050")
    assert status == 0, err
    assert out == "Saved account 4050 Sales: re-coded from 4000.\n"
    after, journal_after = reports_of(run, book_copy), tmp_path / "after.journal"
    assert run("export-journal", book_copy, "-o", journal_after)[0] == 0
    assert after == {name: text.replace("4000,", "4050,") for name, text in before.items()}
    assert journal_after.read_text() == journal_before.read_text().replace(
        "Income:4000 Sales", "Income:4050 Sales")
    assert run("check", book_copy)[0] == 0


@pytest.mark.parametrize("tool", ["ledger", "hledger"])
def test_after_a_re_code_the_tools_still_agree_with_the_trial_balance(installed, run, book_copy,
                                                                      tmp_path, tool):
    installed(tool)
    assert run("edit-account", book_copy, "1000", "--code", "1999", "--name", "Main bank")[0] == 0
    journal = tmp_path / "book.journal"
    assert run("export-journal", book_copy, "-o", journal)[0] == 0
    result = subprocess.run([tool, "-f", str(journal), "balance", "--flat", "--no-total"],
                            capture_output=True, text=True, check=True, timeout=120)
    balances = {}
    for line in result.stdout.splitlines():
        if line.strip():
            amount, _, name = line.strip().split(maxsplit=2)
            balances[name.split(":", 1)[1].split()[0]] = Decimal(amount)
    trial = {r["code"]: Decimal(r["debit"]) - Decimal(r["credit"])
             for r in rows_of(run("trial-balance", book_copy, "--csv", "-")[1])}
    assert balances == {code: amount for code, amount in trial.items() if amount}
    assert "1999" in balances and "1000" not in balances


def test_rename_archive_restore_and_bank(run, book_copy):
    assert run("add-account", book_copy, "1030", "Cash box", "--type", "asset")[0] == 0
    status, out, _ = run("edit-account", book_copy, "1030", "--name", "Petty cash", "--bank")
    assert out == "Saved account 1030 Petty cash: renamed from Cash box; now a bank account.\n"
    assert accounts(run, book_copy)["1030"]["role"] == "bank"
    status, out, _ = run("edit-account", book_copy, "1030", "--archive")
    assert (status, out) == (0, "Saved account 1030 Petty cash: archived.\n")
    assert accounts(run, book_copy)["1030"]["status"] == "archived"
    status, out, _ = run("edit-account", book_copy, "1030", "--restore", "--no-bank")
    assert out == ("Saved account 1030 Petty cash: restored from the archive; no longer a bank "
                   "account.\n")


@pytest.mark.parametrize(("args", "words"), [
    (("1000", "--archive"), "archive: Account 1000 Bank has a balance of "),
    (("1100", "--archive"), "receivable account the books post to by themselves; it cannot "
                            "be archived"),
    (("3100", "--bank"), "retained earnings account the books post to by themselves; it "
                         "keeps that role"),
    (("6000", "--bank"), "A bank account is an asset account."),
    (("6000", "--code", "6100"), "Account 6100 already exists."),
    (("6000", "--name", " "), "An account needs a name."),
    (("9999", "--name", "X"), "There is no account '9999' in the chart."),
    (("6000",), "Say what to change"),
    (("6000", "--archive", "--restore"), "not allowed with argument"),
])
def test_a_refused_change_is_one_line_and_the_book_is_unchanged(run, book_copy, args, words):
    before = digest(book_copy)
    status, out, err = run("edit-account", book_copy, *args)
    assert status != 0 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1
    assert digest(book_copy) == before


def test_list_accounts_refuses_open(run, book_copy):
    status, _, err = run("list", "accounts", book_copy, "--open")
    assert status != 0 and "--open applies to" in err
