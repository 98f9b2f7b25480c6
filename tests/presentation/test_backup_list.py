"""File > Backups… without Qt: the backups as the window lists them (when in the locale and
the user's time zone, kind and verified in words, size in the locale), the question before
a restore naming the date, and the one-line outcomes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.dates import format_time

from ledgerdesk.app.backup_places import BackupPlaces
from ledgerdesk.app.backups import StorageBackups
from ledgerdesk.domain.backups import BackupKind
from ledgerdesk.presentation.backups import BackupList, daily_failed_text, daily_text
from ledgerdesk.presentation.dates import DateFormatter

NOON = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)
BERLIN_SUMMER = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def backups(tmp_path: Path) -> StorageBackups:
    return StorageBackups(BackupPlaces(tmp_path / "places.json"), clock=lambda: NOON)


def shown(locale: str, moment: dt.datetime) -> str:
    """The date and time as the list must write them, asked of Babel itself."""
    return (f"{DateFormatter(locale).medium(moment.date())} "
            f"{format_time(moment.timetz(), 'short', locale=locale)}")


def test_rows_speak_the_locale_and_the_users_time(book, backups: StorageBackups) -> None:
    path = Path(book.path)
    backups.back_up(path)
    listed = BackupList(backups, path, "de_DE", tz=BERLIN_SUMMER)
    (row,) = listed.reload()
    assert row.when == shown("de_DE", NOON.astimezone(BERLIN_SUMMER))  # 14:00 in Berlin
    assert (row.kind, row.verified) == ("Manual", "Verified")
    size = row.backup.size
    assert row.size == f"{size / 1e6:.1f} MB".replace(".", ",") if size >= 1e6 else (
        f"{size / 1e3:.1f} kB".replace(".", ","))
    assert listed.count_text() == "1 backup"
    assert listed.folder_text() == f"Backups go to {path}.backups, beside the book."


def test_each_kind_has_its_words(book, backups: StorageBackups, tmp_path: Path) -> None:
    path = Path(book.path)
    backups.back_up(path, kind=BackupKind.DAILY)
    shutil_copy = path.with_name(f"{path.name}.backup-0006_audit-20240101T090000")
    shutil_copy.write_bytes(path.read_bytes())
    rows = BackupList(backups, path, "en_US", tz=dt.UTC).reload()
    assert [(r.kind, r.verified) for r in rows] == [("Daily", "Verified"),
                                                    ("Before upgrade", "Not verified")]


def test_the_question_before_a_restore_names_the_date(book, backups: StorageBackups) -> None:
    path = Path(book.path)
    backups.back_up(path)
    listed = BackupList(backups, path, "en_US", tz=dt.UTC)
    (row,) = listed.reload()
    question = listed.restore_question(row)
    assert question.startswith(f"Restore the backup of {shown('en_US', NOON)}?")
    assert "backed up first" in question


def test_outcomes_in_one_line(book, backups: StorageBackups, tmp_path: Path) -> None:
    path = Path(book.path)
    made = backups.back_up(path)
    listed = BackupList(backups, path, "en_US", tz=dt.UTC)
    assert listed.backed_up_text(made) == (f"Backed up {shown('en_US', NOON)} "
                                           f"({listed.reload()[0].size}), verified.")
    book.close()
    restored = backups.restore(path, made.path)
    assert listed.restored_text(restored) == (
        f"Restored the backup of {shown('en_US', NOON)}. The book as it was is kept among "
        "the backups (Before restore).")
    assert daily_text(None) is None
    assert daily_text(made) == "Backed up for today, verified."
    assert daily_failed_text("The disk holding X is full, so no backup was made. Free "
                             "some space on it and try again.") == (
        "Today's backup failed: The disk holding X is full, so no backup was made. Free some "
        "space on it and try again.")


def test_a_chosen_folder_is_said(book, backups: StorageBackups, tmp_path: Path) -> None:
    path = Path(book.path)
    chosen = tmp_path / "usb"
    chosen.mkdir()
    listed = BackupList(backups, path, "en_US", tz=dt.UTC)
    listed.choose_folder(chosen)
    assert listed.folder_text() == f"Backups go to {chosen}, the folder chosen for this book."
    listed.choose_folder(None)
    assert listed.folder_text().endswith(", beside the book.")
