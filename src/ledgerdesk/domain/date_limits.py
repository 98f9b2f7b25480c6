"""The calendar a book keeps: 0001-01-01 to 9999-12-31, and date arithmetic that stays on it.

Python's dates end at both years, so "a year before", "90 days before" or "the month before"
raise (``OverflowError``, ``ValueError: year 0 is out of range``) near either end.  Every
step a report or a use case takes from a date the user gave goes through here and answers
``None`` where the calendar ends; each caller then applies its own rule (there is no period
before, the period starts on the first day, the due date is the last day) and says so.
"""

from __future__ import annotations

import datetime as dt
import re

FIRST_DAY = dt.date.min  # 0001-01-01
LAST_DAY = dt.date.max  # 9999-12-31
#: For messages: "dates run from 0001-01-01 to 9999-12-31".
DATE_RANGE = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
# ISO's shape with any year: a sign, and any number of digits.
_ISO_ANY_YEAR = re.compile(r"([-+\u2212]?)([0-9]+)-[0-9]{2}-[0-9]{2}")


def off_calendar(text: str) -> bool:
    """Whether ``text`` is an ISO date whose year the calendar does not have: ``0000-01-01``,
    ``10000-01-01``, ``-0001-01-01``.  (A year has exactly four digits, 0001 to 9999.)"""
    match = _ISO_ANY_YEAR.fullmatch(text.strip())
    if match is None:
        return False
    sign, year = match.groups()
    return bool(sign) or len(year) != 4 or int(year) == 0


def days_after(day: dt.date, days: int) -> dt.date | None:
    """``day`` plus ``days`` (negative: before), or None when that is off the calendar."""
    ordinal = day.toordinal() + days
    if not FIRST_DAY.toordinal() <= ordinal <= LAST_DAY.toordinal():
        return None
    return dt.date.fromordinal(ordinal)


def clamped_days_after(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, stopping at the first or the last day of the calendar."""
    ordinal = day.toordinal() + days
    ordinal = max(FIRST_DAY.toordinal(), min(LAST_DAY.toordinal(), ordinal))
    return dt.date.fromordinal(ordinal)


def years_after(day: dt.date, years: int) -> dt.date | None:
    """The same day ``years`` later (negative: earlier), 28 February for 29 February in a
    year without it; None when that year is off the calendar."""
    year = day.year + years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def month_start(year: int, month: int) -> dt.date | None:
    """The first day of a month counted on from January of ``year`` (``month`` may be 0 or
    less, or past 12), or None when it is off the calendar."""
    years, index = divmod(month - 1, 12)
    if not dt.MINYEAR <= year + years <= dt.MAXYEAR:
        return None
    return dt.date(year + years, index + 1, 1)
