"""The demo book is a whole business year and more: it opens with the balances and the open
invoices and bills of a business moving over from another program, keeps its journals,
and its last finished fiscal year is closed and locked.  Its balance sheet's retained
earnings are what ``hledger incomestatement`` (and ``ledger balance``) make of every
earlier fiscal year in the exported journal."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

TOOLS = ("hledger", "ledger")


def settings(run, path: Path) -> dict[str, str]:
    status, out, err = run("settings", path)
    assert status == 0, err
    return dict(line.split(": ", 1) for line in out.splitlines())


def listed(run, path: Path, *args: str) -> list[dict[str, str]]:
    status, out, err = run(*args, path, "--csv", "-")
    assert status == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def this_fiscal_year_start(run, path: Path, today: dt.date) -> dt.date:
    month, day = map(int, settings(run, path)["fiscal-year-start"].split("-"))
    start = dt.date(today.year, month, day)
    return start if start <= today else dt.date(today.year - 1, month, day)


def tool_profit(tool: str, journal: Path, before: dt.date) -> Decimal:
    """Income less expenses dated before ``before``, as the tool adds them up."""
    if tool == "hledger":
        out = subprocess.run(["hledger", "-f", str(journal), "incomestatement", "-e",
                              before.isoformat(), "-O", "csv"], capture_output=True,
                             text=True, check=True, timeout=120).stdout
        (net,) = [row for row in csv.reader(io.StringIO(out)) if row and row[0] == "Net:"]
        return Decimal(net[1].split()[0])
    out = subprocess.run(["ledger", "-f", str(journal), "balance", "-e", before.isoformat(),
                          "^Income", "^Expenses", "--flat", "--no-total"],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    return -sum((Decimal(line.split()[0]) for line in out.splitlines() if line.strip()),
                Decimal(0))


@pytest.mark.parametrize("tool", TOOLS)
def test_retained_earnings_equal_the_tools_income_statement_of_the_earlier_years(installed,
        run, demo_book, tmp_path, tool):
    installed(tool)
    journal = tmp_path / "demo.journal"
    assert run("export-journal", demo_book, "-o", journal)[0] == 0
    today = dt.date.today()
    start = this_fiscal_year_start(run, demo_book, today)
    status, out, err = run("report", "balance-sheet", demo_book, "--as-of",
                           today.isoformat(), "--csv", "-")
    assert status == 0, err
    rows = {row["account"]: row for row in csv.DictReader(io.StringIO(out))}
    earlier = tool_profit(tool, journal, start)
    assert earlier != 0  # the demo began in an earlier fiscal year and made a profit there
    # Nothing is posted to the retained earnings account itself (the opening balances come
    # from the owner's equity), so the line is exactly the earlier years' profit.
    assert Decimal(rows["Retained earnings"]["amount"]) == earlier


def test_the_demo_is_locked_through_the_last_fiscal_years_end(run, book_copy):
    today = dt.date.today()
    year_end = this_fiscal_year_start(run, book_copy, today) - dt.timedelta(days=1)
    assert settings(run, book_copy)["locked-through"] == year_end.isoformat()
    customer = next(row["contact"] for row in listed(run, book_copy, "list", "invoices"))
    before = book_copy.read_bytes()
    status, out, err = run("pay", book_copy, "--contact", customer, "--amount", "1.00",
                           "--date", year_end.isoformat())
    assert (status, out) == (1, "")
    assert err == (f"ledgerdesk: error: The books are locked through {year_end}; "
                   f"the payment is dated {year_end}.\n")
    assert book_copy.read_bytes() == before


def test_the_demo_opens_with_balances_and_open_documents_from_another_program(
        run, demo_book):
    first_day = dt.date.today() - dt.timedelta(days=548)
    as_of = (first_day - dt.timedelta(days=1)).isoformat()
    opening = [row for kind in ("invoices", "bills")
               for row in listed(run, demo_book, "list", kind)
               if row["number"].startswith("OB-")]
    assert {row["issue_date"] for row in opening} == {as_of}
    assert len([row for row in opening if row["number"].startswith("OB-1")]) >= 2
    assert any(row["number"].startswith("OB-2") for row in opening)  # a bill too
    assert {row["status"] for row in opening} == {"paid"}  # paid since, as in real life
    entries = listed(run, demo_book, "list", "journal-entries")
    assert (entries[0]["number"], entries[0]["date"], entries[0]["memo"]) == (
        "JNL-00001", as_of, "Opening balances")
    status, out, err = run("trial-balance", demo_book, "--as-of", as_of, "--csv", "-")
    assert status == 0, err
    balances = {row["code"]: Decimal(row["debit"]) - Decimal(row["credit"])
                for row in csv.DictReader(io.StringIO(out))}
    assert balances["1000"] > 0 and balances["1500"] > 0 and balances["3000"] < 0
    assert balances.get("3100", Decimal(0)) == 0
    assert run("check", demo_book)[0] == 0


def test_the_demo_says_what_it_opened_with(run, tmp_path):
    status, out, err = run("demo", tmp_path / "demo.book")
    assert status == 0, err
    assert "  opening       3 invoices and bills open the day before (OB-), and 3 payments " \
           "of them\n" in out
