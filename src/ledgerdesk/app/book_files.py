"""``StorageBookFiles``: the window's ``BookFiles`` port on SQLite book files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ledgerdesk.app.backups import StorageBackups
from ledgerdesk.app.files import ensure_demo_book, new_book, os_user
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.presentation.session import BookFileError, Progress
from ledgerdesk.services.ports import Book
from ledgerdesk.storage import BookError, open_book


class StorageBookFiles:
    """``busy_timeout``: seconds a write waits for another program's lock (None: storage's
    default); ``backups``: where books are backed up and restored from (by default without
    the daily backup on opening, which the application turns on)."""

    def __init__(self, *, busy_timeout: float | None = None,
                 backups: StorageBackups | None = None) -> None:
        self.busy_timeout = busy_timeout
        self.backups = backups or StorageBackups()

    def open(self, path: Path) -> Book:
        try:
            return open_book(path, busy_timeout=self.busy_timeout, user=os_user(),
                             backup_folder=self.backups.chosen_folder(path))
        except BookError as exc:
            raise BookFileError(str(exc)) from exc
        except OSError as exc:
            raise BookFileError(f"{path}: {exc.strerror or exc}.") from exc

    def create(self, path: Path, *, company: str, currency: str,
               fiscal_year_start: str = "01-01") -> Book:
        if path.exists():
            raise BookFileError(_("{path} already exists; choose another name.").format(
                                    path=path))
        try:
            return new_book(path, company=company, currency=currency,
                            fiscal_year_start=fiscal_year_start)
        except (BookError, ValidationFailed, NotAllowed) as exc:
            raise BookFileError(str(exc)) from exc
        except OSError as exc:
            raise BookFileError(f"{path}: {exc.strerror or exc}.") from exc

    def demo(self, today: dt.date, progress: Progress | None = None) -> Path:
        try:
            return ensure_demo_book(today, progress)[0]
        except BookError as exc:
            raise BookFileError(str(exc)) from exc
