"""Contact use cases: add, edit, and what a contact's editor shows (open documents, balance)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ledgerdesk.domain.contacts import Contact, address_lines, validate_contact
from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.fx import booked
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import OpenDocument
from ledgerdesk.domain.problems import NotFound, Problem, ValidationFailed
from ledgerdesk.domain.whole_numbers import record_id
from ledgerdesk.services.commands import EditContact, NewContact
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.setup import base_currency


@runtime_checkable
class ContactUpdates(Protocol):
    """What editing a contact needs from a write transaction, beyond ``Transaction``."""

    def update_contact(self, contact: Contact) -> None: ...  # by ``contact.id``, audited


@dataclass(frozen=True, slots=True)
class ContactOverview:
    """A contact with its open documents (oldest due first) and what is owed either way."""

    contact: Contact
    documents: list[OpenDocument]
    receivable: Money  # open sales documents less unused sales credits
    payable: Money  # open purchase documents less unused supplier credits


def add_contact(book: Book, command: NewContact) -> int:
    with book.write() as tx:
        return add_contact_in(tx, command)


def add_contact_in(tx: Transaction, command: NewContact) -> int:
    """``add_contact`` inside the caller's transaction (an import adds many in one)."""
    return tx.add_contact(check_contact_in(tx, command))


def check_contact_in(tx: Transaction, command: NewContact) -> Contact:
    """The contact ``command`` would add, or ``ValidationFailed`` with every problem at once
    (its fields and a name the book already has); writes nothing."""
    contact = _home_as_none(tx, _built(command, None))
    problems = validate_contact(contact) + _currency_problems(contact)
    try:
        _check_name(tx, contact)
    except ValidationFailed as exc:
        problems += [p for p in exc.problems if all(q.field != p.field for q in problems)]
    if problems:
        raise ValidationFailed(problems)
    return contact


def update_contact(book: Book, command: EditContact) -> Contact:
    """Change every field of a contact; returns what it was before (for undo)."""
    contact = _contact(command, command.contact_id)
    with book.write() as tx:
        if not isinstance(tx, ContactUpdates):
            raise TypeError("this book cannot edit contacts")
        before = tx.get_contact(command.contact_id)
        if before is None:
            raise NotFound(_("There is no contact with id {contact_id}.").format(
                               contact_id=command.contact_id))
        contact = _home_as_none(tx, contact)
        _check_name(tx, contact)
        _check_role(tx, before, contact)
        tx.update_contact(contact)
        return before


def contact_overview(book: Book, contact_id: int) -> ContactOverview:
    with book.read() as tx:
        contact = tx.get_contact(contact_id)
        if contact is None:
            raise NotFound(_("There is no contact with id {contact_id}.").format(
                               contact_id=contact_id))
        documents = tx.open_documents_for(contact_id, list(DocumentKind))
        currency = base_currency(tx)
    owed = {side: Money.zero(currency) for side in Side}
    for doc in documents:
        at_home = _outstanding_at_home(doc, currency)
        owed[doc.kind.side] = owed[doc.kind.side] + (-at_home if doc.kind.is_credit
                                                     else at_home)
    return ContactOverview(contact, documents, owed[Side.SALES], owed[Side.PURCHASES])


def _outstanding_at_home(doc: OpenDocument, home: str) -> Money:
    """What a document still holds on its control account: a foreign one at the rate it
    was booked at, less what its settlements took off (``domain.fx``)."""
    if doc.currency == home:
        return doc.outstanding
    return booked(doc, home).home - Money.from_minor(doc.taken_home_minor, home)


def resolve_contact(tx: Transaction, name_or_id: str) -> Contact:
    """A contact by exact name (any case) or by numeric id, for the command line."""
    contact = tx.find_contact(name_or_id)
    if contact is None and (contact_id := record_id(name_or_id)) is not None:
        contact = tx.get_contact(contact_id)
    if contact is None:
        raise NotFound(_("There is no contact named {name_or_id!r}.").format(
                           name_or_id=name_or_id))
    return contact


def _built(command: NewContact, contact_id: int | None) -> Contact:
    return Contact(
        name=command.name, role=command.role, email=command.email,
        tax_number=command.tax_number, payment_terms_days=command.payment_terms_days,
        id=contact_id, address=_tidy_address(command.address),
        currency=command.currency.strip().upper() if command.currency else None,
    )


def _currency_problems(contact: Contact) -> list[Problem]:
    why = currency_problem(contact.currency) if contact.currency else ""
    return [Problem("currency", "unknown_currency", why)] if why else []


def _home_as_none(tx: Transaction, contact: Contact) -> Contact:
    """The book's own currency is kept as none, as a bank account's is: a contact in
    the home currency follows the book."""
    if contact.currency is not None and contact.currency == base_currency(tx):
        return dataclasses.replace(contact, currency=None)
    return contact


def contact_currency(book: Book, contact_id: int | None) -> str | None:
    """The currency a new document of this contact starts in; None: the book's own."""
    if contact_id is None:
        return None
    with book.read() as tx:
        contact = tx.get_contact(contact_id)
    return contact.currency if contact is not None else None


def _contact(command: NewContact, contact_id: int | None) -> Contact:
    contact = _built(command, contact_id)
    problems = validate_contact(contact) + _currency_problems(contact)
    if problems:
        raise ValidationFailed(problems)
    return contact


def _tidy_address(address: str) -> str:
    """Each line trimmed, blank lines dropped: what was typed is what prints."""
    return "\n".join(address_lines(address))


def _check_name(tx: Transaction, contact: Contact) -> None:
    """Names are unique ignoring case (the column is ``NOCASE``), the contact itself aside."""
    other = tx.find_contact(contact.name)
    if other is not None and other.id != contact.id:
        raise ValidationFailed(
            [Problem("name", "duplicate", _("There is already a contact named {name}.").format(
                                              name=other.name))]
        )


def _check_role(tx: Transaction, before: Contact, after: Contact) -> None:
    """A customer with open sales documents stays a customer (likewise suppliers), or those
    documents could no longer be paid."""
    assert before.id is not None
    for side, keeps, refusal in (
            (Side.SALES, after.role.is_customer,
             N_("{name} has open sales documents, so it stays a customer; settle or void them "
                "first.")),
            (Side.PURCHASES, after.role.is_supplier,
             N_("{name} has open purchases documents, so it stays a supplier; settle or void "
                "them first."))):
        kinds = [kind for kind in DocumentKind if kind.side is side]
        if not keeps and tx.open_documents_for(before.id, kinds):
            raise ValidationFailed([Problem(
                "role", "open_documents",
                _(refusal).format(name=before.name),
            )])
