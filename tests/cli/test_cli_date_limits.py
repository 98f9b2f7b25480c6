"""Every date option of the command line at the calendar's limits: a result, or one line.

Dates run from 0001-01-01 to 9999-12-31.  Each option is tried with both ends, with the
first day past each end, with a day that does not exist and with text that is no date;
whatever the report computes from the date (the period before, a year earlier, 90 days
before) must never run off the calendar into a traceback.
"""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader

LIMIT_TEXTS = ("0001-01-01", "9999-12-31", "10000-01-01", "0000-01-01", "-0001-01-01",
               "2024-02-30", "", "yesterday")
CUSTOMER = "Bluebell Nursery"
SUPPLIER = "PaperTrail Stationers"

#: Each date option as a command line; ``{}`` is where the date goes.
DATE_OPTIONS = {
    "trial-balance --as-of": ["trial-balance", "BOOK", "--as-of", "{}"],
    "receivable-aging --as-of": ["report", "receivable-aging", "BOOK", "--as-of", "{}"],
    "payable-aging --as-of --detail": ["report", "payable-aging", "BOOK", "--detail",
                                       "--as-of", "{}"],
    "balance-sheet --as-of": ["report", "balance-sheet", "BOOK", "--as-of", "{}"],
    "balance-sheet --compare-to": ["report", "balance-sheet", "BOOK", "--as-of", "2025-06-30",
                                   "--compare-to", "{}"],
    "report trial-balance --as-of": ["report", "trial-balance", "BOOK", "--as-of", "{}"],
    "profit-and-loss --from": ["report", "profit-and-loss", "BOOK", "--from", "{}"],
    "profit-and-loss --to": ["report", "profit-and-loss", "BOOK", "--to", "{}"],
    "profit-and-loss --from --to (one day)": ["report", "profit-and-loss", "BOOK",
                                              "--from", "{}", "--to", "{}"],
    "profit-and-loss --from 0001-01-01 --to": ["report", "profit-and-loss", "BOOK",
                                               "--from", "0001-01-01", "--to", "{}"],
    "profit-and-loss --previous-from": ["report", "profit-and-loss", "BOOK",
                                        "--from", "2025-01-01", "--to", "2025-03-31",
                                        "--previous-from", "{}", "--previous-to", "2024-12-31"],
    "profit-and-loss --previous-to": ["report", "profit-and-loss", "BOOK",
                                      "--from", "2025-01-01", "--to", "2025-03-31",
                                      "--previous-from", "0001-01-01", "--previous-to", "{}"],
    "general-ledger --from": ["report", "general-ledger", "BOOK", "--account", "1100",
                              "--from", "{}", "--to", "9999-12-31"],
    "general-ledger --to": ["report", "general-ledger", "BOOK", "--account", "1100",
                            "--from", "0001-01-01", "--to", "{}"],
    "payments-register --from --to": ["report", "payments-register", "BOOK", "--from", "{}",
                                      "--to", "{}"],
    "sales-tax --to": ["report", "sales-tax", "BOOK", "--to", "{}"],
    "customer-statement --from": ["report", "customer-statement", "BOOK", "--contact",
                                  CUSTOMER, "--from", "{}"],
    "customer-statement --to": ["report", "customer-statement", "BOOK", "--contact",
                                CUSTOMER, "--to", "{}"],
    "supplier-statement --from --to": ["report", "supplier-statement", "BOOK", "--contact",
                                       SUPPLIER, "--from", "{}", "--to", "{}"],
    "print --statement --from": ["print", "BOOK", "--statement", CUSTOMER, "-o", "PDF",
                                 "--from", "{}"],
    "print --statement --to": ["print", "BOOK", "--statement", CUSTOMER, "-o", "PDF",
                               "--to", "{}"],
    "pay --date": ["pay", "BOOK", "--contact", "Copperleaf Interiors", "--amount", "1.00",
                   "--allocate", "INV-00004=1.00", "--date", "{}"],
}


def command(option: str, date: str, book, pdf) -> list[str]:
    replace = {"BOOK": str(book), "PDF": str(pdf)}
    return [replace.get(part, part.replace("{}", date)) for part in DATE_OPTIONS[option]]


@pytest.mark.parametrize("date", LIMIT_TEXTS)
@pytest.mark.parametrize("option", DATE_OPTIONS)
def test_every_date_option_gives_a_result_or_one_line(run, book_copy, tmp_path, option, date):
    status, out, err = run(*command(option, date, book_copy, tmp_path / "s.pdf"))
    assert "Traceback" not in out + err
    if status == 0:
        assert out.strip(), "a result says something"
        assert err == ""
    else:
        assert len(err.splitlines()) == 1, err
        assert err.startswith("ledgerdesk")


@pytest.mark.parametrize("date", ["10000-01-01", "0000-01-01", "-0001-01-01"])
def test_a_date_off_the_calendar_names_the_option_and_the_range(run, demo_book, date):
    status, _, err = run("report", "receivable-aging", demo_book, f"--as-of={date}")
    assert status == 2
    assert "--as-of" in err and "0001-01-01 to 9999-12-31" in err


def test_profit_and_loss_of_all_time_has_no_period_before_it(run, demo_book):
    status, out, err = run("report", "profit-and-loss", demo_book, "--from", "0001-01-01",
                           "--to", "9999-12-31")
    assert (status, err) == (0, "")
    assert "Profit and loss, 0001-01-01 to 9999-12-31" in out
    assert "no period before 0001-01-01" in out
    status, csv_text, _ = run("report", "profit-and-loss", demo_book, "--from", "0001-01-01",
                              "--to", "9999-12-31", "--csv", "-")
    rows = list(csv.DictReader(io.StringIO(csv_text.removeprefix("\ufeff"))))
    assert rows and all(row["previous"] == "0.00" for row in rows)


def test_a_previous_period_reaching_before_year_one_starts_on_its_first_day(run, demo_book):
    status, out, _ = run("report", "profit-and-loss", demo_book, "--from", "0001-02-01",
                         "--to", "0001-03-31")
    assert status == 0
    assert "(previous period 0001-01-01 to 0001-01-31)" in out


def test_balance_sheet_in_year_one_has_no_date_a_year_before(run, demo_book):
    status, out, err = run("report", "balance-sheet", demo_book, "--as-of", "0001-06-30")
    assert (status, err) == (0, "")
    assert "no date a year before" in out


def test_a_statement_ending_in_year_one_starts_on_the_first_day(run, demo_book, tmp_path):
    pdf = tmp_path / "s.pdf"
    status, _, err = run("print", demo_book, "--statement", CUSTOMER, "-o", pdf,
                         "--to", "0001-01-05", "--locale", "en_US")
    assert (status, err) == (0, "")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\t", " ")
    assert "Jan 1, 0001 – Jan 5, 0001" in text
