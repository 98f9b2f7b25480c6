"""Manual journals: a header per journal with its gap-free JNL- number and a voided flag.

The journal's lines are its journal entry's (``source_type = 'MANUAL'``); voiding posts a
reversal and sets ``voided``.  Triggers are the last line of defence: the next number only,
never a changed or deleted journal.

Revision ID: 0005_journals
Revises: 0004_accounts
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_journals"
down_revision = "0004_accounts"
branch_labels = None
depends_on = None

_FIELDS = ("id", "sequence", "number", "date", "memo", "total_minor", "currency")


def _raise(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END"


def _triggers() -> list[str]:
    changed = " OR ".join(f"NEW.{name} IS NOT OLD.{name}" for name in _FIELDS)
    return [
        "CREATE TRIGGER trg_manual_journals_gap_free BEFORE INSERT ON manual_journals "
        "WHEN NEW.sequence IS NOT "
        "(SELECT COALESCE(MAX(m.sequence), 0) + 1 FROM manual_journals AS m) "
        + _raise("journal numbers are gap-free: only the next number can be taken"),
        "CREATE TRIGGER trg_manual_journals_only_void BEFORE UPDATE ON manual_journals "
        f"WHEN {changed} OR NEW.voided < OLD.voided "
        + _raise("a journal can only be voided, never changed"),
        "CREATE TRIGGER trg_manual_journals_no_delete BEFORE DELETE ON manual_journals "
        + _raise("journals are kept: void them instead of deleting"),
    ]


def upgrade() -> None:
    op.create_table(
        "manual_journals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("memo", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("total_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("voided", sa.Integer,
                  sa.CheckConstraint("voided = 0 OR voided = 1", name="ck_manual_journals_voided"),
                  nullable=False, server_default=sa.text("0")),
        sa.CheckConstraint("sequence >= 1", name="ck_manual_journals_sequence"),
        sa.CheckConstraint("total_minor > 0", name="ck_manual_journals_total_minor"),
        sa.UniqueConstraint("sequence", name="uq_manual_journals_sequence"),
        sa.UniqueConstraint("number", name="uq_manual_journals_number"),
    )
    op.create_index("ix_manual_journals_date", "manual_journals", ["date"])
    for statement in _triggers():
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("manual_journals")  # its triggers go with it
