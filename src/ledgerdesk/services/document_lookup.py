"""A document found by the number a user typed, wherever one is typed (pay, print, link, void).

Its own module, light on imports: the sync services need it, and the window imports those
at start, before any editor (and pydantic, which the editors' commands bring) is wanted."""

from __future__ import annotations

from ledgerdesk.domain.documents import Document
from ledgerdesk.services.ports import Transaction


def numbered(tx: Transaction, number: str) -> Document | None:
    """The document with ``number`` as typed (spaces around it aside), or in capitals:
    ``inv-00012`` is INV-00012, wherever a number is typed (pay, print, link)."""
    cleaned = number.strip()
    return tx.find_document(cleaned) or tx.find_document(cleaned.upper())
