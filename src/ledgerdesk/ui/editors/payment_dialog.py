"""``PaymentDialog``: record a payment and allocate it, checked on every keystroke."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.presentation.contacts import PAYMENT_KIND_LABELS, contact_choices
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.services.payments import RecordedPayment
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.editors.allocation_table import allocation_table
from ledgerdesk.ui.models.allocations import AllocationTableModel
from ledgerdesk.ui.widgets import ContactPicker, date_edit, error_label, form_row, to_date


class PaymentDialog(QDialog):
    def __init__(self, editor: PaymentEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.result_payment: RecordedPayment | None = None
        self.setWindowTitle("Record payment")
        self.kind_box = QComboBox()
        for kind, label in PAYMENT_KIND_LABELS.items():
            self.kind_box.addItem(label, kind)
        self.kind_box.setCurrentIndex(list(PAYMENT_KIND_LABELS).index(editor.kind))
        self.contact = ContactPicker()
        self.date_edit = date_edit(editor.date, editor.session.locale)
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText("e.g. the bank statement's reference")
        self.amount_edit = QLineEdit()
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_edit.setPlaceholderText(editor.fmt.format(Decimal("1234.56")))
        self.amount_message = error_label()
        self.model = AllocationTableModel(editor, DateFormatter(editor.session.locale).short,
                                          self)
        self.table = allocation_table(self.model)
        self.oldest_button = QPushButton("&Allocate oldest first")
        self.oldest_button.setAutoDefault(False)  # Enter always means Save
        self.keep_box = QCheckBox("&Keep the excess as credit")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.grid_message = error_label()
        self.save_message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self._lay_out()
        self._connect()
        self._load_contacts()
        self._refresh()
        self.resize(880, 600)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("&Type:", self.kind_box)
        form.addRow("&Contact:", self.contact)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        reference_label = QLabel("&Reference:")
        reference_label.setBuddy(self.reference_edit)
        when.addSpacing(16)
        when.addWidget(reference_label)
        when.addWidget(self.reference_edit, 1)
        form_row(form, "&Date:", when, self.date_edit)
        amount = QVBoxLayout()
        amount.setSpacing(2)
        amount.addWidget(self.amount_edit)
        amount.addWidget(self.amount_message)
        form_row(form, "A&mount:", amount, self.amount_edit)
        tools = QHBoxLayout()
        tools.addWidget(self.oldest_button)
        tools.addWidget(self.keep_box)
        tools.addStretch(1)
        grid_label = QLabel("Allocate to &open documents (type in “This payment”):")
        grid_label.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(grid_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.grid_message)
        layout.addLayout(tools)
        layout.addWidget(self.summary)
        layout.addWidget(self.save_message)
        layout.addWidget(self.buttons)
        for first, second in ((self.kind_box, self.contact), (self.contact, self.date_edit),
                              (self.date_edit, self.reference_edit),
                              (self.reference_edit, self.amount_edit),
                              (self.amount_edit, self.table), (self.table, self.oldest_button),
                              (self.oldest_button, self.keep_box),
                              (self.keep_box, self.buttons)):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.contact.chosen.connect(self._contact_chosen)
        self.amount_edit.textEdited.connect(self._amount_edited)
        self.date_edit.dateChanged.connect(lambda d: self.editor.set_date(to_date(d)))
        self.reference_edit.textEdited.connect(self.editor.set_reference)
        self.model.edited.connect(self._refresh_labels)
        self.oldest_button.clicked.connect(self._oldest_first)
        self.keep_box.toggled.connect(self._keep_toggled)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _load_contacts(self) -> None:
        self.contact.set_choices(contact_choices(self.editor.session, self.editor.kind.side))

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

    def _amount_edited(self, text: str) -> None:
        self.editor.set_amount_text(text)
        self._refresh()

    def _oldest_first(self) -> None:
        self.editor.allocate_oldest_first()
        self._refresh()

    def _keep_toggled(self, keep: bool) -> None:
        self.editor.set_keep_excess_as_credit(keep)
        self._refresh()

    def _refresh(self) -> None:
        self.model.refresh()
        self._refresh_labels()

    def _refresh_labels(self) -> None:
        editor = self.editor
        self.amount_message.setText(editor.amount_message)
        self.amount_message.setVisible(bool(editor.amount_message))
        self.summary.setText(editor.summary)
        self.grid_message.setText(editor.grid_message)
        self.grid_message.setVisible(bool(editor.grid_message))
        self.save_message.setText(editor.save_error)
        self.save_message.setVisible(bool(editor.save_error))
        self.keep_box.setEnabled(editor.kind.prepayment_kind is not None)
        self.save_button.setEnabled(editor.can_save)
        self.save_button.setToolTip("" if editor.can_save else
                                    "Fix what the form points out before saving.")

    def save(self) -> None:
        result = self.editor.save()
        if result is None:
            self.model.reload()
            self._refresh()
            return
        self.result_payment = result
        self.accept()

    def reject(self) -> None:
        if self.editor.dirty and not dialogs.confirm(
                self, "Discard this payment?", "The payment has not been saved. Discard it?",
                "&Discard"):
            return
        super().reject()
