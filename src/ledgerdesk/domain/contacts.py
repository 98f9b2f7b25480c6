"""Contacts: the customers and suppliers a business deals with."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ledgerdesk.domain.i18n import _
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
    #: The currency a new document of this contact starts in; None: the home currency.
    currency: str | None = None


def payment_terms_of(contact: Contact | None) -> int:
    """The days a document of ``contact`` has to be paid (the default for no contact)."""
    return contact.payment_terms_days if contact is not None else DEFAULT_PAYMENT_TERMS_DAYS


def validate_contact(contact: Contact) -> list[Problem]:
    problems: list[Problem] = []
    if not contact.name.strip():
        problems.append(Problem("name", "required", _("A contact needs a name.")))
    elif len(contact.name) > 200:
        problems.append(Problem("name", "too_long", _("A contact's name is at most 200 "
                                                      "characters.")))
    if not 0 <= contact.payment_terms_days <= 365:
        problems.append(
            Problem("payment_terms_days", "out_of_range", _("Payment terms are 0 to 365 days."))
        )
    if contact.email and "@" not in contact.email:
        problems.append(Problem("email", "invalid", _("{email!r} is not an email address.").format(
                                                        email=contact.email)))
    if len(contact.address) > MAX_ADDRESS:
        problems.append(Problem("address", "too_long",
                                _("An address is at most {max_address} characters.").format(
                                    max_address=MAX_ADDRESS)))
    elif len(address_lines(contact.address)) > MAX_ADDRESS_LINES:
        problems.append(Problem("address", "too_many_lines",
                                _("An address is at most {max_address_lines} lines.").format(
                                    max_address_lines=MAX_ADDRESS_LINES)))
    return problems


def address_lines(address: str) -> list[str]:
    """The non-blank lines of an address, trimmed, as a document prints them."""
    return [line.strip() for line in address.splitlines() if line.strip()]
