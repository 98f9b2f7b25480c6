"""``BackupsDialog`` (File > Backups…, Ctrl+Shift+B): the book's backups, newest first, with
when (the user's time, in the locale), kind, size and whether each was verified; Back up
now; Restore… (asked first, naming the date); and the folder they go to, chosen here for
this book or put back beside it.

A restore closes the book first (no connection of this window may hold it), runs off the
GUI thread, and reopens the book, restored or, when refused, as it was.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.backups import (
    RETENTION_NOTE,
    BackupList,
    BackupRow,
    BookBackups,
)
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.ui import dialogs, file_dialogs
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.models.read_rows import ReadRowsModel
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.workers import run_in_background

RESTORED_MS = 15000


class BackupColumn(IntEnum):
    """The list's rows (``presentation.backups.BackupRow``)."""

    WHEN = 0
    KIND = 1
    VERIFIED = 2
    SIZE = 3  # last, at the right edge: not beside a word it would read as one with


WIDTHS = {BackupColumn.WHEN: 230, BackupColumn.KIND: 160, BackupColumn.VERIFIED: 130}


def open_backups(window: QMainWindow, session: Session) -> BackupsDialog:
    """Show the dialog window-modal without blocking (it closes itself when done)."""
    dialog = BackupsDialog(window, session, window.files.backups)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class BackupsDialog(QDialog):
    def __init__(self, window: QMainWindow, session: Session, backups: BookBackups,
                 tz: dt.tzinfo | None = None) -> None:
        super().__init__(window)
        self.window_, self.session = window, session
        self.setWindowTitle(_("Backups"))
        self.presenter = BackupList(backups, session.path, session.locale, tz)
        self.model = ReadRowsModel(BackupColumn, (_("Taken"), _("Kind"), _("Verified"), _("Size")),
                                   frozenset({BackupColumn.SIZE}), self)
        self.table = self._make_table()
        self.count_label = QLabel()
        note = QLabel(_(RETENTION_NOTE))
        note.setWordWrap(True)
        note.setStyleSheet(tone_style(Tone.NOTE))  # a fixed grey was 2.2:1 in dark mode
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("backupsStatus")
        self.status.setWordWrap(True)
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        self.back_up_button = self._button(buttons, _("&Back up now"), self.back_up)
        described(self.back_up_button, _("Makes a backup of the book now and checks it"))
        self.restore_button = self._button(buttons, _("&Restore…"), self.restore_current)
        described(self.restore_button, _("Puts the selected backup in the book's place; the book "
                                         "as it is now is backed up first"))
        self.folder_button = QPushButton(_("Choose &folder…"))
        described(self.folder_button, _("Chooses the folder the backups are kept in"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.beside_button = QPushButton(_("Beside the boo&k"))
        described(self.beside_button, _("Keeps the backups in a folder beside the book file"))
        self.beside_button.clicked.connect(self.folder_beside)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_button)
        folder_row.addWidget(self.beside_button)
        folder_row.addStretch(1)
        layout.addLayout(folder_row)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.reload()
        self.resize(760, 420)
        self.table.setFocus()

    @staticmethod
    def _button(buttons: QDialogButtonBox, text: str, slot) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _make_table(self) -> QTableView:
        table = read_only_table(
            self.model, _("Backups"), _("This book's backups, newest first."))
        header = table.horizontalHeader()
        header.setSectionResizeMode(BackupColumn.SIZE, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        return table

    def reload(self, select: Path | None = None) -> None:
        rows = self.presenter.reload()
        self.model.set_rows(rows)
        self.count_label.setText(self.presenter.count_text())
        self._show_folder()
        index = next((i for i, r in enumerate(rows) if r.backup.path == select), 0)
        if rows:
            self.table.selectRow(index)
        self._enable()

    def _show_folder(self) -> None:
        self.folder_label.setText(self.presenter.folder_text())
        chosen = self.presenter.backups.chosen_folder(self.session.path) is not None
        self.beside_button.setEnabled(chosen)

    def current_row(self) -> BackupRow | None:
        index = self.table.currentIndex()
        row = self.model.data(index, Role.ENTITY) if index.isValid() else None
        return row if isinstance(row, BackupRow) else None

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.current_row() is not None)

    def back_up(self) -> None:
        self.back_up_button.setEnabled(False)
        self.status.setText(_("Backing up the book…"))
        backups, path = self.presenter.backups, self.session.path
        run_in_background(self, _("Backing up the book…"),
                          lambda progress: backups.back_up(path, progress=progress),
                          self._backed_up, self._failed)

    def _backed_up(self, made) -> None:
        self.back_up_button.setEnabled(True)
        self.reload(select=made.path)
        self.status.setText(self.presenter.backed_up_text(made))

    def _failed(self, message: str) -> None:
        self.back_up_button.setEnabled(True)
        self.status.setText(message)

    def choose_folder(self) -> None:
        folder = file_dialogs.choose_folder(self, _("Where this book's backups go"),
                                            self.presenter.backups.folder(self.session.path))
        if folder is not None:
            self._set_folder(folder)

    def folder_beside(self) -> None:
        self._set_folder(None)

    def _set_folder(self, folder: Path | None) -> None:
        try:
            self.presenter.choose_folder(folder)
        except BookFailure as exc:
            self.status.setText(str(exc))
            return
        self.reload()

    def restore_current(self) -> None:
        row = self.current_row()
        if row is None or not dialogs.confirm(self, _("Restore a backup"),
                                              self.presenter.restore_question(row), _("Restore")):
            return
        self.done(QDialog.DialogCode.Accepted)
        restore_in_window(self.window_, self.presenter, row.backup.path)


def restore_in_window(window: QMainWindow, presenter: BackupList, backup: Path) -> None:
    """Close the book, restore it on a thread, and open it again, restored or as it was."""
    path, backups = presenter.book, presenter.backups
    window.close_book()  # type: ignore[attr-defined]

    def restored(done) -> None:
        window.open_path(path)  # type: ignore[attr-defined]
        window.statusBar().showMessage(presenter.restored_text(done), RESTORED_MS)

    def refused(message: str) -> None:
        dialogs.error(window, _("The book was not restored"), message)
        window.open_path(path)  # type: ignore[attr-defined]

    run_in_background(window, _("Restoring the book…"),
                      lambda progress: backups.restore(path, backup, progress), restored,
                      refused)
