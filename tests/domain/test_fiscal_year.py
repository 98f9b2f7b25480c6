"""The fiscal year a book keeps: its first day as MM-DD, and the year that holds a date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.date_limits import FIRST_DAY, LAST_DAY
from ledgerdesk.domain.fiscal_year import FiscalYearStart, fiscal_year_problem

APRIL = FiscalYearStart(4, 1)


def test_text_reads_month_and_day_and_writes_them_back():
    assert FiscalYearStart.parse("04-01") == APRIL
    assert FiscalYearStart.parse(" 4-1 ") == APRIL
    assert str(FiscalYearStart.parse("12-31")) == "12-31"
    assert str(FiscalYearStart()) == "01-01"


@pytest.mark.parametrize("text", ["", "4", "April", "2024-04-01", "13-01", "00-10", "04-31",
                                  "04-00", "4/1", "04-01-", "٠٤-٠١"])
def test_anything_but_a_month_and_day_is_refused_naming_the_text(text):
    why = fiscal_year_problem(text)
    assert why and "MM-DD" in why
    with pytest.raises(ValueError, match="MM-DD"):
        FiscalYearStart.parse(text)


def test_29_february_is_refused_saying_what_to_choose():
    why = fiscal_year_problem("02-29")
    assert "29 February" in why and "03-01" in why
    assert fiscal_year_problem("02-28") == ""


def test_the_year_holding_a_date_runs_from_its_start_to_the_day_before_the_next():
    assert APRIL.year_of(dt.date(2024, 3, 31)) == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    assert APRIL.year_of(dt.date(2024, 4, 1)) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    assert FiscalYearStart().year_of(dt.date(2024, 7, 9)) == (
        dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_a_year_starting_on_1_march_ends_on_29_february_in_a_leap_year():
    march = FiscalYearStart(3, 1)
    assert march.year_of(dt.date(2024, 2, 29)) == (dt.date(2023, 3, 1), dt.date(2024, 2, 29))
    assert march.year_of(dt.date(2023, 2, 28)) == (dt.date(2022, 3, 1), dt.date(2023, 2, 28))


def test_the_year_before():
    assert APRIL.year_before(dt.date(2024, 5, 1)) == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    assert APRIL.year_before(dt.date(1, 2, 1)) is None


def test_years_at_the_ends_of_the_calendar_are_cut_to_it():
    assert APRIL.year_of(FIRST_DAY) == (FIRST_DAY, dt.date(1, 3, 31))
    assert APRIL.year_of(LAST_DAY) == (dt.date(9999, 4, 1), LAST_DAY)
    assert APRIL.year_before(dt.date(1, 4, 2)) == (FIRST_DAY, dt.date(1, 3, 31))


@given(st.dates(), st.integers(1, 12), st.integers(1, 31))
def test_every_date_is_in_the_year_it_gets(day, month, first):
    try:
        start = FiscalYearStart(month, first)
    except ValueError:
        return
    begins, ends = start.year_of(day)
    assert begins <= day <= ends
    assert (begins == FIRST_DAY) or (begins.month, begins.day) == (month, first)
