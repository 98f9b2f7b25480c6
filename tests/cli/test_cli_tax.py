"""The tax commands: ``report tax-return``, ``settle-tax``, ``tax-code``, ``list tax-codes``
and ``settings --tax-rounding``; refusals in one line that change nothing; the exported
journal still agrees with ledger-cli and hledger after a settlement."""

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
from ledgerdesk.reports.journal_text import account_name

D = Decimal


def _line(price: str, code: str, account: str = "4000"):
    from ledgerdesk.services.commands import LineInput

    return LineInput(description="item", unit_price=D(price), account_code=account,
                     tax_code=code)


@pytest.fixture
def taxed_book(tmp_path: Path, contact_in) -> Path:
    """Q1 2024: 200 on Standard 20% and 60 on Reduced 5% sold, 60 on Standard 20% bought."""
    from ledgerdesk.services.commands import DocumentDraft
    from ledgerdesk.services.documents import create_document
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    path = tmp_path / "tax.book"
    book = create_book(path)
    try:
        initialise_book(book, "Tax Co", "EUR")
        acme = contact_in(book, "Acme", ContactRole.CUSTOMER)
        paper = contact_in(book, "Paper", ContactRole.SUPPLIER)
        create_document(book, DocumentDraft(
            kind=DocumentKind.SALES_INVOICE, contact_id=acme, issue_date=dt.date(2024, 2, 10),
            lines=[_line("200", "Standard 20%"), _line("60", "Reduced 5%")]))
        create_document(book, DocumentDraft(
            kind=DocumentKind.BILL, contact_id=paper, issue_date=dt.date(2024, 3, 3),
            lines=[_line("60", "Standard 20%", "6000")]))
    finally:
        book.close()
    return path


Q1 = ("--from", "2024-01-01", "--to", "2024-03-31")


def test_the_tax_return_csv_is_one_row_per_code_then_the_net_due(run, taxed_book):
    status, out, err = run("report", "tax-return", taxed_book, *Q1, "--csv", "-")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "code,rate,side,net,tax",
        "Reduced 5%,5,sales,60.00,3.00",
        "Standard 20%,20,sales,200.00,40.00",
        "Standard 20%,20,purchases,60.00,12.00",
        "net due,,,,31.00",
    ]


def test_the_tax_return_table_says_what_is_due(run, taxed_book):
    status, out, _ = run("report", "tax-return", taxed_book, *Q1)
    assert status == 0
    assert "Tax return, 2024-01-01 to 2024-03-31" in out
    assert out.splitlines()[-1] == "Output tax 43.00 EUR, input tax 12.00 EUR: 31.00 EUR to pay."


def trial_balance(run, book: Path) -> str:
    status, out, _ = run("trial-balance", book, "--csv", "-")
    assert status == 0
    return out


def test_settle_tax_pays_the_net_due_once(run, taxed_book):
    status, out, err = run("settle-tax", taxed_book, *Q1, "--date", "2024-04-20")
    assert (status, err) == (0, "")
    assert out == ("Paid 31.00 EUR of tax for 2024-01-01 to 2024-03-31 from 1000 Bank on "
                   "2024-04-20 (TAX-00001).\n")
    balances = {r["code"]: (r["debit"], r["credit"])
                for r in csv.DictReader(io.StringIO(trial_balance(run, taxed_book)))}
    assert balances["2200"] == ("0.00", "0.00")  # the quarter's tax is cleared
    before = trial_balance(run, taxed_book)
    status, out, err = run("settle-tax", taxed_book, "--from", "2024-03-01", "--to",
                           "2024-03-31", "--date", "2024-05-01", "--bank", "1010")
    assert (status, out) == (1, "")
    assert err == ("ledgerdesk: error: 2024-03-01 to 2024-03-31 overlaps the tax settlement "
                   "TAX-00001 (2024-01-01 to 2024-03-31, paid 31.00 EUR on 2024-04-20): a "
                   "period is settled once.\n")
    assert trial_balance(run, taxed_book) == before
    status, out, _ = run("report", "tax-return", taxed_book, *Q1)
    assert "Settled by TAX-00001" in out


def test_settle_tax_names_every_problem(run, taxed_book):
    before = trial_balance(run, taxed_book)
    status, out, err = run("settle-tax", taxed_book, *Q1, "--date", "2024-03-30",
                           "--bank", "4000")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "ledgerdesk: error: bank: 4000 Sales is not a bank account; the bank accounts are "
        "1000 Bank, 1010 Savings.",
        "ledgerdesk: error: date: The payment date 2024-03-30 is before the period ends "
        "(2024-03-31): a return is settled once its period is over."]
    assert trial_balance(run, taxed_book) == before


def test_tax_codes_are_listed_created_and_changed(run, taxed_book):
    status, out, err = run("tax-code", taxed_book, "Books 5.5%", "--rate", "5.5",
                           "--side", "sales")
    assert (status, err) == (0, "")
    assert out == "Created sales tax code Books 5.5% at 5.5%, posting to 2200 Sales Tax.\n"
    status, out, _ = run("tax-code", taxed_book, "Books 5.5%", "--rate", "5.5", "--side",
                         "sales")
    assert out == "Sales tax code Books 5.5% is already at 5.5%, posting to 2200 Sales Tax.\n"
    status, out, _ = run("list", "tax-codes", taxed_book, "--csv", "-")
    assert status == 0
    rows = [(r["side"], r["name"], r["rate"], r["account"], r["used"])
            for r in csv.DictReader(io.StringIO(out))]
    assert rows[:4] == [("sales", "No tax 0%", "0", "2200", ""),
                        ("sales", "Reduced 5%", "5", "2200", "INV-00001"),
                        ("sales", "Books 5.5%", "5.5", "2200", ""),
                        ("sales", "Standard 20%", "20", "2200", "INV-00001")]
    status, out, err = run("tax-code", taxed_book, "Standard 20%", "--rate", "21",
                           "--side", "sales")
    assert (status, out) == (1, "")
    assert err == ("ledgerdesk: error: rate: Standard 20% is used on posted documents "
                   "(INV-00001), so its rate stays 20%: they were posted at it. Make a new "
                   "code for 21% instead (e.g. “Tax 21%”).\n")


def test_settings_choose_the_tax_rounding_and_say_what_it_changes(run, taxed_book):
    status, out, _ = run("settings", taxed_book)
    assert status == 0 and "tax-rounding: per-line\n" in out
    status, out, err = run("settings", taxed_book, "--tax-rounding", "per-document")
    assert (status, err) == (0, "")
    assert out.startswith("Tax rounding is now per-document. Applies to documents saved "
                          "from now on; posted documents keep the amounts they were posted "
                          "with.\n")
    assert "tax-rounding: per-document\n" in run("settings", taxed_book)[1]
    assert run("settings", taxed_book, "--tax-rounding", "nearest")[0] == 2


@pytest.mark.parametrize("tool", ["ledger", "hledger"])
def test_the_exported_journal_agrees_with_tools_after_a_settlement(
        installed, run, book_copy, tmp_path, tool):
    installed(tool)
    year = dt.date.today().year - 1  # the demo's 18 months hold last year's third quarter
    assert run("lock", book_copy, "--clear")[0] == 0  # which the demo has closed and locked
    status, _, err = run("settle-tax", book_copy, "--from", f"{year}-07-01", "--to",
                           f"{year}-09-30", "--date", f"{year}-10-15")
    assert status == 0, err
    journal = tmp_path / "book.journal"
    assert run("export-journal", book_copy, "-o", journal)[0] == 0
    result = subprocess.run([tool, "-f", str(journal), "balance", "--flat", "--no-total"],
                            capture_output=True, text=True, check=True, timeout=120)
    tools = {}
    for line in result.stdout.splitlines():
        if line.strip():
            amount, _, account = line.strip().split(maxsplit=2)
            tools[account] = D(amount)
    from ledgerdesk.domain.ledger import DEFAULT_CHART
    from ledgerdesk.services.demo_journals import ACCOUNTS as DEMO_JOURNAL_ACCOUNTS

    names = {a.code: account_name(a) for a in (*DEFAULT_CHART, *DEMO_JOURNAL_ACCOUNTS)}
    ours = {names[r["code"]]: D(r["debit"]) - D(r["credit"])
            for r in csv.DictReader(io.StringIO(trial_balance(run, book_copy)))
            if D(r["debit"]) - D(r["credit"])}
    assert tools == ours
    assert run("check", book_copy)[0] == 0


def tax_codes_csv(run, book: Path) -> str:
    status, out, _ = run("list", "tax-codes", book, "--csv", "-")
    assert status == 0
    return out


@pytest.mark.parametrize("rate", ["abc", "1e5", "5,5", "", "NaN", "0x10"])
def test_a_rate_that_is_not_a_percentage_is_one_line_about_percentages(run, taxed_book, rate):
    before = tax_codes_csv(run, taxed_book)
    status, out, err = run("tax-code", taxed_book, "Books", f"--rate={rate}", "--side", "sales")
    assert (status, out) == (2, "")
    assert err == (f"ledgerdesk tax-code: error: argument --rate: “{rate}” is not a "
                   "percentage, like 20 or 5.5 (see ledgerdesk tax-code --help)\n")
    assert tax_codes_csv(run, taxed_book) == before


@pytest.mark.parametrize(("rate", "why"), [
    ("-5", "A tax rate is 0 to 100 percent, not -5%."),
    ("150", "A tax rate is 0 to 100 percent, not 150%."),
    ("1" + "0" * 40, "A tax rate is 0 to 100 percent."),  # too long to echo
    ("5.5555", "A tax rate has at most 3 decimal places."),
])
def test_a_rate_out_of_range_is_one_clear_line_and_changes_nothing(run, taxed_book, rate, why):
    before = tax_codes_csv(run, taxed_book)
    status, out, err = run("tax-code", taxed_book, "Books", "--rate", rate, "--side", "sales")
    assert (status, out) == (1, "")
    assert err == f"ledgerdesk: error: rate: {why}\n"
    assert tax_codes_csv(run, taxed_book) == before


def test_a_rate_may_be_written_with_its_percent_sign(run, taxed_book):
    status, out, err = run("tax-code", taxed_book, "Books", "--rate", "5.5%", "--side", "sales")
    assert (status, err) == (0, "")
    assert out == "Created sales tax code Books at 5.5%, posting to 2200 Sales Tax.\n"
