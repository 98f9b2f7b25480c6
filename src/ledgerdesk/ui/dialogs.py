"""Small standard dialogs: errors, choosing a book file, a new book, the shortcut list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

BOOK_FILTER = "Ledgerdesk books (*.book);;All files (*)"
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "JPY",
              "INR", "ZAR", "BRL", "MXN", "PLN", "CZK", "KWD")


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
    name, _ = QFileDialog.getOpenFileName(parent, "Open a book", "", BOOK_FILTER)
    return Path(name) if name else None


class NewBookDialog(QDialog):
    """Where the new book goes, the company's name and its base currency."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New book")
        self.path_edit = QLineEdit(str(Path.home() / "My company.book"))
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)
        self.company_edit = QLineEdit()
        self.company_edit.setPlaceholderText("e.g. Northwind Design Studio")
        self.currency_box = QComboBox()
        self.currency_box.setEditable(True)
        self.currency_box.addItems(CURRENCIES)
        form = QFormLayout()
        form.addRow("&File:", where)
        form.addRow("&Company:", self.company_edit)
        form.addRow("Base c&urrency:", self.currency_box)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("C&reate")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New book", self.path_edit.text(),
                                              BOOK_FILTER)
        if name:
            self.path_edit.setText(name if name.endswith(".book") else name + ".book")

    def answer(self) -> tuple[Path, str, str]:
        return (Path(self.path_edit.text().strip()).expanduser(),
                self.company_edit.text().strip(), self.currency_box.currentText().strip().upper())

    def _check(self) -> None:
        path, company, currency = self.answer()
        if not company:
            self.problem.setText("Type the company's name.")
        elif not path.name:
            self.problem.setText("Choose where to keep the book.")
        elif path.exists():
            self.problem.setText(f"{path} already exists; choose another name.")
        elif len(currency) != 3 or not currency.isalpha():
            self.problem.setText(f"“{currency}” is not a currency code; use three letters, "
                                 "like EUR.")
        else:
            self.accept()


def ask_new_book(parent: QWidget) -> tuple[Path, str, str] | None:
    dialog = NewBookDialog(parent)
    return dialog.answer() if dialog.exec() else None


def shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels(["Action", "Keys"])
    for i, (what, keys) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(what))
        table.setItem(i, 1, QTableWidgetItem(keys))
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeColumnToContents(0)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(620, 560)
    dialog.exec()
