"""Periods, the period shown beside them, and aging buckets."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.reports.periods import (
    AgingBuckets,
    Period,
    previous_period,
    year_before,
    year_earlier,
)

D = dt.date
days = st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31))


@pytest.mark.parametrize(("period", "previous"), [
    (Period(D(2025, 1, 1), D(2025, 12, 31)), Period(D(2024, 1, 1), D(2024, 12, 31))),
    (Period(D(2024, 4, 1), D(2024, 6, 30)), Period(D(2024, 1, 1), D(2024, 3, 31))),
    (Period(D(2024, 3, 1), D(2024, 3, 31)), Period(D(2024, 2, 1), D(2024, 2, 29))),
    (Period(D(2024, 1, 1), D(2024, 2, 29)), Period(D(2023, 11, 1), D(2023, 12, 31))),
    (Period(D(2026, 1, 1), D(2026, 11, 21)), Period(D(2025, 1, 1), D(2025, 11, 21))),
    (Period(D(2024, 3, 1), D(2024, 3, 10)), Period(D(2024, 2, 20), D(2024, 2, 29))),
])
def test_previous_period(period: Period, previous: Period) -> None:
    assert previous_period(period) == previous


@given(days, st.integers(0, 800))
def test_previous_period_ends_the_day_before_or_a_year_back(start: dt.date, length: int) -> None:
    end = min(start + dt.timedelta(days=length), D(2090, 12, 31))
    period = Period(start, end)
    previous = previous_period(period)
    assert previous is not None and previous.end < period.start
    if previous.end != period.start - dt.timedelta(days=1):  # only a year to date jumps back
        assert (start.month, start.day) == (1, 1) and previous.start.year == start.year - 1


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Period(D(2024, 2, 1), D(2024, 1, 31))


def test_standard_buckets() -> None:
    buckets = AgingBuckets()
    assert buckets.labels == ("current", "1-30", "31-60", "61-90", "over 90")
    cases = {-5: 0, 0: 0, 1: 1, 30: 1, 31: 2, 60: 2, 61: 3, 90: 3, 91: 4, 4000: 4}
    assert {d: buckets.index(d) for d in cases} == cases


@given(st.lists(st.integers(1, 400), min_size=1, max_size=6, unique=True).map(sorted),
       st.integers(-50, 1000))
def test_a_day_falls_in_the_bucket_whose_limits_hold_it(limits, overdue) -> None:
    buckets = AgingBuckets(tuple(limits))
    index = buckets.index(overdue)
    assert len(buckets.labels) == len(buckets) == len(limits) + 2
    if index == 0:
        assert overdue <= 0
        return
    lower = 1 if index == 1 else limits[index - 2] + 1
    upper = limits[index - 1] if index <= len(limits) else None
    assert overdue >= lower and (upper is None or overdue <= upper)


@pytest.mark.parametrize("text", ["30,20", "0,30", "a,b", "", "30,,60", "-1"])
def test_bad_bucket_limits_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        AgingBuckets.parse(text)


def test_custom_buckets_parse() -> None:
    assert AgingBuckets.parse(" 7, 14 ,28").labels == ("current", "1-7", "8-14", "15-28", "over 28")


calendar_days = st.dates(min_value=dt.date.min, max_value=dt.date.max)


@given(calendar_days, calendar_days)
def test_every_period_on_the_calendar_has_a_previous_one_or_none(first, second) -> None:
    period = Period(min(first, second), max(first, second))
    previous = previous_period(period)
    if period.start == dt.date.min:
        assert previous is None
    elif previous is not None:
        assert dt.date.min <= previous.start <= previous.end < period.start
    else:  # only a year to date in year 1 has none without starting the calendar
        assert period.start.year == 1 and (period.start.month, period.start.day) == (1, 1)


@pytest.mark.parametrize(("period", "previous"), [
    (Period(D(1, 1, 1), D(9999, 12, 31)), None),
    (Period(D(1, 1, 1), D(1, 1, 1)), None),
    (Period(D(1, 2, 1), D(1, 3, 31)), Period(D(1, 1, 1), D(1, 1, 31))),
    (Period(D(1, 1, 5), D(1, 1, 20)), Period(D(1, 1, 1), D(1, 1, 4))),
    (Period(D(2, 1, 1), D(2, 5, 17)), Period(D(1, 1, 1), D(1, 5, 17))),
    (Period(D(9999, 12, 31), D(9999, 12, 31)), Period(D(9999, 12, 30), D(9999, 12, 30))),
])
def test_previous_period_at_the_ends_of_the_calendar(period, previous) -> None:
    assert previous_period(period) == previous


def test_the_same_period_a_year_before_starts_the_calendar_at_the_latest() -> None:
    assert year_before(Period(D(2, 1, 1), D(2, 12, 31))) == Period(D(1, 1, 1), D(1, 12, 31))
    assert year_before(Period(D(1, 6, 1), D(2, 1, 31))) == Period(D(1, 1, 1), D(1, 1, 31))
    assert year_before(Period(D(1, 1, 1), D(1, 12, 31))) is None
    assert year_earlier(D(2024, 2, 29)) == D(2023, 2, 28)
    assert year_earlier(D(1, 3, 1)) is None
