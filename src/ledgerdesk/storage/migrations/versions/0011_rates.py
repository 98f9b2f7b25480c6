"""Exchange rates: home units per one foreign unit, one per currency and day.

Typed (``ledgerdesk rate``, File > Exchange rates…) or imported from the ECB's files.  A
rate is exact decimal text rounded to 12 places; nothing posted reads this table (a
document keeps the rate it was booked at), so the downgrade drops it and the rates are
forgotten, as 0008's bank rules are.

Revision ID: 0011_rates
Revises: 0010_account_days
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_rates"
down_revision = "0010_account_days"
branch_labels = None
depends_on = None

_RATE_CHECK = ("rate NOT GLOB '*[^0-9.]*' AND rate NOT GLOB '*.*.*' AND rate GLOB '*[0-9]*'"
               " AND CAST(rate AS REAL) > 0")


def upgrade() -> None:
    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("rate", sa.Text, nullable=False),
        sa.CheckConstraint("length(currency) = 3", name="ck_exchange_rates_currency"),
        sa.CheckConstraint(_RATE_CHECK, name="ck_exchange_rates_rate"),
        sa.UniqueConstraint("currency", "date", name="uq_exchange_rates_currency_date"),
    )


def downgrade() -> None:
    op.drop_table("exchange_rates")
