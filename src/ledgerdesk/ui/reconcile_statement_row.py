"""The Reconcile page's statement file row: the bank's own statement (CSV, OFX/QFX or
CAMT.053, optional), whether to record the suggestions of its lines not in the book, and
what the file is and does (``presentation.reconcile_statement``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.import_pages import STATEMENT_FILTER
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.widgets import error_label


class StatementFileRow(QWidget):
    #: The file (None: none) or the choice to record the suggestions changed.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(_("Statement fi&le:"))
        self.path = QLineEdit()
        self.path.setAccessibleName(_("Statement file"))
        self.path.setPlaceholderText(_("Optional: the bank's statement (CSV, OFX, QFX or "
                                     "CAMT.053) ticks what it shows"))
        label.setBuddy(self.path)
        browse = QPushButton(_("Bro&wse…"))
        described(browse, _("Chooses the bank's statement file"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.accepting = QCheckBox(_("Record the &suggestions"))
        self.accepting.setToolTip(_("Record the statement's lines that are not in the book "
                                  "as their suggestion says, with the reconciliation"))
        self.accepting.setEnabled(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(tone_style(Tone.NOTE))
        self.note.hide()
        self.error = error_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(self.accepting)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        self.path.editingFinished.connect(self._path_changed)
        self.accepting.toggled.connect(lambda _: self.changed.emit())
        self._last = ""

    def chosen(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text).expanduser() if text else None

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def clear(self) -> None:
        self.path.clear()
        self._last = ""
        self.accepting.setChecked(False)
        self.accepting.setEnabled(False)
        self.show_note("")

    def _path_changed(self) -> None:
        text = self.path.text().strip()
        if text != self._last:
            self._last = text
            self.accepting.setEnabled(bool(text))
            if not text:
                self.accepting.setChecked(False)
            self.changed.emit()

    def _browse(self) -> None:
        path = file_dialogs.open_file(self, _("The bank's statement"), STATEMENT_FILTER,
                                      self.path.text().strip())
        if path is not None:
            self.path.setText(str(path))
            self._path_changed()
