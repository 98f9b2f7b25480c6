"""``SettingsDialog``: company details, the window's language (kept in the user's preferences,
not the book), locale, base currency, fiscal year start, the lock date, numbering prefixes and
how tax is rounded.

A refused field keeps what was typed and is outlined, with every reason in the message
line; Esc or Cancel asks before dropping changes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.language import LANGUAGES, SYSTEM
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.settings import SettingsEditor
from ledgerdesk.presentation.tax_rounding_choice import CHOICES, NOTE, TaxRoundingChoice
from ledgerdesk.services.settings import CompanySettings
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described, named
from ledgerdesk.ui.logo import LogoPicker
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.theme import Tone, tone_style, wrong_field_style
from ledgerdesk.ui.widgets import address_edit, date_edit, form_row, save_cancel_dialog, to_date


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None,
                 prefs: Preferences | None = None) -> None:
        super().__init__(parent)
        self.editor = SettingsEditor(session)
        self.prefs = prefs
        self.setWindowTitle(_("Settings"))
        current = self.editor.loaded
        self.company = QLineEdit(current.company)
        described(self.company, _("The business's name, printed on documents"))
        self.address = address_edit()
        self.address.setPlainText(current.address)
        self.tax_number = QLineEdit(current.tax_number)
        described(self.tax_number, _("The business's VAT or tax number, printed on documents"))
        self.locale_box = QComboBox()
        described(self.locale_box, _("How amounts and dates are written"))
        for code, name in self.editor.locales.items():
            self.locale_box.addItem(f"{name} ({code})", code)
        self.locale_box.setCurrentIndex(max(self.locale_box.findData(current.locale), 0))
        self.currency = QLabel(current.currency)
        self.year_start = QLineEdit(current.fiscal_year_start)
        described(self.year_start, _("The first day of the fiscal year, as MM-DD"))
        self.year_start.setMaxLength(5)
        self.year_start.setToolTip(_("The first day of the fiscal year as month-day, e.g. 04-01 "
                                     "for 1 April: the balance "
          "sheet's retained earnings and the reports' default period follow it"))
        self._lock_fields(session, current.lock_date)
        self.prefixes = {kind: described(QLineEdit(prefix),
                                         _("The text in front of the numbers of new documents "
                                           "of this kind"))
                         for kind, prefix in current.prefixes.items()}
        form = QFormLayout()
        form.addRow(_("&Company:"), self.company)
        form.addRow(_("&Address:"), self.address)
        form.addRow(_("&Tax number:"), self.tax_number)
        self.logo = LogoPicker(current.logo, self._logo_problem)
        form.addRow(_("Logo:"), self.logo)
        self._add_language(form)
        form.addRow(_("&Locale (numbers, dates):"), self.locale_box)
        form.addRow(_("Base currency:"), self.currency)
        note = QLabel(_("Chosen when the book was created; every posted amount is in it."))
        note.setStyleSheet(tone_style(Tone.NOTE))
        form.addRow("", note)
        form.addRow(_("Fiscal &year starts (MM-DD):"), self.year_start)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.locked)
        lock_row.addWidget(self.lock_date, 1)
        form_row(form, _("Lock the boo&ks:"), lock_row, self.locked)
        form.addRow("", self.lock_note)
        for kind, edit in self.prefixes.items():
            form.addRow(_("{kind} prefix:").format(kind=kind.label.capitalize()), edit)
        self._add_tax_rounding(session, form)
        self.message = save_cancel_dialog(self, form, self.save, 560)

    def _lock_fields(self, session: Session, lock: dt.date | None) -> None:
        """A tick box (ticked: locked) and the last locked day; unticking clears the lock.
        Unlocked, the day offered is the end of last year."""
        self.locked = QCheckBox(_("through"))
        described(self.locked, _("Ticked: nothing dated on or before the date can be recorded or "
                                 "changed"))
        self.locked.setChecked(lock is not None)
        self.lock_date = named(date_edit(lock or dt.date(session.today.year - 1, 12, 31),
                                         session.locale),
                               _("Locked through"), _("The last day of the closed period."))
        self.lock_date.setEnabled(lock is not None)
        self.locked.toggled.connect(self.lock_date.setEnabled)
        # Two set lines: a word-wrapped label in a form row is given room for more.
        self.lock_note = QLabel(_("Nothing dated on or before it can be entered, paid, voided\nor "
                                  "imported. Untick to "
                                  "unlock (the audit log keeps it)."))
        self.lock_note.setStyleSheet(tone_style(Tone.NOTE))

    def _add_language(self, form: QFormLayout) -> None:
        """The window's language: the user's, so it is kept in the preferences, and it
        applies from the next start (every widget takes its words when it is built)."""
        self.language_box = QComboBox()
        described(self.language_box, _("The window's language, used from the next start"))
        self.language_box.addItem(_("System language"), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        chosen = self.prefs.language() if self.prefs is not None else SYSTEM
        self.language_box.setCurrentIndex(max(self.language_box.findData(chosen), 0))
        self.language_box.setEnabled(self.prefs is not None)
        self.loaded_language = self.language_box.currentData()
        form.addRow(_("Lan&guage:"), self.language_box)
        note = QLabel(_("The window's words, from the next start; amounts and dates follow the "
                        "locale."))
        note.setStyleSheet(tone_style(Tone.NOTE))
        form.addRow("", note)

    def _add_tax_rounding(self, session: Session, form: QFormLayout) -> None:
        self.rounding = TaxRoundingChoice(session)
        self.tax_rounding = QComboBox()
        described(self.tax_rounding, _("Whether tax is rounded on each line or on the document's "
                                       "total"))
        for label, rounding in CHOICES:
            self.tax_rounding.addItem(_(label), rounding)
        self.tax_rounding.setCurrentIndex(self.tax_rounding.findData(self.rounding.loaded))
        self.tax_rounding_note = QLabel(_(NOTE))
        self.tax_rounding_note.setWordWrap(True)
        self.tax_rounding_note.setStyleSheet(tone_style(Tone.NOTE))
        form.addRow(_("Tax &rounding:"), self.tax_rounding)
        form.addRow("", self.tax_rounding_note)

    def _logo_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def fields(self) -> dict[str, QWidget]:
        """Each field by the name the book's problems use."""
        named: dict[str, QWidget] = {"company": self.company, "locale": self.locale_box,
                                     "fiscal_year_start": self.year_start}
        named.update({f"prefixes.{kind.value}": edit for kind, edit in self.prefixes.items()})
        return named

    def wanted(self) -> CompanySettings:
        return CompanySettings(
            company=self.company.text().strip(), address=self.address.toPlainText().strip(),
            tax_number=self.tax_number.text().strip(), locale=self.locale_box.currentData(),
            currency=self.editor.loaded.currency,
            prefixes={kind: edit.text() for kind, edit in self.prefixes.items()},
            logo=self.logo.logo, fiscal_year_start=self.year_start.text().strip(),
            lock_date=to_date(self.lock_date.date()) if self.locked.isChecked() else None,
        )

    def save(self) -> None:
        problems = self.editor.save(self.wanted())
        if not problems:  # refused settings save nothing, the rounding neither
            problems = self.rounding.save(self.tax_rounding.currentData())
        for name, field in self.fields().items():
            field.setStyleSheet(wrong_field_style() if name in problems else "")
        self.message.setText(" ".join(problems.values()))
        self.message.setVisible(bool(problems))
        if not problems:
            if self.prefs is not None:
                self.prefs.set_language(self.language_box.currentData())
            self.accept()

    def reject(self) -> None:
        changed = (self.editor.changed(self.wanted())
                   or self.rounding.changed(self.tax_rounding.currentData())
                   or self.language_box.currentData() != self.loaded_language)
        if changed and not dialogs.confirm(
                self, _("Discard changes?"), _("The settings have not been saved. Discard them?"),
                _("&Discard")):
            return
        super().reject()
