"""File > Backups… for ``screenshots``: a few days of backups of every kind.

The backups are of a copy of the book in ``scratch``, never of the book itself, so that a
screenshot leaves nothing beside a user's book (``ledgerdesk screenshots --book``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMainWindow

from ledgerdesk.domain.backups import UTC, BackupKind
from ledgerdesk.presentation.backups import BookBackups
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui.backups_dialog import BackupsDialog

#: (days ago, kind) of the backups shown, oldest first.
HISTORY = ((40, BackupKind.BEFORE_MIGRATION), (9, BackupKind.DAILY), (3, BackupKind.DAILY),
           (2, BackupKind.MANUAL), (1, BackupKind.DAILY), (1, BackupKind.BEFORE_RESTORE),
           (0, BackupKind.DAILY))


def backup_dialogs(session: Session, window: QMainWindow, backups: BookBackups,
                   scratch: Path) -> Iterator[tuple[str, QDialog]]:
    book = scratch / session.path.name
    backups.back_up(session.path, output=book)  # a copy of the book, taken as a backup is
    now = dt.datetime.now(UTC).replace(hour=9, minute=30, second=0, microsecond=0)
    for days, kind in HISTORY:
        at = now - dt.timedelta(days=days, hours=days % 3)
        backups.back_up(book, kind=kind, now=at)
    copy = replace(session, path=book)
    dialog = BackupsDialog(window, copy, backups)
    dialog.table.selectRow(2)
    yield "76-backups", dialog

