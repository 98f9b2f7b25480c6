"""``RatesDialog`` (File > Exchange rates…, Ctrl+Shift+X): the rates the book holds, the
latest of each currency or one currency's history (the picker), with Add… (Alt+A, Ctrl+N:
``RateDialog``) and Import ECB file… (Alt+I: the ECB's ``eurofxref`` zip or CSV, read off
the GUI thread, its summary in the command line's words below the list).  A book setting
like Tax codes…, so it lives beside it in the File menu; the window reloads it when the book
changes."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.rate_list import LATEST, RateList, RateRow
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.editors.rate_dialog import RateDialog
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.models.read_rows import ReadRowsModel
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.views.column_fit import at_least_heading
from ledgerdesk.ui.workers import run_in_background

ECB_FILTER = N_("ECB reference rates (*.zip *.csv);;All files (*)")


class RateColumn(IntEnum):
    """The list's rows (``presentation.rate_list.RateRow``)."""

    DATE = 0
    CURRENCY = 1
    RATE = 2


class RatesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_("Exchange rates"))
        self.presenter = RateList(session)
        per_unit = _("{currency} per unit").format(currency=session.currency)
        self.model = ReadRowsModel(RateColumn, (_("Date"), _("Currency"), per_unit),
                                   frozenset({RateColumn.RATE}), self)
        self.table = read_only_table(
            self.model, _("Exchange rates"), _("Each rate: its day, its currency and how many "
                                               "units of the book's currency one unit of it "
                                               "is worth."))
        header = self.table.horizontalHeader()
        header.resizeSection(RateColumn.DATE, at_least_heading(self.table, RateColumn.DATE, 120))
        header.resizeSection(RateColumn.CURRENCY,
                             at_least_heading(self.table, RateColumn.CURRENCY, 90))
        header.setSectionResizeMode(RateColumn.RATE, QHeaderView.ResizeMode.Stretch)
        self.picker = QComboBox()
        described(self.picker, _("Lists every currency's latest rate, or one currency's rates"))
        self.picker.setMinimumContentsLength(22)
        shown = QLabel(_("&Show:"))
        shown.setBuddy(self.picker)
        self.count_label = QLabel()
        note = QLabel(self.presenter.note)
        note.setWordWrap(True)
        note.setStyleSheet(tone_style(Tone.NOTE))
        self.status = QLabel()
        self.status.setObjectName("ratesStatus")
        self.status.setWordWrap(True)
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        self.add_button = self._button(buttons, _("&Add…"), self.add_rate)
        described(self.add_button, _("Adds a rate typed in by hand"))
        self.import_button = self._button(buttons, _("&Import ECB file…"), self.choose_file)
        described(self.import_button, _("Imports the European Central Bank's reference rates from "
                                        "its file"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.add_rate)
        top = QHBoxLayout()
        top.addWidget(shown)
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()
        self.picker.currentIndexChanged.connect(self._picked)
        self.resize(620, 480)
        self.table.setFocus()

    @staticmethod
    def _button(buttons: QDialogButtonBox, text: str, slot) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def reload(self, currency: str | None = None, select: RateRow | None = None) -> None:
        """Read the rates again (of ``currency``, else the same view), keeping the row
        picked (or selecting ``select``) while it is shown."""
        select = select or self.current_row()
        try:
            rows = self.presenter.reload(currency)
        except BookFailure as exc:
            self.status.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.picker.blockSignals(True)
        self.picker.clear()
        for code, label in self.presenter.choices():
            self.picker.addItem(label, code)
        self.picker.setCurrentIndex(max(self.picker.findData(self.presenter.currency), 0))
        self.picker.blockSignals(False)
        self.count_label.setText(self.presenter.count_text())
        index = (self.presenter.index_of(select.record.currency, select.record.date)
                 if select is not None else None)
        if rows:
            self.table.selectRow(index or 0)

    def _picked(self, index: int) -> None:
        self.reload(self.picker.itemData(index) or LATEST)

    def current_row(self) -> RateRow | None:
        index = self.table.currentIndex()
        row = self.model.data(index, Role.ENTITY) if index.isValid() else None
        return row if isinstance(row, RateRow) else None

    def add_rate(self) -> None:
        dialog = RateDialog(self.session, self.presenter.currency, self)
        if dialog.exec() and dialog.editor.saved is not None:
            self.status.setText(dialog.editor.message)
            saved = dialog.editor.saved.rate
            showing = self.presenter.currency
            self.reload(showing if showing in (LATEST, saved.currency) else LATEST)
            found = self.presenter.index_of(saved.currency, saved.date)
            if found is not None:
                self.table.selectRow(found)
        self.table.setFocus()

    def choose_file(self) -> None:
        path = file_dialogs.open_file(self, _("Import the ECB's reference rates"), _(ECB_FILTER))
        if path is not None:
            self.import_file(path)

    def import_file(self, path) -> None:
        self.import_button.setEnabled(False)
        self.status.setText(_("Importing {name}…").format(name=path.name))
        presenter = self.presenter
        run_in_background(self, _("Importing exchange rates…"),
                          lambda progress: presenter.import_file(path),
                          self._imported, self._failed)

    def _imported(self, summary: str) -> None:
        self.import_button.setEnabled(True)
        self.reload()
        self.status.setText(summary)

    def _failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self.status.setText(message)
