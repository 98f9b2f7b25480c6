"""Date arithmetic that stops at the calendar's ends instead of raising."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.date_limits import (
    FIRST_DAY,
    LAST_DAY,
    clamped_days_after,
    days_after,
    month_start,
    years_after,
)

D = dt.date


def test_steps_off_the_calendar_are_none():
    assert days_after(FIRST_DAY, -1) is None
    assert days_after(LAST_DAY, 1) is None
    assert days_after(D(9999, 12, 20), 11) == LAST_DAY
    assert years_after(D(1, 6, 30), -1) is None
    assert years_after(D(9999, 1, 1), 1) is None
    assert years_after(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert month_start(1, 0) is None
    assert month_start(9999, 13) is None
    assert month_start(2, -11) == D(1, 1, 1)


@given(st.dates(), st.integers(-4_000_000, 4_000_000))
def test_a_clamped_step_is_the_step_or_an_end_of_the_calendar(day, days):
    stepped = days_after(day, days)
    clamped = clamped_days_after(day, days)
    assert clamped == (stepped if stepped is not None else FIRST_DAY if days < 0 else LAST_DAY)
