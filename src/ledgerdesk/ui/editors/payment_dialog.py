"""``PaymentDialog``: record a payment and allocate it, checked on every keystroke."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.contacts import PAYMENT_KIND_LABELS, contact_choices
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.services.payments import RecordedPayment
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.currency_picker import rate_edit
from ledgerdesk.ui.editors.allocation_form import AllocationDialog
from ledgerdesk.ui.widgets import ContactPicker, date_edit, error_label, form_row, to_date


class PaymentDialog(AllocationDialog):
    discard = (N_("Discard this payment?"), N_("The payment has not been saved. Discard it?"))

    def __init__(self, editor: PaymentEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent, _("This payment"))
        self.editor: PaymentEditor = editor
        self.result_payment: RecordedPayment | None = None
        self.setWindowTitle(_("Record payment"))
        self.kind_box = QComboBox()
        described(self.kind_box, _("A receipt from a customer, a payment to a supplier, or a "
                                   "refund"))
        for kind, label in PAYMENT_KIND_LABELS.items():
            self.kind_box.addItem(label, kind)
        self.kind_box.setCurrentIndex(list(PAYMENT_KIND_LABELS).index(editor.kind))
        self.contact = ContactPicker()
        described(self.contact, _("The customer or supplier; type part of the name to find them"))
        self.date_edit = date_edit(editor.date, editor.session.locale)
        described(self.date_edit, _("The day the money moved"))
        self.reference_edit = QLineEdit()
        described(self.reference_edit, _("The bank's reference or a note for this payment"))
        self.reference_edit.setPlaceholderText(_("e.g. the bank statement's reference"))
        self.amount_edit = QLineEdit()
        described(self.amount_edit, _("The amount of the payment, in its bank account's "
                                      "currency"))
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_edit.setPlaceholderText(editor.fmt.format(Decimal("1234.56")))
        self.amount_message = error_label()
        self.currency_label = QLabel()  # the bank account's currency, beside the amount
        self.bank_box = described(QComboBox(), _(
            "The bank account the money came into or went out of; the payment is in its "
            "currency"))
        for bank in editor.banks:
            self.bank_box.addItem(bank.label(editor.session.currency), bank.code)
        self.bank_box.setCurrentIndex(max(self.bank_box.findData(editor.bank_code), 0))
        self.rate = rate_edit()
        self.rate_label = QLabel()
        self.rate_label.setBuddy(self.rate)
        self.rate_line = QLabel()
        self.rate_line.setObjectName("rateAtHome")
        self.rate_problem = error_label()
        self.keep_box = QCheckBox(_("&Keep the excess as credit"))
        described(self.keep_box, _("Ticked: what the payment pays beyond its documents is kept as "
                                   "the contact's credit"))
        self._lay_out()
        self._connect()
        self._load_contacts()
        self._show_start()
        self._refresh()
        self.resize(880, 600)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(_("&Type:"), self.kind_box)
        form.addRow(_("&Contact:"), self.contact)
        form.addRow(_("&Bank account:"), self.bank_box)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        reference_label = QLabel(_("&Reference:"))
        reference_label.setBuddy(self.reference_edit)
        when.addSpacing(16)
        when.addWidget(reference_label)
        when.addWidget(self.reference_edit, 1)
        form_row(form, _("&Date:"), when, self.date_edit)
        amount = QVBoxLayout()
        amount.setSpacing(2)
        typed = QHBoxLayout()
        typed.addWidget(self.amount_edit, 1)
        typed.addWidget(self.currency_label)
        amount.addLayout(typed)
        amount.addWidget(self.amount_message)
        form_row(form, _("A&mount:"), amount, self.amount_edit)
        rate = QHBoxLayout()
        rate.addWidget(self.rate)
        rate.addSpacing(8)
        rate.addWidget(self.rate_line)
        rate.addWidget(self.rate_problem, 1)
        rate.addStretch(0)
        form.addRow(self.rate_label, rate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.add_grid(layout, _("Allocate to &open documents (type in “This payment”):"),
                      self.keep_box)
        for first, second in ((self.kind_box, self.contact), (self.contact, self.bank_box),
                              (self.bank_box, self.date_edit),
                              (self.date_edit, self.reference_edit),
                              (self.reference_edit, self.amount_edit),
                              (self.amount_edit, self.rate),
                              (self.rate, self.table), (self.table, self.oldest_button),
                              (self.oldest_button, self.keep_box),
                              (self.keep_box, self.buttons)):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.contact.chosen.connect(self._contact_chosen)
        self.amount_edit.textEdited.connect(self._amount_edited)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.bank_box.currentIndexChanged.connect(self._bank_chosen)
        self.rate.textEdited.connect(self._rate_typed)
        self.reference_edit.textEdited.connect(self.editor.set_reference)
        self.keep_box.toggled.connect(self._keep_toggled)

    def _load_contacts(self) -> None:
        self.contact.set_choices(contact_choices(self.editor.session, self.editor.kind.side))

    def _show_start(self) -> None:
        """An editor started on a document (``start_with``): its contact and amount, ready
        to be overtyped, and its row in view."""
        editor = self.editor
        if editor.contact_id is None:
            return
        self.contact.blockSignals(True)  # the editor has its contact and rows already
        self.contact.select_id(editor.contact_id)
        self.contact.blockSignals(False)
        self.amount_edit.setText(editor.amount_text)
        self.amount_edit.selectAll()
        self.model.reload()
        first = next((i for i, row in enumerate(editor.rows)
                      if row.document.id == editor.first_document_id), None)
        if first is not None:
            self.table.selectRow(first)
            self.table.scrollTo(self.model.index(first, 0))
        self.amount_edit.setFocus()  # once shown: the amount, selected, is what may change

    def _kind_changed(self, index: int) -> None:
        self.editor.set_kind(self.kind_box.itemData(index))
        self.keep_box.setChecked(False)
        self._load_contacts()  # the editor dropped its contact with the old kind
        self.model.reload()
        self._refresh()

    def _contact_chosen(self, contact_id: object) -> None:
        self.editor.set_contact(contact_id if isinstance(contact_id, int) else None,
                                self.contact.currentText())
        self.model.reload()
        self._refresh()

    def _date_changed(self, date) -> None:
        self.editor.set_date(to_date(date))
        self._refresh_labels()  # an untyped rate is the book's of the new date

    def _bank_chosen(self, index: int) -> None:
        self.editor.set_bank(self.bank_box.itemData(index))
        self.amount_edit.setPlaceholderText(self.editor.fmt.format(Decimal("1234.56")))
        self.model.reload()
        self._refresh()

    def _rate_typed(self, text: str) -> None:
        self.editor.set_rate_text(text)
        self._refresh()

    def _show_rate(self) -> None:
        """For a foreign bank account: its rate, the amount at home, or why it is missing."""
        fx = self.editor.fx
        self.currency_label.setText(self.editor.currency)
        if self.bank_box.findData(self.editor.bank_code) != self.bank_box.currentIndex():
            self.bank_box.blockSignals(True)  # the form chose it (a USD invoice, a USD bank)
            self.bank_box.setCurrentIndex(self.bank_box.findData(self.editor.bank_code))
            self.bank_box.blockSignals(False)
        if self.rate.text() != fx.rate_text:
            self.rate.setText(fx.rate_text)
        self.rate_label.setText(_("E&xchange rate ({label}):").format(label=fx.rate_label))
        self.rate_line.setText(self.editor.rate_line)
        self.rate_problem.setText(fx.rate_problem)
        for widget in (self.rate_label, self.rate, self.rate_line):
            widget.setVisible(fx.foreign)
        self.rate_problem.setVisible(fx.foreign and bool(fx.rate_problem))
        self.rate_line.setVisible(fx.foreign and bool(self.editor.rate_line))

    def _amount_edited(self, text: str) -> None:
        self.editor.set_amount_text(text)
        self._refresh()

    def _keep_toggled(self, keep: bool) -> None:
        self.editor.set_keep_excess_as_credit(keep)
        self._refresh()

    def _refresh_labels(self) -> None:
        editor = self.editor
        self.amount_message.setText(editor.amount_message)
        self.amount_message.setVisible(bool(editor.amount_message))
        # a cross-currency payment is all of what arrived: nothing is left to keep
        self.keep_box.setEnabled(editor.kind.prepayment_kind is not None
                                 and editor.settles is None)
        self._show_rate()
        super()._refresh_labels()

    def saved(self, result: RecordedPayment) -> None:
        self.result_payment = result
