"""The audit log says who: a ``who`` column, the user the book was opened for.

The log itself is 0001's ``audit_log`` (when, what, in detail), append-only by its
triggers; rows written before this revision keep '' (unknown).  Adding a column with a
constant default rewrites nothing and leaves the triggers as they are.

Revision ID: 0006_audit
Revises: 0005_journals
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_audit"
down_revision = "0005_journals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("who", sa.Text, nullable=False,
                                         server_default=sa.text("''")))


def downgrade() -> None:
    op.execute("ALTER TABLE audit_log DROP COLUMN who")  # SQLite 3.35+; keeps the triggers
