"""Backups of a book file: online (the book open, its last commits still in the WAL), written
under an incomplete name and renamed when whole and verified, one file each, listed back
from their names; a copy that fails ``check`` is removed, and any failure is one sentence
that leaves nothing behind."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from ledgerdesk.domain.backups import Backup, BackupKind
from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.storage import backups, errors
from ledgerdesk.storage.book import SqliteBook

NOON = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def rows(path: Path, sql: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro",
                                            uri=True)) as conn:
        return conn.execute(sql).fetchall()


def test_a_backup_of_an_open_book_holds_the_commits_still_in_its_wal(
        book: SqliteBook, book_path: Path, tmp_path: Path) -> None:
    with book.write() as tx:
        tx.add_contact(Contact("Only in the WAL", ContactRole.CUSTOMER))
    assert Path(f"{book_path}-wal").stat().st_size > 0  # not checkpointed: the book is open
    folder = tmp_path / "copies"
    made = backups.take_backup(book_path, folder, BackupKind.MANUAL, now=NOON)
    assert made == Backup(folder / "acme.book.backup-20240601T120000Z-manual", NOON,
                          BackupKind.MANUAL, made.path.stat().st_size, verified=True)
    assert rows(made.path, "SELECT name FROM contacts") == [("Only in the WAL",)]
    # One file, nothing beside it: it can be moved, mailed or restored as it is.
    assert names(folder) == [made.path.name]
    assert rows(made.path, "PRAGMA journal_mode") == [("delete",)]


def test_a_copy_is_verified_under_its_incomplete_name_before_it_gets_its_own(
        book: SqliteBook, book_path: Path, tmp_path: Path, monkeypatch) -> None:
    seen: list[list[str]] = []
    real = backups.verify_backup

    def watched(path: Path) -> str | None:
        seen.append(names(path.parent))
        return real(path)

    monkeypatch.setattr(backups, "verify_backup", watched)
    made = backups.take_backup(book_path, tmp_path / "b", BackupKind.DAILY, now=NOON)
    assert seen == [[made.path.name + ".incomplete"]]


def test_a_second_backup_in_the_same_second_gets_its_own_name(
        book: SqliteBook, book_path: Path, tmp_path: Path) -> None:
    first = backups.take_backup(book_path, tmp_path / "b", BackupKind.MANUAL, now=NOON)
    second = backups.take_backup(book_path, tmp_path / "b", BackupKind.MANUAL, now=NOON)
    assert first.path != second.path and second.path.name.endswith("-manual-2")
    assert [b.path for b in backups.list_backups(book_path, tmp_path / "b")] == [
        second.path, first.path]


def test_a_copy_that_fails_check_is_removed_and_said_in_one_line(
        book: SqliteBook, book_path: Path, tmp_path: Path) -> None:
    with book.write() as tx:
        tx.add_contact(Contact("Someone", ContactRole.CUSTOMER))
    with contextlib.closing(sqlite3.connect(book_path)) as conn, conn:
        conn.execute("INSERT INTO journal_entries (date, memo, source_type) "
                     "VALUES ('2024-01-01', 'x', 'MANUAL')")
        entry = conn.execute("SELECT max(id) FROM journal_entries").fetchone()[0]
        conn.execute("INSERT INTO journal_lines (entry_id, account_code, amount_minor, "
                     "currency, memo) VALUES (?, '1000', 1, 'EUR', '')", (entry,))
    folder = tmp_path / "b"
    with pytest.raises(errors.BackupFailedCheck) as raised:
        backups.take_backup(book_path, folder, BackupKind.DAILY, now=NOON)
    said = str(raised.value)
    assert said.startswith(f"The backup of {book_path} failed its check (")
    assert "entries_balance" in said and "so no backup was made" in said
    assert "\n" not in said
    assert names(folder) == []


def test_the_listing_reads_date_size_kind_and_verified_from_the_names(
        book: SqliteBook, book_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    daily = backups.take_backup(book_path, folder, BackupKind.DAILY, now=NOON)
    manual = backups.take_backup(book_path, folder, BackupKind.MANUAL,
                                 now=NOON + dt.timedelta(hours=1))
    earlier = book_path.with_name("acme.book.backup-0001-20240101T090000")  # an older version's
    shutil.copyfile(daily.path, earlier)
    for stranger in ("other.book.backup-20240601T120000Z-daily", "notes.txt",
                     daily.path.name + ".incomplete"):
        (folder / stranger).write_bytes(b"x")
    listed = backups.list_backups(book_path, folder)
    assert [(b.path, b.kind, b.verified) for b in listed] == [
        (manual.path, BackupKind.MANUAL, True), (daily.path, BackupKind.DAILY, True),
        (earlier, BackupKind.BEFORE_MIGRATION, False)]
    assert listed[0].size == manual.path.stat().st_size > 0
    assert backups.list_backups(book_path, tmp_path / "nowhere") == [listed[-1]]


def test_a_full_disk_leaves_no_backup_and_says_where(book: SqliteBook, book_path: Path,
                                                    tiny_disk) -> None:
    disk = tiny_disk("64k")
    folder = disk / "acme.book.backups"
    with pytest.raises(errors.DiskFull) as raised:
        backups.take_backup(book_path, folder, BackupKind.MANUAL, now=NOON)
    assert str(raised.value) == (f"The disk holding {folder} is full, so no backup was made. "
                                 "Free some space on it and try again.")
    assert names(disk) == []  # not even the folder it made


@pytest.mark.parametrize("kind", ["full", "ioerr", "readonly"])
def test_a_failing_copy_leaves_nothing(faults, book: SqliteBook, book_path: Path,
                                       tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    faults.fail_at(1, kind)
    with pytest.raises(errors.BookError) as raised:
        backups.take_backup(book_path, folder, BackupKind.MANUAL, now=NOON)
    assert faults.failed == ["BACKUP"]
    assert "so no backup was made" in str(raised.value)
    assert names(folder) == []
