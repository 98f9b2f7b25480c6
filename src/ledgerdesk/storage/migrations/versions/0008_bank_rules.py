"""Bank rules: "a statement line whose reference contains this text posts to that account".

One row per rule: the text (unique whatever its case), the account the line's other side
posts to, and a memo for the journal it makes.  Nothing else in the book changes, so the
downgrade drops the table (the rules are forgotten; nothing posted depends on them).

Revision ID: 0008_bank_rules
Revises: 0007_tax_codes
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_bank_rules"
down_revision = "0007_tax_codes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bank_rules",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reference_contains", sa.Text(collation="NOCASE"), nullable=False),
        sa.Column("account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.Column("memo", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.CheckConstraint("length(reference_contains) > 0",
                           name="ck_bank_rules_reference_contains"),
        sa.UniqueConstraint("reference_contains", name="uq_bank_rules_reference_contains"),
    )


def downgrade() -> None:
    op.drop_table("bank_rules")
