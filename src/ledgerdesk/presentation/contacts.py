"""Contacts as the editors offer them: pickers by side, and creating one inline."""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import N_, Translated
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.contact_names import contact_names

PAYMENT_KIND_LABELS = Translated({
    PaymentKind.CUSTOMER_RECEIPT: N_("Money in from a customer"),
    PaymentKind.SUPPLIER_PAYMENT: N_("Money out to a supplier"),
    PaymentKind.CUSTOMER_REFUND: N_("Refund to a customer"),
    PaymentKind.SUPPLIER_REFUND: N_("Refund from a supplier"),
})


@dataclass(frozen=True, slots=True)
class ContactChoice:
    id: int
    name: str


def contact_choices(session: Session, side: Side | None) -> list[ContactChoice]:
    """Customers for the sales side, suppliers for purchases, everyone for None; by name."""
    def wanted(role: ContactRole) -> bool:
        return side is None or (role.is_customer if side is Side.SALES else role.is_supplier)

    choices = [ContactChoice(c.id, c.name) for c in contact_names(session.book) if wanted(c.role)]
    return sorted(choices, key=lambda c: c.name.casefold())


def create_contact(session: Session, name: str, side: Side) -> ContactChoice:
    """A new customer or supplier with just a name (the rest can follow later)."""
    from ledgerdesk.services.commands import NewContact  # pydantic: not needed to show a list
    from ledgerdesk.services.contacts import add_contact

    role = ContactRole.CUSTOMER if side is Side.SALES else ContactRole.SUPPLIER
    contact_id = add_contact(session.book, NewContact(name=name.strip(), role=role))
    return ContactChoice(contact_id, name.strip())
