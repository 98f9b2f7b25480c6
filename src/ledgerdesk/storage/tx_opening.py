"""The opening balances' reads inside a write transaction: is anything dated on or before
the start date, and which of the numbers given are taken already."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.storage.tables import documents, journal_entries
from ledgerdesk.storage.tx_base import TransactionBase


class OpeningStore(TransactionBase):
    def first_entry_through(self, date: dt.date) -> dt.date | None:
        """The earliest entry dated on or before ``date`` (None if there is none)."""
        return self._conn.scalar(
            select(func.min(journal_entries.c.date)).where(journal_entries.c.date <= date)
        )

    def numbers_taken(self, wanted: Iterable[tuple[DocumentKind, str]]
                      ) -> set[tuple[DocumentKind, str]]:
        """Which (kind, number) pairs a document in the book already has."""
        found: set[tuple[DocumentKind, str]] = set()
        for kind, number in set(wanted):
            taken = self._conn.scalar(select(documents.c.id).where(
                documents.c.kind == kind.value, documents.c.number == number).limit(1))
            if taken is not None:
                found.add((kind, number))
        return found
