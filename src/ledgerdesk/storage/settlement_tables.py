"""The settlement days table (migration 0012_settlements): per posted document, the day
from which it owes nothing on any later date (NULL while it owes), kept by triggers on the
documents, allocations and reversals; a cache the aging reads to skip settled documents,
which ``check`` re-derives and compares.  It holds no amount: outstanding stays derived."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, Table, Text

from ledgerdesk.storage.coltypes import IsoDate
from ledgerdesk.storage.tables import metadata

document_settlements = Table(
    "document_settlements", metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True,
           autoincrement=False),
    Column("kind", Text, nullable=False),
    Column("opened_on", IsoDate, nullable=False),  # the first day it can owe anything
    Column("settled_on", IsoDate, nullable=True),
    # The aging's candidates on a date: of a side's kinds, settled after it (or never) and
    # owing from then on; the rowid is the document's id, so the index covers the question.
    Index("ix_document_settlements_open", "kind", "settled_on", "opened_on"),
)
