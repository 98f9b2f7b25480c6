"""Contacts: the customers and suppliers a business deals with."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ledgerdesk.domain.problems import Problem


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


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    role: ContactRole
    email: str = ""
    tax_number: str = ""
    payment_terms_days: int = 30
    id: int | None = None


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
    return problems
