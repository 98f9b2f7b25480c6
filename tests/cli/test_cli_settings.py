"""``ledgerdesk settings``: every setting printed one per line; options change them through
the same service as the window's Settings dialog, or are refused in one line."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest


def lines_of(out: str) -> dict[str, str]:
    pairs = (line.split(": ", 1) for line in out.splitlines() if line)
    return {key: value for key, value in pairs}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_without_options_every_setting_is_one_line(run, book_copy):
    status, out, err = run("settings", book_copy)
    assert status == 0, err
    shown = lines_of(out)
    assert shown["company"] == "Northwind Design Studio"
    assert shown["currency"] == "EUR"
    assert shown["fiscal-year-start"] == "01-01"
    assert shown["locale"] == "(the system's)"
    assert shown["invoice-prefix"] == "INV-"
    assert {"address", "tax-number", "bill-prefix", "logo"} <= set(shown)
    assert len(out.splitlines()) == len(shown)


def test_the_fiscal_year_start_is_changed_and_printed(run, book_copy):
    status, out, err = run("settings", book_copy, "--fiscal-year-start", "04-01")
    assert status == 0, err
    assert "fiscal-year-start: 04-01" in out
    assert lines_of(run("settings", book_copy)[1])["fiscal-year-start"] == "04-01"


def test_several_settings_change_at_once(run, book_copy):
    status, _, err = run("settings", book_copy, "--company", "Acme Ltd", "--locale", "de_DE",
                         "--prefix", "invoice=RE-", "--fiscal-year-start", "7-1")
    assert status == 0, err
    shown = lines_of(run("settings", book_copy)[1])
    assert (shown["company"], shown["locale"], shown["invoice-prefix"],
            shown["fiscal-year-start"]) == ("Acme Ltd", "de_DE", "RE-", "07-01")


@pytest.mark.parametrize(("args", "words"), [
    (("--fiscal-year-start", "02-29"), "29 February"),
    (("--fiscal-year-start", "2024-04-01"), "MM-DD"),
    (("--locale", "xx_YY"), "xx_YY"),
    (("--prefix", "bill=A B"), "bill prefix"),
    (("--prefix", "receipt=R-"), "receipt"),
    (("--company", ""), "company"),
])
def test_a_refused_setting_is_one_line_and_the_book_is_unchanged(run, book_copy, args, words):
    before = digest(book_copy)
    status, out, err = run("settings", book_copy, "--company", "Changed Ltd", *args)
    assert status != 0 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1
    assert digest(book_copy) == before
