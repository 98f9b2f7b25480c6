"""Contacts: the customers and suppliers a business deals with."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ledgerdesk.domain.problems import Problem

#: What fits the address window of a printed document.
MAX_ADDRESS = 500
MAX_ADDRESS_LINES = 8


class ContactRole(enum.Enum):
    CUSTOMER = "CUSTOMER"
    SUPPLIER = "SUPPLIER"
    BOTH = "BOTH"

    @property
    def is_customer(self) -> bool:
        return self in (ContactRole.CUSTOMER, ContactRole.BOTH)

    @property
    def is_supplier(self) -> bool:
        return self in (ContactRole.SUPPLIER, ContactRole.BOTH)


#: A contact's payment terms unless set otherwise, and those of a document without one.
DEFAULT_PAYMENT_TERMS_DAYS = 30


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    role: ContactRole
    email: str = ""
    tax_number: str = ""
    payment_terms_days: int = DEFAULT_PAYMENT_TERMS_DAYS
    id: int | None = None
    #: The postal address as it is printed on documents: lines separated by newlines.
    address: str = ""


def payment_terms_of(contact: Contact | None) -> int:
    """The days a document of ``contact`` has to be paid (the default for no contact)."""
    return contact.payment_terms_days if contact is not None else DEFAULT_PAYMENT_TERMS_DAYS


def validate_contact(contact: Contact) -> list[Problem]:
    problems: list[Problem] = []
    if not contact.name.strip():
        problems.append(Problem("name", "required", "A contact needs a name."))
    elif len(contact.name) > 200:
        problems.append(Problem("name", "too_long", "A contact's name is at most 200 characters."))
    if not 0 <= contact.payment_terms_days <= 365:
        problems.append(
            Problem("payment_terms_days", "out_of_range", "Payment terms are 0 to 365 days.")
        )
    if contact.email and "@" not in contact.email:
        problems.append(Problem("email", "invalid", f"{contact.email!r} is not an email address."))
    if len(contact.address) > MAX_ADDRESS:
        problems.append(Problem("address", "too_long",
                                f"An address is at most {MAX_ADDRESS} characters."))
    elif len(address_lines(contact.address)) > MAX_ADDRESS_LINES:
        problems.append(Problem("address", "too_many_lines",
                                f"An address is at most {MAX_ADDRESS_LINES} lines."))
    return problems


def address_lines(address: str) -> list[str]:
    """The non-blank lines of an address, trimmed, as a document prints them."""
    return [line.strip() for line in address.splitlines() if line.strip()]
