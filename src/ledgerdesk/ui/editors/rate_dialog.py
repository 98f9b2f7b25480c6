"""``RateDialog``: a new exchange rate (date, currency, rate), as ``ledgerdesk rate`` keeps
one.  Each problem shows under its field as soon as the field is typed in (every one when
Save is pressed), the field outlined and what was typed kept; Enter saves, Esc asks before
dropping changes.  The words and rules are ``presentation.rate_editor``'s."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.number_symbols import number_symbols
from ledgerdesk.presentation.rate_editor import FIELDS, RateEditor
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.editors.field_form import FieldForm
from ledgerdesk.ui.widgets import error_label, form_row, save_cancel_dialog


class RateDialog(FieldForm):
    UNSAVED = N_("The rate has not been saved. Discard it?")

    def __init__(self, session: Session, currency: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = RateEditor(session, currency)
        self.setWindowTitle(_("New exchange rate"))
        self.date = QLineEdit(self.editor.values["date"])
        described(self.date, _("The day the rate applies from"))
        self.currency = QLineEdit(self.editor.values["currency"])
        described(self.currency, _("The currency's ISO code, like USD"))
        self.currency.setPlaceholderText(_("e.g. USD"))
        self.currency.setMaxLength(12)
        self.rate = QLineEdit()
        described(self.rate,
                  _("How much of the book's currency one unit of that currency is worth"))
        decimal = number_symbols(session.locale).decimal
        self.rate.setPlaceholderText(f"e.g. 0{decimal}9312 ({self.editor.rate_label})")
        self.errors = {name: error_label() for name in FIELDS}
        form = QFormLayout()
        for text, field, name in ((_("&Date:"), self.date, "date"),
                                  (_("C&urrency:"), self.currency, "currency"),
                                  (_("&Rate ({rate_label}):").format(
                                       rate_label=self.editor.rate_label), self.rate, "rate")):
            form_row(form, text, self._with_error(field, name), field)
        self.message = save_cancel_dialog(self, form, self.save, 520, [])
        for name, field in self.fields().items():
            field.textChanged.connect(lambda _, name=name: self._typed(name))
        first = self.rate if currency else self.currency
        first.setFocus()

    def fields(self) -> dict[str, QLineEdit]:
        return {"date": self.date, "currency": self.currency, "rate": self.rate}

    def typed(self) -> dict[str, str]:
        return {name: field.text() for name, field in self.fields().items()}
