"""``AccountDialog``: a new account (code, name, type, bank), or an existing one renamed,
re-coded or marked as bank.  A refused field keeps what was typed and is outlined, with the
reason below; Esc asks before dropping changes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.presentation.chart import TYPE_LABELS, AccountEditor
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.chart import AccountSummary
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.currency_picker import CurrencyPicker
from ledgerdesk.ui.theme import Tone, tone_style, wrong_field_style
from ledgerdesk.ui.widgets import save_cancel_dialog

RE_CODE_NOTE = (N_("A new code keeps every posting, document and payment on this account; "
                   "reports and exports show the new code."))


class AccountDialog(QDialog):
    def __init__(self, session: Session, summary: AccountSummary | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = AccountEditor(session, summary)
        self.setWindowTitle(self.editor.title)
        self.code = QLineEdit()
        described(self.code, _("The account's number in the chart, like 6500"))
        self.name = QLineEdit()
        described(self.name, _("The account's name, as the reports show it"))
        self.type_box = QComboBox()
        described(self.type_box, _("Asset, liability, equity, income or expense: where the account "
                                   "appears in the reports"))
        for account_type, text in TYPE_LABELS.items():
            self.type_box.addItem(text, account_type)
        self.bank = QCheckBox(_("&Bank account: payments can be made from and into it"))
        described(self.bank, _("Ticked: payments can be received into and made from this account, "
                               "and it can be reconciled"))
        self.currency = CurrencyPicker(session.locale, session.currency)
        self.currency.setAccessibleDescription(_(
            "The currency a bank account is kept in; payments into or out of it are in it."))
        form = QFormLayout()
        form.addRow(_("C&ode:"), self.code)
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Type:"), self.type_box)
        form.addRow("", self.bank)
        form.addRow(_("C&urrency:"), self.currency)
        below: list[QWidget] = []
        if summary is not None:
            self.type_box.setEnabled(False)  # the reports' sections rest on it
            note = QLabel(_(RE_CODE_NOTE))
            note.setWordWrap(True)
            note.setStyleSheet(tone_style(Tone.NOTE))
            below.append(note)
        if self.editor.bank_fixed:
            self.bank.setEnabled(False)
            self.bank.setToolTip(_("The books post to this account by themselves; its role stays"))
        self._show_values()
        self.type_box.currentIndexChanged.connect(lambda _: self._bank_allowed())
        self.bank.toggled.connect(lambda _: self._currency_allowed())
        self._bank_allowed()
        self.message = save_cancel_dialog(self, form, self.save, 520, below)
        self.message.setWordWrap(True)

    def _show_values(self) -> None:
        values = self.editor.values
        self.code.setText(str(values["code"]))
        self.name.setText(str(values["name"]))
        self.type_box.setCurrentIndex(self.type_box.findData(values["type"]))
        self.bank.setChecked(bool(values["bank"]))
        self.currency.select_code(str(values["currency"]))

    def _bank_allowed(self) -> None:
        """Only an asset account can be a bank; the box says so rather than refuse later."""
        if self.editor.bank_fixed:
            return
        asset = self.type_box.currentData() is AccountType.ASSET
        self.bank.setEnabled(asset)
        if not asset:
            self.bank.setChecked(False)
        self._currency_allowed()

    def _currency_allowed(self) -> None:
        """A currency of its own is a new bank account's; an existing one keeps its own."""
        self.currency.setEnabled(self.bank.isChecked() and not self.editor.currency_fixed)
        if not self.bank.isChecked():
            self.currency.select_code(self.editor.session.currency)

    def typed(self) -> dict[str, object]:
        return {"code": self.code.text().strip(), "name": self.name.text().strip(),
                "type": self.type_box.currentData(), "bank": self.bank.isChecked(),
                "currency": self.currency.current_code()}

    def fields(self) -> dict[str, QWidget]:
        """Each field by the name the book's problems use."""
        return {"code": self.code, "name": self.name, "type": self.type_box, "bank": self.bank,
                "currency": self.currency}

    def save(self) -> None:
        problems = self.editor.save(**self.typed())  # type: ignore[arg-type]
        for name, field in self.fields().items():
            field.setStyleSheet(wrong_field_style() if name in problems else "")
        self.message.setText(" ".join(problems.values()))
        self.message.setVisible(bool(problems))
        if not problems:
            self.accept()
            return
        wrong = next((self.fields()[name] for name in problems if name in self.fields()), None)
        if wrong is not None:
            wrong.setFocus()

    def reject(self) -> None:
        if self.editor.saved is None and self.editor.changed(**self.typed()) and not \
                dialogs.confirm(self, _("Discard changes?"), _("The account has not been saved. "
                                                               "Discard your "
                                                               "changes?"), _("&Discard")):
            return
        super().reject()
