"""A backup's file name carries the book's name, when (UTC), what kind and whether it was
verified, and reads back to the same; names of other books and partial copies never do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.backups import (
    Backup,
    BackupKind,
    backup_name,
    daily_due,
    default_folder,
    read_backup_name,
)

UTC = dt.UTC
book_names = st.text(st.characters(blacklist_characters="/\0", blacklist_categories=("Cs",)),
                     min_size=1, max_size=30).map(lambda s: s + ".book")
moments = st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(9999, 1, 1),
                       timezones=st.just(UTC)).map(lambda t: t.replace(microsecond=0))


@given(book_names, moments, st.sampled_from(list(BackupKind)), st.booleans(),
       st.integers(1, 99))
def test_a_name_reads_back_as_written(book, taken, kind, verified, number):
    name = backup_name(book, taken, kind, verified=verified, number=number)
    assert read_backup_name(name, book) == (taken, kind, verified)
    assert read_backup_name(name + ".incomplete", book) is None
    assert read_backup_name(name + "-wal", book) is None
    assert read_backup_name(name, "other-" + book) is None


def test_the_name_says_it_plainly():
    taken = dt.datetime(2024, 6, 1, 12, 30, 5, tzinfo=UTC)
    assert backup_name("acme.book", taken, BackupKind.DAILY) == (
        "acme.book.backup-20240601T123005Z-daily")
    assert backup_name("acme.book", taken, BackupKind.BEFORE_RESTORE, verified=False,
                       number=2) == "acme.book.backup-20240601T123005Z-before-restore-unverified-2"


def test_a_time_in_another_zone_is_named_in_utc():
    taken = dt.datetime(2024, 6, 1, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert backup_name("a.book", taken, BackupKind.MANUAL) == (
        "a.book.backup-20240601T120000Z-manual")


def test_a_backup_taken_before_an_upgrade_by_an_earlier_version_is_listed_unverified():
    taken, kind, verified = read_backup_name("acme.book.backup-0006_audit-20240601T120000",
                                             "acme.book")
    assert (kind, verified) == (BackupKind.BEFORE_MIGRATION, False)
    assert taken.tzinfo is not None
    assert read_backup_name("acme.book.backup-0001-20240601T120000-3", "acme.book")[1] == (
        BackupKind.BEFORE_MIGRATION)


def test_the_default_folder_is_beside_the_book_and_named_after_it():
    assert default_folder(Path("/books/acme.book")) == Path("/books/acme.book.backups")


def test_a_daily_backup_is_due_once_a_utc_day():
    morning = dt.datetime(2024, 6, 1, 0, 5, tzinfo=UTC)
    assert daily_due([], morning)
    daily, manual = (Backup(Path("b"), morning, kind, 1, True)
                     for kind in (BackupKind.DAILY, BackupKind.MANUAL))
    assert not daily_due([daily], morning + dt.timedelta(hours=23))
    assert daily_due([daily], morning + dt.timedelta(hours=24))
    assert daily_due([manual], morning + dt.timedelta(hours=1))
