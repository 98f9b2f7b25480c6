"""Backups of a book file: their kinds, and the file names that carry what a listing shows.

A backup's name says everything about it that must survive the book being broken: the
book's file name (a folder the user picks may hold several books' backups), when it was
taken in UTC, its kind, and whether it was verified when it was written::

    acme.book.backup-20240601T120000Z-daily
    acme.book.backup-20240601T120000Z-before-restore-unverified-2

No sidecar file or database row is needed, so a folder copied elsewhere lists the same.
Names written by earlier versions before an upgrade (``acme.book.backup-0006_audit-
20240601T120000``, local time, never verified) still read back, as before-migration.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

UTC = dt.UTC
#: Beside ``acme.book``, its backups go to ``acme.book.backups/`` unless the user picks a folder.
FOLDER_SUFFIX = ".backups"
#: A copy being written; renamed to its real name only once it is whole and verified.
INCOMPLETE = ".incomplete"
_STAMP = "%Y%m%dT%H%M%SZ"
_UNVERIFIED = "-unverified"


class BackupKind(StrEnum):
    DAILY = "daily"  # the window's once-a-day copy; the only kind retention removes
    MANUAL = "manual"  # Back up now, ``ledgerdesk backup``
    BEFORE_MIGRATION = "before-migration"  # taken before the schema is upgraded
    BEFORE_RESTORE = "before-restore"  # the book as it was before a restore replaced it


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: dt.datetime  # aware, UTC
    kind: BackupKind
    size: int  # bytes, with a ``-wal`` kept beside it
    verified: bool  # it opened and passed ``check`` when it was written


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did: ``book`` is now ``backup``; ``before`` is the book as it was,
    kept as a before-restore backup (None when there was no book)."""

    book: Path
    backup: Path
    before: Backup | None


def default_folder(book: Path) -> Path:
    return book.with_name(book.name + FOLDER_SUFFIX)


def backup_name(book_name: str, taken: dt.datetime, kind: BackupKind, *,
                verified: bool = True, number: int = 1) -> str:
    """The file name of a backup of ``book_name`` taken at ``taken`` (any zone, named in
    UTC to the second); ``number`` tells apart two taken in the same second."""
    stamp = taken.astimezone(UTC).strftime(_STAMP)
    suffix = ("" if verified else _UNVERIFIED) + ("" if number == 1 else f"-{number}")
    return f"{book_name}.backup-{stamp}-{kind.value}{suffix}"


_KINDS = "|".join(re.escape(kind.value) for kind in BackupKind)
_NAME = re.compile(rf"\.backup-(\d{{8}}T\d{{6}}Z)-({_KINDS})({_UNVERIFIED})?(?:-\d+)?")
_EARLIER = re.compile(r"\.backup-[A-Za-z0-9_]+-(\d{8}T\d{6})(?:-\d+)?")


def read_backup_name(name: str, book_name: str) -> tuple[dt.datetime, BackupKind, bool] | None:
    """(when, kind, verified) of a backup of ``book_name`` called ``name``; None for any other
    file (another book's backup, a partial copy, a ``-wal`` beside one)."""
    if not name.startswith(book_name):
        return None
    rest = name[len(book_name):]
    if match := _NAME.fullmatch(rest):
        taken = dt.datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
        return taken, BackupKind(match[2]), match[3] is None
    if match := _EARLIER.fullmatch(rest):
        try:  # earlier versions named the copy in local time
            local = dt.datetime.strptime(match[1], "%Y%m%dT%H%M%S")
            return local.astimezone(UTC), BackupKind.BEFORE_MIGRATION, False
        except (ValueError, OverflowError):
            return None
    return None


def daily_due(backups: Iterable[Backup], now: dt.datetime) -> bool:
    """No daily backup was taken on ``now``'s day (in UTC, as the names are)."""
    today = now.astimezone(UTC).date()
    return not any(b.kind is BackupKind.DAILY and b.taken.astimezone(UTC).date() == today
                   for b in backups)


def size_words(size: int) -> str:
    """``1234567`` -> ``1.2 MB`` (decimal units, a dot: the command line's plain words; the
    window formats its own in the locale)."""
    for unit, step in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= step:
            return f"{size / step:.1f} {unit}"
    return f"{size} B"
