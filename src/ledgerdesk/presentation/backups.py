"""File > Backups… without Qt: the ``BookBackups`` port, and the list as the window shows it.

Dates are the user's (their time zone, their locale's medium date and short time), though
the files are named in UTC; sizes are in the locale's digits.  The port is implemented by
``app.backups.StorageBackups``; every method may raise ``BookFailure``, whose ``str()`` is
the one line to show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from babel.dates import format_time

from ledgerdesk.domain.backups import Backup, BackupKind, Restored
from ledgerdesk.domain.i18n import N_, Translated, _, ngettext
from ledgerdesk.presentation.amount_format import DigitWriter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.locales import babel_locale
from ledgerdesk.presentation.session import Progress

KIND_WORDS = Translated({BackupKind.DAILY: N_("Daily"), BackupKind.MANUAL: N_("Manual"),
                         BackupKind.BEFORE_MIGRATION: N_("Before upgrade"),
                         BackupKind.BEFORE_RESTORE: N_("Before restore")})
RETENTION_NOTE = (N_("The book is backed up once a day when it is opened; of those, the newest of "
                     "the last 7 days, 4 weeks and 12 months are kept. Other backups are kept "
                     "until you delete them. A verified backup opened and passed its check when it "
                     "was made."))
_UNITS = (("GB", 10**9), ("MB", 10**6), ("kB", 10**3))


class BookBackups(Protocol):
    #: Whether the window takes the day's backup when it opens a book.
    daily: bool

    def folder(self, book: Path) -> Path: ...
    def chosen_folder(self, book: Path) -> Path | None: ...
    def choose_folder(self, book: Path, folder: Path | None) -> None: ...
    def list(self, book: Path) -> list[Backup]: ...
    def back_up(self, book: Path, *, kind: BackupKind = ..., output: Path | None = None,
                progress: Progress | None = None, now: dt.datetime | None = None) -> Backup: ...
    def daily_due(self, book: Path) -> bool: ...
    def daily_backup(self, book: Path, progress: Progress | None = None) -> Backup | None: ...
    def restore(self, book: Path, backup: Path,
                progress: Progress | None = None) -> Restored: ...


@dataclass(frozen=True, slots=True)
class BackupRow:
    when: str
    kind: str
    size: str
    verified: str
    backup: Backup


class BackupList:
    """The backups of the book at ``book``; ``tz`` is the zone dates are shown in (None:
    this machine's)."""

    def __init__(self, backups: BookBackups, book: Path, locale: str,
                 tz: dt.tzinfo | None = None) -> None:
        self.backups, self.book, self.locale, self.tz = backups, book, locale, tz
        self._dates = DateFormatter(locale)
        self._digits = DigitWriter(locale, 1, babel_locale(locale).decimal_formats[None].grouping)
        self.rows: list[BackupRow] = []

    def reload(self) -> list[BackupRow]:
        self.rows = [self._row(backup) for backup in self.backups.list(self.book)]
        return self.rows

    def _row(self, backup: Backup) -> BackupRow:
        return BackupRow(self.when(backup), KIND_WORDS[backup.kind], self.size(backup.size),
                         _("Verified") if backup.verified else _("Not verified"), backup)

    def when(self, backup: Backup) -> str:
        local = backup.taken.astimezone(self.tz)
        time = format_time(local.timetz(), "short", locale=babel_locale(self.locale))
        return f"{self._dates.medium(local.date())} {time}"

    def size(self, size: int) -> str:
        for unit, step in _UNITS:
            if size >= step:
                return f"{self._digits.write(Decimal(size) / step)} {unit}"
        return f"{size} B"

    def count_text(self) -> str:
        count = len(self.rows)
        return ngettext("{count} backup", "{count} backups", count).format(count=count)

    def folder_text(self) -> str:
        folder = self.backups.folder(self.book)
        if self.backups.chosen_folder(self.book) is None:
            return _("Backups go to {folder}, beside the book.").format(folder=folder)
        return _("Backups go to {folder}, the folder chosen for this book.").format(
                   folder=folder)

    def choose_folder(self, folder: Path | None) -> None:
        """From now on back up into ``folder`` (None: beside the book)."""
        self.backups.choose_folder(self.book, folder)

    def restore_question(self, row: BackupRow) -> str:
        return (_("Restore the backup of {when}? The book is replaced by that copy, and whatever "
                  "was "
          "done since is gone from it. The book as it is now is backed up first, so you can come "
          "back to it.").format(when=row.when))

    def backed_up_text(self, backup: Backup) -> str:
        return _("Backed up {when} ({size}), verified.").format(
                   when=self.when(backup),
                   size=self.size(backup.size))

    def restored_text(self, restored: Restored) -> str:
        taken = next((b for b in self.rows if b.backup.path == restored.backup), None)
        when = taken.when if taken is not None else str(restored.backup)
        text = _("Restored the backup of {when}.").format(when=when)
        if restored.before is not None:
            state = "" if restored.before.verified else _(", not verified")
            text += (" " + _("The book as it was is kept among the backups "
                             "({kind_words}{state}).").format(
                kind_words=KIND_WORDS[restored.before.kind],
                state=state))
        return text


def daily_text(made: Backup | None) -> str | None:
    """The status bar's line after opening a book: None when no backup was due."""
    return None if made is None else _("Backed up for today, verified.")


def daily_failed_text(message: str) -> str:
    return _("Today's backup failed: {join}").format(join=' '.join(message.split()))
