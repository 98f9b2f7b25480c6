"""Running balances: each account's net movement per currency and day, kept with the
ledger (issue 18).

- ``account_days``: (account, currency, day) -> the sum of its journal lines dated that
  day, debit positive.  A derived table, a cache: the reports read a few thousand rows of
  it (a trial balance as of a day, a period's profit and loss, a general ledger's opening)
  instead of every journal line.  ``check`` rebuilds it from the journal and compares.
- ``trg_journal_lines_account_days``: every new journal line adds itself to its day, in
  the posting's own transaction.  Journal lines are never changed or deleted (their own
  triggers refuse it) except when an account is re-coded, which moves every column that
  refers to ``accounts.code``, this table's too.
- A fresh load (the demo, a benchmark) drops the journal lines' INSERT triggers while it
  fills the book and rebuilds this table in one pass before it commits.

The upgrade fills it from the journal in one pass; the downgrade drops it (nothing else
refers to it).

Revision ID: 0010_account_days
Revises: 0009_reconciliations
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_account_days"
down_revision = "0009_reconciliations"
branch_labels = None
depends_on = None

#: The whole table from the journal, as ``check`` and a fresh load rebuild it.
REBUILD = (
    "INSERT INTO account_days (account_code, currency, day, amount_minor)"
    " SELECT l.account_code, l.currency, e.date, SUM(l.amount_minor)"
    " FROM journal_entries AS e JOIN journal_lines AS l ON l.entry_id = e.id"
    " GROUP BY l.account_code, l.currency, e.date"
)

TRIGGER = (
    "CREATE TRIGGER trg_journal_lines_account_days AFTER INSERT ON journal_lines "
    "BEGIN INSERT INTO account_days (account_code, currency, day, amount_minor) VALUES "
    "(NEW.account_code, NEW.currency,"
    " (SELECT date FROM journal_entries WHERE id = NEW.entry_id), NEW.amount_minor) "
    "ON CONFLICT (account_code, currency, day) DO UPDATE SET "
    "amount_minor = amount_minor + excluded.amount_minor; END"
)


def upgrade() -> None:
    op.create_table(
        "account_days",
        sa.Column("account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("day", sa.Text, nullable=False),
        sa.Column("amount_minor", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("account_code", "currency", "day", name="pk_account_days"),
        sqlite_with_rowid=False,
    )
    op.execute(REBUILD)
    op.execute(TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER trg_journal_lines_account_days")
    op.drop_table("account_days")
