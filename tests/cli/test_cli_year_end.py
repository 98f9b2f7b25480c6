"""Year end on the command line: the balance sheet's retained earnings equal what
``hledger incomestatement`` (and ``ledger balance``) make of every earlier fiscal year in the
exported journal, plus the retained earnings account; the profit and loss defaults to the
fiscal year to date."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import JournalEntry, JournalLine, SourceType
from ledgerdesk.domain.money import Money

D = dt.date
TOOLS = ("hledger", "ledger")


@pytest.fixture
def year_book(book, add_contact, issue, run) -> Path:
    """Two fiscal years from 1 April with 20 % tax, a payment, a void and an entry posted
    straight to retained earnings."""
    from ledgerdesk.services.documents import void_document

    shop = add_contact("Shop", ContactRole.BOTH)
    issue(shop, "1000", tax_rate="20", issue_date=D(2023, 5, 10))
    issue(shop, "300", DocumentKind.BILL, tax_rate="20", issue_date=D(2023, 11, 20))
    voided, _ = issue(shop, "80", issue_date=D(2024, 2, 1))
    void_document(book, voided, D(2024, 4, 3))  # reversed in the next year
    with book.write() as tx:
        tx.post(JournalEntry(D(2024, 1, 1), "Prior year adjustment", SourceType.MANUAL, None, (
            JournalLine("3000", Money.of("50", "EUR")),
            JournalLine("3100", Money.of("-50", "EUR")))))
    issue(shop, "200", issue_date=D(2024, 3, 31))
    issue(shop, "500", issue_date=D(2024, 4, 1))
    issue(shop, "100", DocumentKind.BILL, issue_date=D(2024, 6, 15))
    path = Path(book.path)
    assert run("settings", path, "--fiscal-year-start", "04-01")[0] == 0
    return path


def sheet(run, path: Path, as_of: str, *extra: str) -> dict[str, dict[str, str]]:
    status, out, err = run("report", "balance-sheet", path, "--as-of", as_of, *extra,
                           "--csv", "-")
    assert status == 0, err
    return {row["account"]: row for row in csv.DictReader(io.StringIO(out))}


def tool_profit(tool: str, journal: Path, before: str) -> Decimal:
    """Income less expenses dated before ``before``, as the tool adds them up."""
    if tool == "hledger":
        out = subprocess.run(["hledger", "-f", str(journal), "incomestatement", "-e", before,
                              "-O", "csv"], capture_output=True, text=True, check=True,
                             timeout=120).stdout
        (net,) = [row for row in csv.reader(io.StringIO(out)) if row and row[0] == "Net:"]
        return Decimal(net[1].split()[0]) if len(net) > 1 else Decimal(0)  # nothing before
    out = subprocess.run(["ledger", "-f", str(journal), "balance", "-e", before, "^Income",
                          "^Expenses", "--flat", "--no-total"], capture_output=True,
                         text=True, check=True, timeout=120).stdout
    return -sum((Decimal(line.split()[0]) for line in out.splitlines() if line.strip()),
                Decimal(0))


def tool_balance(tool: str, journal: Path, account: str, through: str) -> Decimal:
    end = (D.fromisoformat(through) + dt.timedelta(days=1)).isoformat()
    out = subprocess.run([tool, "-f", str(journal), "balance", "-e", end, account, "--flat",
                          "--no-total"], capture_output=True, text=True, check=True,
                         timeout=120).stdout
    return sum((Decimal(line.split()[0]) for line in out.splitlines() if line.strip()),
               Decimal(0))


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize(("as_of", "year_start"), [
    ("2024-03-31", "2023-04-01"), ("2024-04-01", "2024-04-01"), ("2024-06-30", "2024-04-01"),
])
def test_retained_earnings_equal_the_tools_income_statement_of_earlier_years(installed,
        run, year_book, tmp_path, tool, as_of, year_start):
    installed(tool)
    journal = tmp_path / "book.journal"
    assert run("export-journal", year_book, "-o", journal)[0] == 0
    rows = sheet(run, year_book, as_of)
    posted = -tool_balance(tool, journal, "Equity:3100", as_of)
    earlier = tool_profit(tool, journal, year_start)
    assert Decimal(rows["Retained earnings"]["amount"]) == earlier + posted
    through = (D.fromisoformat(as_of) + dt.timedelta(days=1)).isoformat()
    assert Decimal(rows["Current year earnings"]["amount"]) == (
        tool_profit(tool, journal, through) - earlier)


def test_the_balance_sheet_says_where_the_fiscal_year_began(run, year_book):
    status, out, _ = run("report", "balance-sheet", year_book, "--as-of", "2024-06-30")
    assert status == 0
    assert ("Current year earnings since 2024-04-01, the fiscal year's first day; retained "
            "earnings before it") in out


def test_the_balance_sheet_balances_in_both_columns_and_check_passes(run, year_book):
    rows = sheet(run, year_book, "2024-06-30", "--compare-to", "2024-03-31")
    for column in ("amount", "previous"):
        assert rows["Total assets"][column] == rows["Total liabilities and equity"][column]
    # 2023-24: 1000 - 300 + 80 (voided only in the next year) + 200, and the 50 posted
    assert (rows["Retained earnings"]["amount"], rows["Retained earnings"]["previous"]) == (
        "1030.00", "50.00")
    assert (rows["Current year earnings"]["amount"],
            rows["Current year earnings"]["previous"]) == ("320.00", "980.00")
    assert run("check", year_book)[0] == 0


@pytest.mark.parametrize("tool", TOOLS)
def test_the_demo_books_retained_earnings_equal_the_tools_earlier_years(installed,
        run, book_copy, tmp_path, tool):
    installed(tool)
    assert run("settings", book_copy, "--fiscal-year-start", "07-01")[0] == 0
    journal = tmp_path / "demo.journal"
    assert run("export-journal", book_copy, "-o", journal)[0] == 0
    today = dt.date.today()
    start = D(today.year if today >= D(today.year, 7, 1) else today.year - 1, 7, 1)
    rows = sheet(run, book_copy, today.isoformat())
    earlier = tool_profit(tool, journal, start.isoformat())
    assert earlier != 0  # the demo spans 18 months: some profit is from earlier years
    assert Decimal(rows["Retained earnings"]["amount"]) == earlier


def test_the_profit_and_loss_defaults_to_the_fiscal_year_to_date(run, year_book, monkeypatch):
    monkeypatch.setattr("ledgerdesk.cli.reports.today", lambda: D(2024, 6, 20))
    status, out, err = run("report", "profit-and-loss", year_book)
    assert status == 0, err
    assert "Profit and loss, 2024-04-01 to 2024-06-20" in out
    assert "(previous period 2023-04-01 to 2023-06-20)" in out
    status, out, _ = run("report", "profit-and-loss", year_book, "--to", "2024-02-10")
    assert "Profit and loss, 2023-04-01 to 2024-02-10" in out
