"""The bank rules table (migration 0008_bank_rules): a reference's text and its account."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer, Table, Text, UniqueConstraint
from sqlalchemy import text as sql_text

from ledgerdesk.storage.tables import metadata

bank_rules = Table(
    "bank_rules", metadata,
    Column("id", Integer, primary_key=True),
    Column("reference_contains", Text(collation="NOCASE"), nullable=False),
    Column("account_code", Text, ForeignKey("accounts.code"), nullable=False),
    Column("memo", Text, nullable=False, server_default=sql_text("''")),
    CheckConstraint("length(reference_contains) > 0", name="ck_bank_rules_reference_contains"),
    UniqueConstraint("reference_contains", name="uq_bank_rules_reference_contains"),
)
