"""The chart of accounts in the window: an account can be archived.

An archived account stays in history and reports; nothing new is posted to it.  The
services refuse that with a sentence first; the trigger is the last line of defence.
(Re-coding needs no schema change: ``storage.tx_chart`` moves every reference to the
account in one transaction, with the foreign keys on.)

Revision ID: 0004_accounts
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0004_accounts"
down_revision = "0003"
branch_labels = None
depends_on = None

ARCHIVED_TRIGGER = (
    "CREATE TRIGGER trg_journal_lines_archived_account BEFORE INSERT ON journal_lines "
    "WHEN (SELECT a.archived FROM accounts AS a WHERE a.code = NEW.account_code) = 1 "
    "BEGIN SELECT RAISE(ABORT, 'nothing can be posted to an archived account'); END"
)


def upgrade() -> None:
    # ADD COLUMN with a constant default changes only the schema, not each row; spelled
    # out so the CHECK is the one tables.py names.
    op.execute(
        "ALTER TABLE accounts ADD COLUMN archived INTEGER DEFAULT '0' NOT NULL "
        "CONSTRAINT ck_accounts_archived CHECK (archived = 0 OR archived = 1)"
    )
    op.execute(ARCHIVED_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER trg_journal_lines_archived_account")
    # SQLite 3.35+ drops the column with its own CHECK in place: a batch copy would keep
    # the table's CHECK naming it (and copy a table that every posting refers to).
    op.execute("ALTER TABLE accounts DROP COLUMN archived")
