"""``ContactDialog``: a new customer or supplier, or an existing contact's details with its
open documents and balance."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.contact_editor import ROLE_LABELS, ContactEditor
from ledgerdesk.presentation.history import EditContactStep
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.currency_picker import CurrencyPicker
from ledgerdesk.ui.models.read_rows import OpenColumn, open_documents_model
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.widgets import address_edit, save_cancel_dialog


class ContactDialog(QDialog):
    def __init__(self, session: Session, side: Side, parent: QWidget | None = None,
                 contact_id: int | None = None) -> None:
        super().__init__(parent)
        self.editor = ContactEditor(session, contact_id, side)
        self.setWindowTitle(self.editor.title)
        self.name = QLineEdit()
        described(self.name, _("The customer's or supplier's name, as documents show it"))
        self.role = QComboBox()
        described(self.role, _("Whether the contact buys from the business, sells to it, or both"))
        for role, text in ROLE_LABELS.items():
            self.role.addItem(text, role)
        self.email = QLineEdit()
        described(self.email, _("The contact's email address"))
        self.address = address_edit()
        self.tax_number = QLineEdit()
        described(self.tax_number, _("The contact's VAT or tax number, printed on documents"))
        self.terms = QSpinBox(minimum=0, maximum=365, suffix=" days")
        described(self.terms, _("How many days after its date a document for this contact falls "
                                "due"))
        self.currency = CurrencyPicker(session.locale, session.currency)
        self.currency.setAccessibleDescription(_(
            "The currency a new invoice, bill or credit note of theirs starts in."))
        form = QFormLayout()
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Role:"), self.role)
        form.addRow(_("&Email:"), self.email)
        form.addRow(_("&Address:"), self.address)
        form.addRow(_("Ta&x number:"), self.tax_number)
        form.addRow(_("Payment &terms:"), self.terms)
        form.addRow(_("C&urrency:"), self.currency)
        below: list[QWidget] = []
        self.balance = QLabel(self.editor.balance)
        self.model = open_documents_model(self)
        self.table = self._make_table()
        if self.editor.before is not None:
            documents = QLabel(_("Open &documents:"))
            documents.setBuddy(self.table)
            below = [self.balance, documents, self.table]
        self._show_values()
        self.message = save_cancel_dialog(self, form, self.save, 560 if below else 460, below)

    def _make_table(self) -> QTableView:
        table = read_only_table(
            self.model, _("Open documents"),
            _("What this contact still owes or is owed, by document."))
        self.model.set_rows(self.editor.open_rows)
        table.setMinimumHeight(150)
        header = table.horizontalHeader()
        header.setSectionResizeMode(OpenColumn.KIND, QHeaderView.ResizeMode.Stretch)
        for column, width in ((OpenColumn.NUMBER, 110), (OpenColumn.DUE, 100),
                              (OpenColumn.OUTSTANDING, 110)):
            header.resizeSection(column, width)
        return table

    @property
    def contact_id(self) -> int | None:
        return self.editor.contact_id

    @property
    def step(self) -> EditContactStep | None:
        return self.editor.step

    def typed(self) -> dict[str, object]:
        return {"name": self.name.text().strip(), "role": self.role.currentData(),
                "email": self.email.text().strip(), "tax_number": self.tax_number.text().strip(),
                "payment_terms_days": self.terms.value(),
                "address": self.address.toPlainText().strip(),
                "currency": self.currency.current_code()}

    def _show_values(self) -> None:
        values = self.editor.values
        self.name.setText(str(values["name"]))
        self.role.setCurrentIndex(self.role.findData(values["role"]))
        self.email.setText(str(values["email"]))
        self.tax_number.setText(str(values["tax_number"]))
        self.address.setPlainText(str(values["address"]))
        self.terms.setValue(int(values["payment_terms_days"]))
        self.currency.select_code(str(values["currency"]))

    def save(self) -> None:
        if self.editor.save(**self.typed()):
            self.accept()
            return
        self.message.setText(self.editor.error)
        self.message.show()

    def reject(self) -> None:
        if self.typed() != self.editor.values and not dialogs.confirm(
                self, _("Discard changes?"), _("The contact has not been saved. Discard your "
                                               "changes?"), _("&Discard")):
            return
        super().reject()
