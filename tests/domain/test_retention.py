"""Which daily backups are kept: 7 daily, 4 weekly, 12 monthly, never a backup of another
kind, never the newest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.backups import Backup, BackupKind
from ledgerdesk.domain.retention import POLICY, RetentionPolicy, kept, to_prune

UTC = dt.UTC

moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 12, 31),
                       timezones=st.just(UTC))
kinds = st.sampled_from(list(BackupKind))
policies = st.builds(RetentionPolicy, st.integers(0, 9), st.integers(0, 6), st.integers(0, 14))


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


def backup(taken: dt.datetime, kind: BackupKind = BackupKind.DAILY, n: int = 0) -> Backup:
    return Backup(Path(f"b-{n}"), taken, kind, size=1, verified=True)


def the_policys_set(times: list[dt.datetime], policy: RetentionPolicy) -> set[int]:
    """The policy said another way: for each rule, the newest backup of each of the N most
    recent periods that hold a backup (ties: the later one listed)."""
    rules = ((lambda t: t.date(), policy.daily),
             (lambda t: t.isocalendar()[:2], policy.weekly),
             (lambda t: (t.year, t.month), policy.monthly))
    chosen: set[int] = set()
    for period, count in rules:
        recent = sorted({period(t) for t in times}, reverse=True)[:count]
        for key in recent:
            chosen.add(max((i for i, t in enumerate(times) if period(t) == key),
                           key=lambda i: (times[i], i)))
    return chosen


@given(st.lists(moments, max_size=60), policies)
def test_keeps_exactly_the_policys_set(times, policy):
    assert kept(times, policy) == the_policys_set(times, policy)


@given(st.lists(moments, min_size=1, max_size=60))
def test_never_deletes_the_newest(times):
    newest = max(range(len(times)), key=lambda i: (times[i], i))
    assert newest in kept(times)


@given(st.lists(st.tuples(moments, kinds), max_size=60))
def test_prunes_only_daily_backups_and_never_the_newest(drawn):
    backups = [backup(taken, kind, n) for n, (taken, kind) in enumerate(drawn)]
    pruned = to_prune(backups)
    assert all(b.kind is BackupKind.DAILY for b in pruned)
    dailies = [b for b in backups if b.kind is BackupKind.DAILY]
    if dailies:  # one of the newest stays (two may share a second)
        newest = max(b.taken for b in dailies)
        assert any(b.taken == newest for b in dailies if b not in pruned)
    assert len(dailies) - len(pruned) <= POLICY.daily + POLICY.weekly + POLICY.monthly


@given(st.lists(moments, max_size=60))
def test_pruning_twice_prunes_nothing_more(times):
    backups = [backup(t, n=n) for n, t in enumerate(times)]
    left = [b for b in backups if b not in to_prune(backups)]
    assert to_prune(left) == []


def test_a_year_of_daily_backups_keeps_seven_days_four_weeks_and_twelve_months():
    times = [at(2024, 1, 1, 9) + dt.timedelta(days=d) for d in range(366)]  # to 2024-12-31
    backups = [backup(t, n=n) for n, t in enumerate(times)]
    left = sorted(b.taken.date() for b in backups if b not in to_prune(backups))
    days = [dt.date(2024, 12, d) for d in range(25, 32)]  # the last 7 days
    # Weeks: 30-31 December are ISO week 1 of 2025, 29 December is among the days.
    sundays = [dt.date(2024, 12, 15), dt.date(2024, 12, 22)]
    month_ends = [dt.date(2024, m, 1) + dt.timedelta(days=-1) for m in range(2, 13)]
    assert left == sorted({*days, *sundays, *month_ends})
    assert len(left) == 7 + 2 + 11


def test_manual_and_migration_backups_are_never_pruned():
    old = at(2001, 1, 1)
    backups = [backup(old + dt.timedelta(days=d), kind, n)
               for n, (d, kind) in enumerate([(0, BackupKind.MANUAL),
                                              (1, BackupKind.BEFORE_MIGRATION),
                                              (2, BackupKind.BEFORE_RESTORE)])]
    backups += [backup(at(2024, 1, 1) + dt.timedelta(days=d), n=10 + d) for d in range(400)]
    assert not any(b.kind is not BackupKind.DAILY for b in to_prune(backups))
    assert len(to_prune(backups)) == 400 - len(kept([b.taken for b in backups[3:]]))
