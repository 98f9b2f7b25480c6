"""Small standard dialogs: errors, choosing a book file, a new book, the shortcut list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.fiscal_year import fiscal_year_problem
from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.new_book import CURRENCIES, company_problem, new_book_problem
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.accessible import described, described_buttons, named
from ledgerdesk.ui.button_words import BROWSE, CREATE
from ledgerdesk.ui.theme import Tone, tone_style

BOOK_FILTER = "Ledgerdesk books (*.book);;All files (*)"


def error(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok,
                      parent)
    box.setInformativeText(message)
    box.exec()


def inform(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, title, QMessageBox.StandardButton.Ok,
                      parent)
    box.setInformativeText(message)
    box.exec()


def confirm(parent: QWidget, title: str, question: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(go)
    box.exec()
    return box.clickedButton() is go


def choose_book_to_open(parent: QWidget) -> Path | None:
    return file_dialogs.open_file(parent, _("Open a book"), BOOK_FILTER)


class NewBookDialog(QDialog):
    """The company's name, its home currency, its fiscal year start, and the file the new
    book is kept in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New book"))
        self.company_edit = QLineEdit()
        self.company_edit.setPlaceholderText(_("e.g. Northwind Design Studio"))
        self.currency_box = QComboBox()
        self.currency_box.setEditable(True)
        self.currency_box.addItems(CURRENCIES)
        self.currency_box.setToolTip(_("The currency the company's books are kept in: a "
                                       "three-letter code such as EUR, USD or "
                                       "GBP"))
        self.year_start_edit = QLineEdit("01-01")
        self.year_start_edit.setMaxLength(5)
        self.year_start_edit.setToolTip(_("The first day of the fiscal year as month-day, e.g. "
                                          "04-01 for 1 April; 01-01 is the "
                                          "calendar year"))
        self.path_edit = QLineEdit(str(file_dialogs.start_folder() / _("My company.book")))
        self.path_edit.setToolTip(_("One company's books are one file, kept where you choose"))
        browse = QPushButton(_(BROWSE))
        described(browse, _("Chooses where the book file is saved"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(_label(_("Company &name:"), self.company_edit), self.company_edit)
        form.addRow(_label(_("&Home currency:"), self.currency_box), self.currency_box)
        form.addRow(_label(_("Fiscal &year starts (MM-DD):"), self.year_start_edit),
                    self.year_start_edit)
        form.addRow(_label(_("Book &file:"), self.path_edit), where)
        self.problem = QLabel()
        self.problem.setStyleSheet(tone_style(Tone.ERROR))
        self.problem.setWordWrap(True)
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                     | QDialogButtonBox.StandardButton.Cancel))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_(CREATE))
        described(buttons.button(QDialogButtonBox.StandardButton.Ok),
                  _("Creates the book file and opens it"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self.company_edit.setFocus()

    def _browse(self) -> None:
        path = file_dialogs.save_file(self, _("New book"), BOOK_FILTER, self.path_edit.text())
        if path is not None:
            name = str(path)
            self.path_edit.setText(name if name.endswith(".book") else name + ".book")

    def answer(self) -> tuple[Path, str, str, str]:
        return (Path(self.path_edit.text().strip()).expanduser(),
                self.company_edit.text().strip(), self.currency_box.currentText().strip().upper(),
                self.year_start_edit.text().strip())

    def _check(self) -> None:
        path, company, currency, year_start = self.answer()
        problem = new_book_problem(path, company, currency, year_start)
        self.problem.setText(problem)
        if problem:
            if company_problem(company):
                self.company_edit.setFocus()
            elif fiscal_year_problem(year_start) == problem:
                self.year_start_edit.setFocus()
            return
        file_dialogs.remember(path)
        self.accept()


def _label(text: str, field: QWidget) -> QLabel:
    """A field's label whose underlined letter (Alt+it) moves to the field."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def ask_new_book(parent: QWidget) -> tuple[Path, str, str, str] | None:
    dialog = NewBookDialog(parent)
    return dialog.answer() if dialog.exec() else None


def shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Keyboard shortcuts"))
    table = named(QTableWidget(len(rows), 2), _("Keyboard shortcuts"),
                  _("Every action and the keys that do it."))
    table.setHorizontalHeaderLabels([_("Action"), _("Keys")])
    for i, (what, keys) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(what))
        table.setItem(i, 1, QTableWidgetItem(keys))
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeColumnToContents(0)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(620, 560)
    dialog.exec()
