"""The manual journals' header table (migration 0005_journals).

A manual journal's lines are the lines of its journal entry (``journal_entries`` with
``source_type = 'MANUAL'`` and ``source_id`` = the journal's id); this row holds what the
entry does not: its gap-free number, its debit total for the lists, and whether it is void.
The number is ``JNL-`` and ``sequence``: each insert takes the next one inside the write
transaction, and a trigger refuses any other, so the series never has a hole.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Index, Integer, Table, Text, UniqueConstraint, text

from ledgerdesk.storage.coltypes import IsoDate, MinorUnits
from ledgerdesk.storage.tables import flag, metadata

manual_journals = Table(
    "manual_journals", metadata,
    Column("id", Integer, primary_key=True),
    Column("sequence", Integer, nullable=False),
    Column("number", Text, nullable=False),
    Column("date", IsoDate, nullable=False),
    Column("memo", Text, nullable=False, server_default=text("''")),
    Column("total_minor", MinorUnits, nullable=False),  # the debits (= the credits)
    Column("currency", Text, nullable=False),
    flag("voided", "manual_journals"),
    CheckConstraint("sequence >= 1", name="ck_manual_journals_sequence"),
    CheckConstraint("total_minor > 0", name="ck_manual_journals_total_minor"),
    UniqueConstraint("sequence", name="uq_manual_journals_sequence"),
    UniqueConstraint("number", name="uq_manual_journals_number"),
    Index("ix_manual_journals_date", "date"),
)
