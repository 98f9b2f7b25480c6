"""Which daily backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months
that have one (as restic's and borg's ``--keep-daily/weekly/monthly`` do).

Periods are counted among those that hold a backup, not back from today: a book left closed
for a year still keeps its last 7 daily backups.  A backup is kept when any rule keeps it,
so the newest is always kept (it is the newest of its day).  Only daily backups are ever
removed; manual, before-migration and before-restore copies stay until the user deletes
them.  Days, ISO weeks and months are read in UTC, as the backups' names are written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from ledgerdesk.domain.backups import UTC, Backup, BackupKind


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


POLICY = RetentionPolicy()


def _day(moment: dt.datetime) -> Hashable:
    return moment.date()


def _week(moment: dt.datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return year, week


def _month(moment: dt.datetime) -> Hashable:
    return moment.year, moment.month


def kept(times: Sequence[dt.datetime], policy: RetentionPolicy = POLICY) -> set[int]:
    """The positions in ``times`` to keep; of two equal times, the later position wins."""
    newest_first = sorted(range(len(times)), key=lambda i: (times[i].astimezone(UTC), i),
                          reverse=True)
    chosen: set[int] = set()
    rules: tuple[tuple[Callable[[dt.datetime], Hashable], int], ...] = (
        (_day, policy.daily), (_week, policy.weekly), (_month, policy.monthly))
    for period, count in rules:
        seen: set[Hashable] = set()
        for i in newest_first:
            if len(seen) >= count:
                break
            key = period(times[i].astimezone(UTC))
            if key not in seen:
                seen.add(key)
                chosen.add(i)
    return chosen


def to_prune(backups: Sequence[Backup], policy: RetentionPolicy = POLICY) -> list[Backup]:
    """The daily backups the policy no longer keeps (never a backup of another kind)."""
    dailies = [b for b in backups if b.kind is BackupKind.DAILY]
    keep = kept([b.taken for b in dailies], policy)
    return [b for i, b in enumerate(dailies) if i not in keep]
