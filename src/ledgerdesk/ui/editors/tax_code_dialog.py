"""``TaxCodeDialog``: a new tax code (name, side, rate, account), or an existing one's rate
and account.  Each problem shows under its field as soon as the field is typed in (every
one when Save is pressed), the field outlined and what was typed kept; Enter saves, Esc asks
before dropping changes.  The words and rules are ``presentation.tax_code_editor``'s."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.tax_codes import side_words
from ledgerdesk.presentation.number_symbols import number_symbols
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.tax_code_editor import TaxCodeEditor
from ledgerdesk.services.tax_codes import TaxCodeUse
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.editors.field_form import FieldForm
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.widgets import error_label, form_row, save_cancel_dialog


class TaxCodeDialog(FieldForm):
    UNSAVED = N_("The tax code has not been saved. Discard your changes?")

    def __init__(self, session: Session, use: TaxCodeUse | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = TaxCodeEditor(session, use)
        self.setWindowTitle(self.editor.title)
        self.name = QLineEdit()
        described(self.name, _("The code's name, as the document lines show it"))
        self.side_box = QComboBox()
        described(self.side_box, _("Sales (output tax) or purchases (input tax)"))
        for side in Side:
            self.side_box.addItem(side_words(side).capitalize(), side)
        self.rate = QLineEdit()
        described(self.rate, _("The tax rate in percent"))
        self.rate.setPlaceholderText(_("e.g. 20 or 5{decimal}5").format(
                                         decimal=number_symbols(session.locale).decimal))
        self.account_box = QComboBox()
        described(self.account_box, _("The account the tax is posted to"))
        for code, label in self.editor.accounts:
            self.account_box.addItem(label, code)
        self.errors = {name: error_label() for name in ("name", "rate", "account")}
        form = QFormLayout()
        for text, field, name in ((_("&Name:"), self.name, "name"),
                                  (_("Si&de:"), self.side_box, ""),
                                  (_("&Rate (%):"), self.rate, "rate"),
                                  (_("&Account:"), self.account_box, "account")):
            form_row(form, text, self._with_error(field, name), field)
        below: list[QWidget] = []
        if self.editor.note:
            self.note = QLabel(self.editor.note)
            self.note.setWordWrap(True)
            self.note.setStyleSheet(tone_style(Tone.NOTE))
            below.append(self.note)
        self._show_values()
        self.message = save_cancel_dialog(self, form, self.save, 560, below)
        self._watch()
        first = self.name if use is None else self.rate
        first.setFocus()
        first.selectAll()

    def _show_values(self) -> None:
        values = self.editor.values
        self.name.setText(str(values["name"]))
        self.side_box.setCurrentIndex(self.side_box.findData(values["side"]))
        self.rate.setText(str(values["rate"]))
        self.account_box.setCurrentIndex(max(self.account_box.findData(values["account"]), 0))
        if self.editor.before is not None:  # name and side are what name the code
            self.name.setEnabled(False)
            self.side_box.setEnabled(False)

    def _watch(self) -> None:
        self.name.textChanged.connect(lambda _: self._typed("name"))
        self.rate.textChanged.connect(lambda _: self._typed("rate"))
        self.side_box.currentIndexChanged.connect(lambda _: self._typed("name"))
        self.account_box.currentIndexChanged.connect(lambda _: self._typed("account"))

    def typed(self) -> dict[str, object]:
        return {"name": self.name.text(), "side": self.side_box.currentData(),
                "rate": self.rate.text(), "account": self.account_box.currentData() or ""}

    def fields(self) -> dict[str, QWidget]:
        """Each field by the name the problems use."""
        return {"name": self.name, "rate": self.rate, "account": self.account_box}
