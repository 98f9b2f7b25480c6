"""``SettingsDialog``: company details, locale, base currency and numbering prefixes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.settings import LOCALES, load_settings, save_settings
from ledgerdesk.services.settings import CompanySettings
from ledgerdesk.ui.logo import LogoPicker
from ledgerdesk.ui.widgets import address_edit, save_cancel_dialog


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Settings")
        current = load_settings(session)
        self.company = QLineEdit(current.company)
        self.address = address_edit()
        self.address.setPlainText(current.address)
        self.tax_number = QLineEdit(current.tax_number)
        self.locale_box = QComboBox()
        for code, name in LOCALES.items():
            self.locale_box.addItem(f"{name} ({code})", code)
        index = self.locale_box.findData(current.locale)
        self.locale_box.setCurrentIndex(max(index, 0))
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
        note.setStyleSheet("color: palette(mid);")
        form.addRow("", note)
        for kind, edit in self.prefixes.items():
            form.addRow(f"{kind.label.capitalize()} prefix:", edit)
        self.message = save_cancel_dialog(self, form, self.save, 560)

    def _logo_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def save(self) -> None:
        wanted = CompanySettings(
            company=self.company.text().strip(), address=self.address.toPlainText().strip(),
            tax_number=self.tax_number.text().strip(), locale=self.locale_box.currentData(),
            currency=self.currency.text(),
            prefixes={kind: edit.text() for kind, edit in self.prefixes.items()},
            logo=self.logo.logo,
        )
        try:
            save_settings(self.session, wanted)
        except (ValidationFailed, NotAllowed) as exc:
            problems = exc.problems if isinstance(exc, ValidationFailed) else []
            self.message.setText(" ".join(p.message for p in problems) or str(exc))
            self.message.show()
            return
        self.accept()
