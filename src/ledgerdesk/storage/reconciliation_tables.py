"""The bank reconciliations' tables (migration 0009_reconciliations).

``reconciliations`` holds one statement of one bank account: its date and closing balance,
the opening it started from (the account's previous standing reconciliation's balance, or
0), and whether it was undone.  ``reconciliation_lines`` holds the journal lines it
cleared.  Both are kept for good: a reconciliation is only ever undone (only the latest of
its account), and an undone one keeps its lines, which may then be cleared again.  Triggers
refuse everything else, and refuse voiding or reversing the record of a line cleared by a
standing reconciliation.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, Table, Text

from ledgerdesk.storage.coltypes import IsoDate, MinorUnits
from ledgerdesk.storage.tables import flag, metadata

reconciliations = Table(
    "reconciliations", metadata,
    Column("id", Integer, primary_key=True),
    Column("account_code", Text, ForeignKey("accounts.code"), nullable=False),
    Column("statement_date", IsoDate, nullable=False),
    Column("statement_balance_minor", MinorUnits, nullable=False),
    Column("opening_balance_minor", MinorUnits, nullable=False),
    Column("currency", Text, nullable=False),
    flag("undone", "reconciliations"),
    Index("ix_reconciliations_account", "account_code", "undone", "id"),
)

reconciliation_lines = Table(
    "reconciliation_lines", metadata,
    Column("reconciliation_id", Integer, ForeignKey("reconciliations.id"), primary_key=True),
    Column("journal_line_id", Integer, ForeignKey("journal_lines.id"), primary_key=True),
    Index("ix_reconciliation_lines_line", "journal_line_id"),
)
