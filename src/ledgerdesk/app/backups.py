"""``StorageBackups``: backing up, listing and restoring book files, for the command line and
(as the ``BookBackups`` port of ``presentation.backups``) for the window.

It joins the pieces: where a book's backups go (``backup_places``), the copies and the
restore (``storage.backups``, ``storage.restore``) and the retention policy
(``domain.retention``).  The daily backup is taken only when none was taken that day (UTC),
and then the daily backups the policy no longer keeps are removed; other kinds are kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ledgerdesk.app.backup_places import BackupPlaces
from ledgerdesk.domain.backups import (
    UTC,
    Backup,
    BackupKind,
    Restored,
    daily_due,
    default_folder,
)
from ledgerdesk.domain.retention import to_prune
from ledgerdesk.storage import backups as copies
from ledgerdesk.storage.backups import Progress
from ledgerdesk.storage.errors import BackupFolderMissing
from ledgerdesk.storage.restore import restore_book

__all__ = ["Restored", "StorageBackups"]


Method = TypeVar("Method", bound=Callable[..., Any])


def utc_now() -> dt.datetime:
    return dt.datetime.now(UTC)


def absolute(method: Method) -> Method:
    """The book's path made absolute first, so that its folder is found the same way from
    any working directory (and compared with the folder beside it reliably)."""
    @functools.wraps(method)
    def wrapper(self: StorageBackups, book: Path, *args: Any, **kwargs: Any) -> Any:
        return method(self, Path(os.path.abspath(book)), *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class StorageBackups:
    """``daily``: whether the window takes the day's backup when it opens a book (the
    composition root turns it on; tests that open windows leave it off)."""

    def __init__(self, places: BackupPlaces | None = None, *, daily: bool = False,
                 clock: Callable[[], dt.datetime] = utc_now, wait: float = 5) -> None:
        self.places = places or BackupPlaces()
        self.daily = daily
        self._clock = clock
        self._wait = wait

    @absolute
    def folder(self, book: Path) -> Path:
        """Where ``book``'s backups go now."""
        return self.places.folder(book)

    @absolute
    def chosen_folder(self, book: Path) -> Path | None:
        return self.places.chosen(book)

    @absolute
    def choose_folder(self, book: Path, folder: Path | None) -> None:
        """Back ``book`` up into ``folder`` from now on (None: beside it again)."""
        if folder is not None and folder != default_folder(book) and not folder.is_dir():
            raise BackupFolderMissing(folder)
        self.places.choose(book, folder)

    @absolute
    def list(self, book: Path) -> list[Backup]:
        """Newest first; readable when the book itself is not."""
        return copies.list_backups(book, self.folder(book))

    @absolute
    def back_up(self, book: Path, *, kind: BackupKind = BackupKind.MANUAL,
                output: Path | None = None, progress: Progress | None = None,
                now: dt.datetime | None = None) -> Backup:
        """A verified backup into the book's folder, or ``output``: a folder to put it in,
        or the new file to write.  ``progress`` may raise to stop (nothing is left); ``now``
        is when it is taken (default: the clock's now)."""
        taken = now or self._clock()
        if output is not None and output.is_dir():
            return self._take(book, output, kind, progress, taken, make_folder=False)
        if output is not None:
            return self._take(book, output.parent, kind, progress, taken, make_folder=False,
                              target=output)
        folder = self.folder(book)
        return self._take(book, folder, kind, progress, taken,
                          make_folder=folder == default_folder(book))

    @absolute
    def daily_due(self, book: Path) -> bool:
        """No daily backup of ``book`` was taken today (UTC)."""
        return daily_due(self.list(book), self._clock())

    @absolute
    def daily_backup(self, book: Path, progress: Progress | None = None) -> Backup | None:
        """The day's backup, unless one was taken today (None); then the daily backups the
        retention policy no longer keeps are removed."""
        existing = self.list(book)
        if not daily_due(existing, self._clock()):
            return None
        made = self.back_up(book, kind=BackupKind.DAILY, progress=progress)
        for old in to_prune([made, *existing]):
            copies.remove_backup(old.path)
        return made

    @absolute
    def restore(self, book: Path, backup: Path, progress: Progress | None = None) -> Restored:
        """Put ``backup`` in ``book``'s place; the book as it was is kept (``before``)."""
        return restore_book(book, backup, self._ready_folder(book), now=self._clock(),
                            wait=self._wait, progress=progress)

    def _ready_folder(self, book: Path) -> Path:
        folder = self.folder(book)
        if folder != default_folder(book) and not folder.is_dir():
            raise BackupFolderMissing(folder)
        return folder

    def _take(self, book: Path, folder: Path, kind: BackupKind, progress: Progress | None,
              now: dt.datetime, *, make_folder: bool, target: Path | None = None) -> Backup:
        return copies.take_backup(book, folder, kind, now=now, wait=self._wait,
                                  make_folder=make_folder, target=target, progress=progress)
