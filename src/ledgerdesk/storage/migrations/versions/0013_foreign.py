"""Foreign currencies (issue 15): what a foreign document, payment and bank account need.

- ``accounts.currency``: the currency a bank account is kept in (NULL: the home currency).
- ``contacts.currency``: a contact's usual currency, which a new document starts in
  (NULL: the home currency).
- ``payments.exchange_rate``: home units per one unit of the payment's currency, as the
  payment was booked at ('1' for the home currency, which every older payment is in).
- ``journal_lines.foreign_minor`` and ``foreign_currency``: a posting's amount in its own
  currency beside the home amount every line keeps (``amount_minor``, ``currency``), only on
  the lines that hold foreign money (a foreign document's receivable or payable, a foreign
  bank account); NULL on all others, and on every older line.
- ``ix_journal_lines_foreign``: the lines with foreign money, by account, so the general
  ledger knows at once whether an account has any (a partial index: a home-currency
  book's is empty).
- ``allocations.home_minor``: the home amount a settlement of a foreign document took off
  its control account (NULL: the amount itself, for a home-currency document), so the
  control account always equals what the open documents still hold at home, even after a
  settlement before another is voided.
- ``journal_entries.source_type`` may be ``EXCHANGE``: the realised exchange difference when
  a foreign credit is applied to a document booked at another rate; or ``REVALUATION``:
  the unrealised gains and losses at a date, and their reversal the next day.  The CHECK is widened
  in place, the procedure SQLite documents for loosening a constraint (every row meets the
  wider one), because a rebuild of the journal would rewrite millions of rows and every
  trigger that names it.

Every change is an added column: no table is rebuilt, the triggers stay as they are, and a
million-line book upgrades at once.  The downgrade refuses a book that holds foreign money
(the backup taken before the upgrade is the way back) and otherwise drops the columns.

Revision ID: 0013_foreign
Revises: 0012_settlements
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_foreign"
down_revision = "0012_settlements"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("accounts", "currency TEXT"),
    ("contacts", "currency TEXT"),
    ("payments", "exchange_rate TEXT NOT NULL DEFAULT '1'"),
    ("journal_lines", "foreign_minor INTEGER"),
    ("journal_lines", "foreign_currency TEXT"),
    ("allocations", "home_minor INTEGER"),
)
_LAST_BEFORE = "source_type = 'TAX_SETTLEMENT'"
_WIDER = f"{_LAST_BEFORE} OR source_type = 'EXCHANGE' OR source_type = 'REVALUATION'"


def _source_types(old: str, new: str) -> None:
    """Change the CHECK on ``journal_entries.source_type`` from ``old`` to ``new`` in the
    schema's own text (the rows already meet both)."""
    conn = op.get_bind()
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.exec_driver_sql(
        "UPDATE sqlite_master SET sql = replace(sql, ?, ?)"
        " WHERE type = 'table' AND name = 'journal_entries'", (old, new))
    conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    for table, column in _COLUMNS:
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
    op.create_index("ix_journal_lines_foreign", "journal_lines", ["account_code"],
                    sqlite_where=sa.text("foreign_currency IS NOT NULL"))
    _source_types(_LAST_BEFORE, _WIDER)


def downgrade() -> None:
    conn = op.get_bind()
    foreign = conn.exec_driver_sql(
        "SELECT 1 FROM journal_lines WHERE foreign_currency IS NOT NULL"
        " UNION ALL SELECT 1 FROM accounts WHERE currency IS NOT NULL"
        " UNION ALL SELECT 1 FROM journal_entries"
        " WHERE source_type IN ('EXCHANGE', 'REVALUATION')"
        " LIMIT 1").first()
    if foreign is not None:
        raise RuntimeError("The book holds foreign money, which a book before foreign "
                           "currencies cannot hold: open the backup taken when it was upgraded.")
    _source_types(_WIDER, _LAST_BEFORE)
    op.drop_index("ix_journal_lines_foreign", "journal_lines")
    for table, column in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column.split()[0]}")
