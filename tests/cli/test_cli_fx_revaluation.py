"""``report fx-revaluation`` (issue 15 item 4): open foreign documents and foreign bank
balances at a date's rate, the unrealised gain or loss per item and per currency, and
``--post`` recording it on the day, reversed the next, once, never inside the lock."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from ledgerdesk.cli import main

INVOICES = """number,contact,issue_date,description,unit_price,account,currency,exchange_rate
US-1,Globex Inc,2026-01-10,Design work,1000.00,4100,USD,0.90
JP-1,Globex Inc,2026-01-12,Licence,120000,4000,JPY,0.0062
"""
BILLS = """number,contact,issue_date,description,unit_price,account,currency,exchange_rate
H-1,Hostco LLC,2026-01-20,Hosting,300.00,6200,USD,0.91
"""


@pytest.fixture
def book(run, tmp_path):
    path = tmp_path / "fx.book"
    assert main(["new", str(path), "--company", "Test Co", "--currency", "EUR"]) == 0
    for name, text in (("invoices", INVOICES), ("bills", BILLS)):
        source = tmp_path / f"{name}.csv"
        source.write_text(text, encoding="utf-8")
        assert run("import", name, path, source, "--create-contacts")[0] == 0
    assert run("add-account", path, "1020", "USD Account", "--type", "asset", "--bank",
               "--currency", "USD")[0] == 0
    assert run("pay", path, "--contact", "Globex Inc", "--amount", "400.00", "--date",
               "2026-02-10", "--bank", "1020", "--rate", "0.95", "--allocate",
               "INV-00001=400.00")[0] == 0
    for currency, rate in (("USD", "0.97"), ("JPY", "0.0058")):
        assert run("rate", path, currency, rate, "--date", "2026-02-28")[0] == 0
    return path


def rows(run, book, *extra) -> dict[str, dict[str, str]]:
    status, out, err = run("report", "fx-revaluation", book, "--as-of", "2026-02-28",
                           "--csv", "-", *extra)
    assert status == 0, err
    return {row["item"]: row for row in csv.DictReader(io.StringIO(out))}


def balances(run, book, day) -> dict[str, Decimal]:
    status, out, _ = run("trial-balance", book, "--as-of", day, "--csv", "-")
    assert status == 0
    return {r["code"]: Decimal(r["debit"]) - Decimal(r["credit"])
            for r in csv.DictReader(io.StringIO(out))}


def test_each_item_and_currency_at_the_days_rate(run, book):
    found = rows(run, book)
    # 600 USD still owed, booked at 0.90: worth 582.00 at 0.97, a gain of 42.00
    assert (found["INV-00001"]["held"], found["INV-00001"]["worth"],
            found["INV-00001"]["gain"]) == ("540.00", "582.00", "42.00")
    # 120000 JPY booked at 0.0062 (744.00), worth 696.00: a loss
    assert found["INV-00002"]["gain"] == "-48.00"
    # a bill of 300 USD booked at 273.00 now costs 291.00: a loss on a liability
    assert (found["BILL-00001"]["worth"], found["BILL-00001"]["gain"]) == ("291.00", "-18.00")
    # 400 USD came in at 0.95 (380.00), worth 388.00
    assert found["1020 USD Account"]["gain"] == "8.00"
    assert found["All USD"]["gain"] == "32.00" and found["All JPY"]["gain"] == "-48.00"


def test_posting_records_the_day_and_reverses_it_the_next(run, book):
    before = balances(run, book, "2026-02-28")
    status, out, err = run("report", "fx-revaluation", book, "--as-of", "2026-02-28", "--post")
    assert (status, err) == (0, "")
    assert "Recorded the unrealised -16.00 EUR on 4910 as of 2026-02-28, reversed on " \
           "2026-03-01." in out
    on_the_day = balances(run, book, "2026-02-28")
    assert on_the_day["1100"] - before["1100"] == Decimal("-6.00")  # +42.00 - 48.00
    assert on_the_day["2000"] - before["2000"] == Decimal("-18.00")
    assert on_the_day["1020"] - before["1020"] == Decimal("8.00")
    assert on_the_day["4910"] == Decimal("16.00")  # a debit: a loss
    assert balances(run, book, "2026-03-01") == {**before, "4910": Decimal("0.00")}
    assert run("check", book)[0] == 0
    status, _, err = run("report", "fx-revaluation", book, "--as-of", "2026-02-28", "--post")
    assert status == 1 and err == ("ledgerdesk: error: The foreign money was revalued on "
                                   "2026-02-28 already.\n")


def test_inside_the_lock_or_without_a_rate_nothing_is_recorded(run, book):
    assert run("lock", book, "--through", "2026-02-28")[0] == 0
    before = balances(run, book, "2026-03-31")
    status, _, err = run("report", "fx-revaluation", book, "--as-of", "2026-02-28", "--post")
    assert status == 1 and "2026-02-28" in err and "lock" in err.lower()
    status, _, err = run("report", "fx-revaluation", book, "--as-of", "2026-01-11")
    assert status == 1 and "no USD rate on or before 2026-01-11" in err
    assert balances(run, book, "2026-03-31") == before


def test_a_posted_revaluation_does_not_count_itself_again(run, book):
    """The report after --post values the same money the same way: what was posted is not
    taken for a booked amount."""
    before = rows(run, book)
    assert run("report", "fx-revaluation", book, "--as-of", "2026-02-28", "--post")[0] == 0
    assert rows(run, book) == before
