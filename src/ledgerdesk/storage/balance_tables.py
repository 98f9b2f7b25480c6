"""The running balances table (migration 0010_account_days): each account's net movement
per currency and day, kept by a trigger on every new journal line; a cache the reports
read instead of the journal, which ``check`` rebuilds and compares."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, PrimaryKeyConstraint, Table, Text

from ledgerdesk.storage.coltypes import IsoDate, MinorUnits
from ledgerdesk.storage.tables import metadata

account_days = Table(
    "account_days", metadata,
    Column("account_code", Text, ForeignKey("accounts.code"), nullable=False),
    Column("currency", Text, nullable=False),
    Column("day", IsoDate, nullable=False),
    Column("amount_minor", MinorUnits, nullable=False),  # debit positive, credit negative
    PrimaryKeyConstraint("account_code", "currency", "day", name="pk_account_days"),
    sqlite_with_rowid=False,
)
