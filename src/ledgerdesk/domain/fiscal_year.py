"""The fiscal year a book keeps: the month and day it starts on, and the year holding a date.

A book's year runs from its start (``04-01``: 1 April) to the day before the next start.
Retained earnings and the profit and loss's default period follow from it, at report time.
29 February is refused as a start: most years have no such day, and every rule for where
the year would then begin (28 February? 1 March?) surprises somebody; the message says to
choose 03-01 or 02-28 instead.  Years at the ends of the calendar are cut to it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ledgerdesk.domain.date_limits import FIRST_DAY, LAST_DAY, days_after

_MONTH_DAY = re.compile(r"([0-9]{1,2})-([0-9]{1,2})")
# Days in each month of a year that is not a leap year: a start must exist every year.
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SHAPE = "write the first day of the fiscal year as MM-DD, e.g. 04-01 for 1 April"
LEAP_DAY = ("02-29 cannot start a fiscal year: most years have no 29 February. "
            "Choose 03-01 (or 02-28).")


@dataclass(frozen=True, slots=True, order=True)
class FiscalYearStart:
    """The first day of every fiscal year, as a month and a day (default: 1 January)."""

    month: int = 1
    day: int = 1

    def __post_init__(self) -> None:
        if (self.month, self.day) == (2, 29):
            raise ValueError(LEAP_DAY)
        if not (1 <= self.month <= 12 and 1 <= self.day <= _DAYS_IN_MONTH[self.month - 1]):
            raise ValueError(f"{self.month:02d}-{self.day:02d} is not a day of the year; "
                             f"{_SHAPE}.")

    @classmethod
    def parse(cls, text: str) -> FiscalYearStart:
        """``MM-DD`` (``4-1`` too); a ValueError in one sentence, naming the text, else."""
        match = _MONTH_DAY.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"“{text.strip()}” is not a month and day: {_SHAPE}.")
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"

    def _start_in(self, year: int) -> dt.date:
        return dt.date(year, self.month, self.day)

    def year_of(self, day: dt.date) -> tuple[dt.date, dt.date]:
        """The first and the last day of the fiscal year holding ``day``."""
        year = day.year if (day.month, day.day) >= (self.month, self.day) else day.year - 1
        start = self._start_in(year) if year >= dt.MINYEAR else FIRST_DAY
        if year + 1 > dt.MAXYEAR:
            return start, LAST_DAY
        end = days_after(self._start_in(year + 1), -1)
        assert end is not None  # the next start is after FIRST_DAY
        return start, end

    def year_before(self, day: dt.date) -> tuple[dt.date, dt.date] | None:
        """The fiscal year before the one holding ``day``; None when that one starts the
        calendar."""
        start, _ = self.year_of(day)
        last = days_after(start, -1)
        return None if last is None else self.year_of(last)


def fiscal_year_problem(text: str) -> str:
    """Why ``text`` cannot be a fiscal year start; "" when it can."""
    try:
        FiscalYearStart.parse(text)
    except ValueError as exc:
        return str(exc)
    return ""
