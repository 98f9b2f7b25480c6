"""Contacts by name only, for pickers and filters: no balances, so it stays fast.

``list_contacts`` sums every contact's outstanding documents (half a second on a book of
100,000 documents); a picker needs only ids, names and roles.  The port is its own small
protocol, which the book's ``queries()`` object also implements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.services.ports import Book


@dataclass(frozen=True, slots=True)
class ContactName:
    id: int
    name: str
    role: ContactRole


@runtime_checkable
class ContactNameQueries(Protocol):
    def contact_names(self) -> list[ContactName]: ...  # every contact, by name then id


def contact_names(book: Book) -> list[ContactName]:
    queries = book.queries()
    if not isinstance(queries, ContactNameQueries):
        raise TypeError(f"{type(queries).__name__} cannot list contact names")
    return queries.contact_names()
