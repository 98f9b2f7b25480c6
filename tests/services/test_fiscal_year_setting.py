"""The fiscal year start: a book setting saved with the others, read by the reports."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ledgerdesk.domain.fiscal_year import FiscalYearStart
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.fiscal_year import FISCAL_YEAR_START, read_fiscal_year_start
from ledgerdesk.services.settings import read_settings, update_settings

KNOWN = frozenset({"en_US", "de_DE"})


def test_a_new_book_starts_its_year_on_1_january(book):
    assert read_settings(book).fiscal_year_start == "01-01"
    assert read_fiscal_year_start(book) == FiscalYearStart(1, 1)


def test_the_start_is_saved_as_month_and_day_and_read_back(book):
    update_settings(book, replace(read_settings(book), fiscal_year_start="4-1"), KNOWN)
    assert read_settings(book).fiscal_year_start == "04-01"
    assert read_fiscal_year_start(book) == FiscalYearStart(4, 1)
    with book.read() as tx:
        assert tx.get_setting(FISCAL_YEAR_START) == "04-01"


@pytest.mark.parametrize("text", ["02-29", "13-01", "April", ""])
def test_a_bad_start_is_refused_naming_the_field_and_nothing_changes(book, text):
    before = read_settings(book)
    with pytest.raises(ValidationFailed) as refused:
        update_settings(book, replace(before, company="Renamed", fiscal_year_start=text), KNOWN)
    (problem,) = refused.value.problems
    assert problem.field == "fiscal_year_start"
    assert "MM-DD" in problem.message or "29 February" in problem.message
    assert read_settings(book) == before


def test_a_damaged_stored_start_reads_as_1_january(book):
    with book.write() as tx:
        tx.set_setting(FISCAL_YEAR_START, "nonsense")
    assert read_fiscal_year_start(book) == FiscalYearStart()
