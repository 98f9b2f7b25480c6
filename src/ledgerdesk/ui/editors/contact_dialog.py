"""``ContactDialog``: a new customer or supplier."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.commands import NewContact, problems_from
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.ui.widgets import save_cancel_dialog

ROLES = {ContactRole.CUSTOMER: "Customer", ContactRole.SUPPLIER: "Supplier",
         ContactRole.BOTH: "Customer and supplier"}


class ContactDialog(QDialog):
    def __init__(self, session: Session, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.contact_id: int | None = None
        self.setWindowTitle("New contact")
        self.name = QLineEdit()
        self.role = QComboBox()
        for role, text in ROLES.items():
            self.role.addItem(text, role)
        self.role.setCurrentIndex(0 if side is Side.SALES else 1)
        self.email = QLineEdit()
        self.terms = QSpinBox(minimum=0, maximum=365, value=30, suffix=" days")
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("&Email:", self.email)
        form.addRow("Payment &terms:", self.terms)
        self.message = save_cancel_dialog(self, form, self.save, 460)

    def save(self) -> None:
        try:
            command = NewContact(name=self.name.text().strip(), role=self.role.currentData(),
                                 email=self.email.text().strip(),
                                 payment_terms_days=self.terms.value())
            self.contact_id = add_contact(self.session.book, command)
        except ValidationError as exc:
            self._show(" ".join(p.message for p in problems_from(exc)))
        except ValidationFailed as exc:
            self._show(" ".join(p.message for p in exc.problems))
        else:
            self.accept()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
