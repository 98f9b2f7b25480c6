"""File > Import > Opening balances…: the start date and the grid of balances.

The grid is small and typed by hand (or read from the CSV the command line imports), so a
``QTableWidget`` holds the texts and ``OpeningWizard`` decides everything: live problems
beside the cells (red, with the sentence under the grid for the current cell), the
totals and the difference, and Finish only once it balances.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.opening_wizard import (
    FIELDS,
    HEADERS,
    OpeningWizard,
    read_opening_file,
)
from ledgerdesk.services.imports.fields import MappingError
from ledgerdesk.services.imports.source import ImportFileError
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.accessible import described, described_buttons, named
from ledgerdesk.ui.delegates.account_picker import AccountPickerDelegate
from ledgerdesk.ui.theme import Tone, tone_style, unused_cell_background, wrong_cell_background
from ledgerdesk.ui.widgets import date_edit, to_date

CSV_FILTER = N_("CSV files (*.csv);;All files (*)")


class OpeningDialog(QDialog):
    def __init__(self, wizard: OpeningWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard = wizard
        self.setWindowTitle(_("Opening balances"))
        self.resize(900, 520)
        self.date = date_edit(wizard.as_of, wizard.session.locale)
        described(self.date, _("The day the balances are as of, before the book's first entry"))
        self.date.setMaximumWidth(160)
        self.create_contacts = QCheckBox(_("&Create contacts the book does not have yet"))
        described(self.create_contacts, _("Ticked: a contact the book does not have yet is added; "
                                          "otherwise its rows are refused"))
        self.create_contacts.setChecked(wizard.create_contacts)
        self.table = named(QTableWidget(0, len(FIELDS)), _("Opening balances"),
                           _("One account a row with its debit or credit on the opening day."))
        self.table.setHorizontalHeaderLabels([_(header) for header in HEADERS])
        self.table.setItemDelegateForColumn(0, AccountPickerDelegate(wizard.accounts, self.table))
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for column, width in enumerate((240, 110, 110, 170, 100, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_row = QPushButton(_("&Add row"))
        described(self.add_row, _("Adds an empty row under the last one"))
        self.read_file = QPushButton(_("&Read a CSV file…"))
        described(self.read_file, _("Reads the balances from a CSV file into the grid"))
        self.balance = QLabel()
        self.cell_message, self.message = QLabel(), QLabel()
        for label in (self.cell_message, self.message):
            label.setWordWrap(True)
            label.setStyleSheet(tone_style(Tone.ERROR))
        self.buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.finish_button = self.buttons.addButton(_("&Finish"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        described(self.finish_button, _("Records the opening balances, once the debits equal the "
                                        "credits, and closes the form"))
        self._lay_out()
        self._fill()
        self.date.dateChanged.connect(self._date_changed)
        self.create_contacts.toggled.connect(self._contacts_toggled)
        self.table.itemChanged.connect(self._edited)
        self.table.currentCellChanged.connect(lambda *_: self._refresh())
        self.add_row.clicked.connect(self._add_row)
        self.read_file.clicked.connect(self._read_file)
        self.finish_button.clicked.connect(self.finish)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        form = QFormLayout()
        label = QLabel(_("&Balances as of:"))
        label.setBuddy(self.date)
        form.addRow(label, self.date)
        note = QLabel(_("One row per balance at the end of that day. A row on the receivable or "
                        "payable "
          "account is an open invoice or bill: give its contact, number and due date. The rows "
          "must balance to the cent; the trial balance on the date will be exactly these rows."))
        note.setWordWrap(True)
        note.setStyleSheet(tone_style(Tone.NOTE))
        row_buttons = QHBoxLayout()
        for widget in (self.add_row, self.read_file):
            row_buttons.addWidget(widget)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.balance)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.cell_message)
        layout.addWidget(self.message)
        layout.addWidget(self.create_contacts)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        """The grid from the wizard's rows, without reporting them as edits."""
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.wizard.lines))
        for row in range(len(self.wizard.lines)):
            for column in range(len(FIELDS)):
                self.table.setItem(row, column, QTableWidgetItem(""))
        self.table.blockSignals(False)
        self._refresh()

    def _refresh(self) -> None:
        wizard = self.wizard
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            document = wizard.is_document_row(row)
            for column, name in enumerate(FIELDS):
                item = self.table.item(row, column)
                item.setText(wizard.cell_text(row, name))
                error = wizard.line_error(row, name)
                item.setToolTip(error)
                item.setBackground(QBrush(wrong_cell_background()) if error else QBrush())
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if column >= 3 and not document and not item.text():
                    item.setBackground(QBrush(unused_cell_background()))
        self.table.blockSignals(False)
        debits, credits, words = wizard.balance_text()
        self.balance.setText(_("Debits {debits}   Credits {credits}   {words}").format(
                                 debits=debits,
                                 credits=credits,
                                 words=words).rstrip())
        current = self.table.currentRow(), self.table.currentColumn()
        cell = wizard.line_error(current[0], FIELDS[current[1]]) if min(current) >= 0 else ""
        _show(self.cell_message, cell)
        _show(self.message, "\n".join(wizard.form_problems()))
        self.finish_button.setEnabled(wizard.can_finish)

    def _edited(self, item: QTableWidgetItem) -> None:
        self.wizard.set_line_text(item.row(), FIELDS[item.column()], item.text())
        self._refresh()

    def _date_changed(self, date: QDate) -> None:
        self.wizard.set_as_of(to_date(date))
        self._refresh()

    def _contacts_toggled(self, checked: bool) -> None:
        self.wizard.create_contacts = checked
        self._refresh()

    def _add_row(self) -> None:
        self.wizard.add_line()
        self._fill()

    def _read_file(self) -> None:
        path = file_dialogs.open_file(self, _("Read opening balances"), _(CSV_FILTER), "")
        if path is not None:
            self.read(Path(path))

    def read(self, path: Path) -> None:
        """Rows from ``path`` into the grid; what could not be read, under it."""
        try:
            lines, problems = read_opening_file(path)
        except (ImportFileError, MappingError, OSError) as exc:  # the file's one sentence
            _show(self.message, str(exc))
            return
        self.wizard.load_lines(lines)
        self._fill()
        if problems:
            _show(self.message, "\n".join(problems))

    def finish(self) -> None:
        if self.wizard.finish():
            self.accept()
        else:
            self._refresh()


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def open_opening_wizard(session, parent: QWidget) -> OpeningDialog:
    dialog = OpeningDialog(OpeningWizard(session), parent)
    dialog.exec()
    return dialog
