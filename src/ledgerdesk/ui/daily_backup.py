"""The day's backup, taken when the window opens a book (``MainWindow._show_book``).

It runs on a thread with no dialog, so the book is open and usable at once; the status bar
says it is running, then that it is done, or in one line why it failed (a full disk, a
backup folder whose disk is not connected), and the book stays open either way.  It
belongs to the book's view: closing the book (or restoring it) stops it first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.backups import BookBackups, daily_failed_text, daily_text
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui.workers import run_in_background

BACKING_UP = N_("Backing up the book…")
SHOWN_MS = 8000


def start_daily_backup(window: QMainWindow, session: Session) -> None:
    """Back ``session``'s book up if the application asks for a daily backup and none was
    taken today."""
    backups: BookBackups | None = getattr(getattr(window, "files", None), "backups", None)
    owner = getattr(window, "book_view", None)
    if backups is None or not backups.daily or owner is None:
        return
    path = session.path
    if not backups.daily_due(path):
        return
    bar = window.statusBar()
    bar.showMessage(_(BACKING_UP))

    def done(made: object) -> None:
        text = daily_text(made)  # type: ignore[arg-type]
        if text is None:
            bar.clearMessage()
        else:
            bar.showMessage(text, SHOWN_MS)

    run_in_background(owner, _(BACKING_UP), lambda progress: backups.daily_backup(path, progress),
                      done, lambda message: bar.showMessage(daily_failed_text(message)),
                      quiet=True)
