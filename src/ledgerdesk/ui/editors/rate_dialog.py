"""``RateDialog``: a new exchange rate (date, currency, rate), as ``ledgerdesk rate`` keeps
one.  Each problem shows under its field as soon as the field is typed in (every one when
Save is pressed), the field outlined and what was typed kept; Enter saves, Esc asks before
dropping changes.  The words and rules are ``presentation.rate_editor``'s."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from ledgerdesk.presentation.number_symbols import number_symbols
from ledgerdesk.presentation.rate_editor import FIELDS, RateEditor
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.theme import wrong_field_style
from ledgerdesk.ui.widgets import error_label, form_row, save_cancel_dialog


class RateDialog(QDialog):
    def __init__(self, session: Session, currency: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = RateEditor(session, currency)
        self.setWindowTitle("New exchange rate")
        self.date = QLineEdit(self.editor.values["date"])
        self.currency = QLineEdit(self.editor.values["currency"])
        self.currency.setPlaceholderText("e.g. USD")
        self.currency.setMaxLength(12)
        self.rate = QLineEdit()
        decimal = number_symbols(session.locale).decimal
        self.rate.setPlaceholderText(f"e.g. 0{decimal}9312 ({self.editor.rate_label})")
        self.errors = {name: error_label() for name in FIELDS}
        form = QFormLayout()
        for text, field, name in (("&Date:", self.date, "date"),
                                  ("C&urrency:", self.currency, "currency"),
                                  (f"&Rate ({self.editor.rate_label}):", self.rate, "rate")):
            form_row(form, text, self._with_error(field, name), field)
        self._touched: set[str] = set()
        self.message = save_cancel_dialog(self, form, self.save, 520, [])
        for name, field in self.fields().items():
            field.textChanged.connect(lambda _, name=name: self._typed(name))
        first = self.rate if currency else self.currency
        first.setFocus()

    def _with_error(self, field: QWidget, name: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.errors[name])
        return column

    def fields(self) -> dict[str, QLineEdit]:
        return {"date": self.date, "currency": self.currency, "rate": self.rate}

    def typed(self) -> dict[str, str]:
        return {name: field.text() for name, field in self.fields().items()}

    def _typed(self, field: str) -> None:
        self._touched.add(field)
        self._show(self.editor.problems(**self.typed()))

    def _show(self, problems: dict[str, str]) -> None:
        for name, field in self.fields().items():
            why = problems.get(name, "") if name in self._touched else ""
            self.errors[name].setText(why)
            self.errors[name].setVisible(bool(why))
            field.setStyleSheet(wrong_field_style() if why else "")
        self.message.setText(problems.get("book", ""))
        self.message.setVisible("book" in problems)
        layout = self.layout()
        if layout is not None:  # grow to hold a problem that appears
            layout.activate()
            wanted = layout.totalSizeHint().height()
            if wanted > self.height():
                self.resize(self.width(), wanted)

    def save(self) -> None:
        problems = self.editor.save(**self.typed())
        self._touched.update(self.fields())
        self._show(problems)
        if not problems:
            self.accept()
            return
        wrong = next((f for name, f in self.fields().items() if name in problems), None)
        if wrong is not None:
            wrong.setFocus()

    def reject(self) -> None:
        if self.editor.saved is None and self.editor.changed(**self.typed()) and not \
                dialogs.confirm(self, "Discard changes?", "The rate has not been saved. "
                                "Discard it?", "&Discard"):
            return
        super().reject()
