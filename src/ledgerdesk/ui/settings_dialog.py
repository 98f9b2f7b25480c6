"""``SettingsDialog``: company details, locale, base currency, numbering prefixes and how
tax is rounded.

A refused field keeps what was typed and is outlined, with every reason in the message
line; Esc or Cancel asks before dropping changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.settings import SettingsEditor
from ledgerdesk.presentation.tax_rounding_choice import CHOICES, NOTE, TaxRoundingChoice
from ledgerdesk.services.settings import CompanySettings
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.logo import LogoPicker
from ledgerdesk.ui.widgets import address_edit, save_cancel_dialog

WRONG_FIELD_STYLE = "border: 1px solid #b3261e;"


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = SettingsEditor(session)
        self.setWindowTitle("Settings")
        current = self.editor.loaded
        self.company = QLineEdit(current.company)
        self.address = address_edit()
        self.address.setPlainText(current.address)
        self.tax_number = QLineEdit(current.tax_number)
        self.locale_box = QComboBox()
        for code, name in self.editor.locales.items():
            self.locale_box.addItem(f"{name} ({code})", code)
        self.locale_box.setCurrentIndex(max(self.locale_box.findData(current.locale), 0))
        self.currency = QLabel(current.currency)
        self.prefixes = {kind: QLineEdit(prefix) for kind, prefix in current.prefixes.items()}
        form = QFormLayout()
        form.addRow("&Company:", self.company)
        form.addRow("&Address:", self.address)
        form.addRow("&Tax number:", self.tax_number)
        self.logo = LogoPicker(current.logo, self._logo_problem)
        form.addRow("Logo:", self.logo)
        form.addRow("&Locale (numbers, dates):", self.locale_box)
        form.addRow("Base currency:", self.currency)
        note = QLabel("Chosen when the book was created; every posted amount is in it.")
        note.setStyleSheet("color: #606060;")
        form.addRow("", note)
        for kind, edit in self.prefixes.items():
            form.addRow(f"{kind.label.capitalize()} prefix:", edit)
        self._add_tax_rounding(session, form)
        self.message = save_cancel_dialog(self, form, self.save, 560)

    def _add_tax_rounding(self, session: Session, form: QFormLayout) -> None:
        self.rounding = TaxRoundingChoice(session)
        self.tax_rounding = QComboBox()
        for label, rounding in CHOICES:
            self.tax_rounding.addItem(label, rounding)
        self.tax_rounding.setCurrentIndex(self.tax_rounding.findData(self.rounding.loaded))
        self.tax_rounding_note = QLabel(NOTE)
        self.tax_rounding_note.setWordWrap(True)
        self.tax_rounding_note.setStyleSheet("color: #606060;")
        form.addRow("Tax &rounding:", self.tax_rounding)
        form.addRow("", self.tax_rounding_note)

    def _logo_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def fields(self) -> dict[str, QWidget]:
        """Each field by the name the book's problems use."""
        named: dict[str, QWidget] = {"company": self.company, "locale": self.locale_box}
        named.update({f"prefixes.{kind.value}": edit for kind, edit in self.prefixes.items()})
        return named

    def wanted(self) -> CompanySettings:
        return CompanySettings(
            company=self.company.text().strip(), address=self.address.toPlainText().strip(),
            tax_number=self.tax_number.text().strip(), locale=self.locale_box.currentData(),
            currency=self.editor.loaded.currency,
            prefixes={kind: edit.text() for kind, edit in self.prefixes.items()},
            logo=self.logo.logo,
        )

    def save(self) -> None:
        problems = self.editor.save(self.wanted())
        if not problems:  # refused settings save nothing, the rounding neither
            problems = self.rounding.save(self.tax_rounding.currentData())
        for name, field in self.fields().items():
            field.setStyleSheet(WRONG_FIELD_STYLE if name in problems else "")
        self.message.setText(" ".join(problems.values()))
        self.message.setVisible(bool(problems))
        if not problems:
            self.accept()

    def reject(self) -> None:
        changed = (self.editor.changed(self.wanted())
                   or self.rounding.changed(self.tax_rounding.currentData()))
        if changed and not dialogs.confirm(
                self, "Discard changes?", "The settings have not been saved. Discard them?",
                "&Discard"):
            return
        super().reject()
