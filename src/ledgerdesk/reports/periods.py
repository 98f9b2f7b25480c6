"""Report parameters that are pure arithmetic: periods, the period before, aging buckets."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from ledgerdesk.domain.date_limits import FIRST_DAY, days_after, month_start, years_after
from ledgerdesk.domain.fiscal_year import FiscalYearStart
from ledgerdesk.domain.i18n import _

#: Days overdue that end each aging bucket after "current": 1-30, 31-60, 61-90, over 90.
DEFAULT_BUCKETS = (30, 60, 90)


@dataclass(frozen=True, slots=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(
                f"a period cannot end ({self.end.isoformat()}) before it starts "
                f"({self.start.isoformat()})"
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self) -> str:
        return _("{date} to {end_date}").format(
                   date=self.start.isoformat(), end_date=self.end.isoformat())

    @classmethod
    def year_to_date(cls, end: dt.date) -> Period:
        return cls(end.replace(month=1, day=1), end)


def _whole_months(period: Period) -> int | None:
    """How many calendar months the period spans exactly, or None if it is not whole months."""
    last_day = calendar.monthrange(period.end.year, period.end.month)[1]
    if period.start.day != 1 or period.end.day != last_day:
        return None
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def year_earlier(day: dt.date) -> dt.date | None:
    """The same day a year before (28 February for 29 February); None in year 1."""
    return years_after(day, -1)


def year_before(period: Period) -> Period | None:
    """The same dates a year before, starting on 0001-01-01 at the latest; None when the
    period ends in year 1."""
    start, end = year_earlier(period.start), year_earlier(period.end)
    return None if end is None else Period(start or FIRST_DAY, end)


def _year_to_date(period: Period, year: FiscalYearStart) -> bool:
    """Whether the period runs from a fiscal year's first day to a day of that year."""
    first, last = year.year_of(period.start)
    return first == period.start and period.end <= last


def previous_period(period: Period, year: FiscalYearStart | None = None) -> Period | None:
    """The period to show beside this one: the same number of whole months just before when
    the period is whole months (a quarter before a quarter, last year before this year); the
    same dates a year before for a year to date (the first day of the fiscal year ``year``
    starts, 1 January by default, to any day of that year); else as many days just before.
    The calendar starts on 0001-01-01: a period before that day is cut to start there, and a
    period starting on it (or a year to date in year 1) has none before it."""
    months = _whole_months(period)
    end = days_after(period.start, -1)
    if months is not None:
        start = month_start(period.start.year, period.start.month - months)
    elif _year_to_date(period, FiscalYearStart()) or (
            year is not None and _year_to_date(period, year)):
        start, end = year_earlier(period.start), year_earlier(period.end)
        if start is None or end is None:
            return None
    else:
        start = days_after(period.start, -period.days)
    if end is None:
        return None
    return Period(start or FIRST_DAY, end)


@dataclass(frozen=True, slots=True)
class AgingBuckets:
    """Bucket limits in days overdue: ``(30, 60, 90)`` makes current, 1-30, 31-60, 61-90,
    over 90.  A document is current until the day after it falls due."""

    limits: tuple[int, ...] = DEFAULT_BUCKETS

    def __post_init__(self) -> None:
        if not self.limits:
            raise ValueError("give at least one bucket limit, like 30,60,90")
        if self.limits[0] < 1 or any(
            b <= a for a, b in itertools.pairwise(self.limits)
        ):
            raise ValueError(
                "bucket limits must be whole days, 1 or more, each larger than the one before"
            )

    @classmethod
    def parse(cls, text: str) -> AgingBuckets:
        """``30,60,90`` -> limits; a ValueError in one sentence for anything else."""
        parts = [p.strip() for p in text.split(",")]
        if not all(p.isdigit() for p in parts):
            raise ValueError(f"{text!r} is not a list of days; write it like 30,60,90")
        return cls(tuple(int(p) for p in parts))

    @property
    def labels(self) -> tuple[str, ...]:
        names = ["current"]
        lower = 1
        for limit in self.limits:
            names.append(f"{lower}-{limit}")
            lower = limit + 1
        names.append(_("over {limits}").format(limits=self.limits[-1]))
        return tuple(names)

    def __len__(self) -> int:
        return len(self.limits) + 2

    def index(self, days_overdue: int) -> int:
        """The bucket of a document ``days_overdue`` days past its due date (0 or less: current)."""
        if days_overdue <= 0:
            return 0
        for i, limit in enumerate(self.limits):
            if days_overdue <= limit:
                return i + 1
        return len(self.limits) + 1


def days_overdue(due: dt.date, as_of: dt.date) -> int:
    return (as_of - due).days


def bucket_sums(buckets: AgingBuckets, amounts: Sequence[tuple[int, int]]) -> list[int]:
    """``(bucket index, minor units)`` pairs summed into one list per bucket."""
    sums = [0] * len(buckets)
    for index, minor in amounts:
        sums[index] += minor
    return sums
