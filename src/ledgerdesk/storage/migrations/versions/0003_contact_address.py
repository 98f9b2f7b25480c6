"""Contacts get a postal address, printed on their invoices, credit notes and statements.

One multi-line text column: an address is printed as typed, so splitting it into street,
town and postcode would only force one country's shape on every other.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN with a constant default: SQLite changes only the schema, not each row.
    op.add_column(
        "contacts",
        sa.Column("address", sa.Text, nullable=False, server_default=sa.text("''")),
    )


def downgrade() -> None:
    # In place (SQLite 3.35+): a batch copy of the table would lose its names' NOCASE.
    op.execute("ALTER TABLE contacts DROP COLUMN address")
