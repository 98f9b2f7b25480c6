"""Contact use cases."""

from __future__ import annotations

from ledgerdesk.domain.contacts import Contact, validate_contact
from ledgerdesk.domain.problems import NotFound, Problem, ValidationFailed
from ledgerdesk.services.commands import NewContact
from ledgerdesk.services.ports import Book, Transaction


def add_contact(book: Book, command: NewContact) -> int:
    with book.write() as tx:
        return add_contact_in(tx, command)


def add_contact_in(tx: Transaction, command: NewContact) -> int:
    """``add_contact`` inside the caller's transaction (an import adds many in one)."""
    contact = Contact(
        name=command.name, role=command.role, email=command.email,
        tax_number=command.tax_number, payment_terms_days=command.payment_terms_days,
    )
    problems = validate_contact(contact)
    if problems:
        raise ValidationFailed(problems)
    if tx.find_contact(contact.name) is not None:
        raise ValidationFailed(
            [Problem("name", "duplicate", f"There is already a contact named {contact.name}.")]
        )
    return tx.add_contact(contact)


def resolve_contact(tx: Transaction, name_or_id: str) -> Contact:
    """A contact by exact name (any case) or by numeric id, for the command line."""
    contact = tx.find_contact(name_or_id)
    if contact is None and name_or_id.isdigit():
        contact = tx.get_contact(int(name_or_id))
    if contact is None:
        raise NotFound(f"There is no contact named {name_or_id!r}.")
    return contact
