"""``ledgerdesk new``: an empty, initialised book, as the window's New book dialog makes."""

from __future__ import annotations

import csv
import io

import pytest


def test_a_new_book_is_empty_with_its_company_currency_and_year(run, tmp_path):
    path = tmp_path / "shop.book"
    status, out, err = run("new", path, "--company", "Corner Shop", "--currency", "gbp",
                           "--fiscal-year-start", "04-06")
    assert status == 0, err
    assert "Corner Shop" in out and "GBP" in out and str(path) in out
    settings = run("settings", path)[1]
    assert "company: Corner Shop" in settings and "currency: GBP" in settings
    assert "fiscal-year-start: 04-06" in settings
    assert run("check", path)[0] == 0
    accounts = list(csv.DictReader(io.StringIO(run("list", "accounts", path, "--csv", "-")[1])))
    assert {"1000", "1100", "2000", "3100", "4000"} <= {a["code"] for a in accounts}
    assert run("list", "invoices", path)[1].strip().endswith("0 invoices")


def test_the_year_starts_on_1_january_unless_given(run, tmp_path):
    path = tmp_path / "plain.book"
    assert run("new", path, "--company", "Plain", "--currency", "EUR")[0] == 0
    assert "fiscal-year-start: 01-01" in run("settings", path)[1]


@pytest.mark.parametrize(("args", "words"), [
    (("--company", "X", "--currency", "EURO"), "EURO"),
    (("--company", "X", "--currency", "XAU"), "XAU"),
    (("--company", "", "--currency", "EUR"), "company"),
    (("--company", "X", "--currency", "EUR", "--fiscal-year-start", "02-29"), "29 February"),
    (("--company", "X", "--currency", "EUR", "--fiscal-year-start", "13-01"), "MM-DD"),
])
def test_a_refused_book_is_one_line_and_leaves_no_file(run, tmp_path, args, words):
    path = tmp_path / "refused.book"
    status, out, err = run("new", path, *args)
    assert status != 0 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_replaced(run, tmp_path):
    path = tmp_path / "kept.book"
    path.write_text("mine")
    status, _, err = run("new", path, "--company", "X", "--currency", "EUR")
    assert status != 0 and "already exists" in err
    assert path.read_text() == "mine"
