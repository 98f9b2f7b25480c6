"""Bank reconciliations: statements of a bank account and the journal lines they cleared.

- ``reconciliations``: the account, the statement's date and closing balance, the opening
  it started from, and ``undone``.  Only ever undone (only the latest standing one of its
  account), never changed or deleted; a new one starts from its account's last standing
  one: from its balance, on or after its date.
- ``reconciliation_lines``: the lines cleared, kept for good.  A line is cleared by one
  standing reconciliation at most, of its own account, dated on or before the statement,
  and never a void one (its entry reversed, or a reversal).
- While a standing reconciliation clears a line, its record cannot be voided: neither the
  payment, the manual journal or the document (their flags), nor any entry reversed (the
  ledger's grain, which also covers tax settlements).  The services refuse first, naming
  the reconciliation; these triggers are the last line of defence.
- ``ix_journal_entries_reverses``: whether an entry is reversed, asked for each line.

A book goes back (downgrade) only while it holds no reconciliation, finished or undone:
a book before them cannot hold one, and what was cleared would be lost without a word;
otherwise the backup the upgrade took is the way back, and the downgrade says so.

Revision ID: 0009_reconciliations
Revises: 0008_bank_rules
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_reconciliations"
down_revision = "0008_bank_rules"
branch_labels = None
depends_on = None

_FIELDS = ("id", "account_code", "statement_date", "statement_balance_minor",
           "opening_balance_minor", "currency")
_STANDING = "JOIN reconciliations AS r ON r.id = c.reconciliation_id AND r.undone = 0"
#: (trigger, table, the update that voids a record, its source type)
_VOIDS = (("trg_payments_cleared_kept", "payments",
           "UPDATE OF voided", "NEW.voided = 1 AND OLD.voided = 0", "PAYMENT"),
          ("trg_manual_journals_cleared_kept", "manual_journals",
           "UPDATE OF voided", "NEW.voided = 1 AND OLD.voided = 0", "MANUAL"),
          ("trg_documents_cleared_kept", "documents", "UPDATE OF lifecycle",
           "NEW.lifecycle = 'VOIDED' AND OLD.lifecycle <> 'VOIDED'", "DOCUMENT"))
_KEPT = "a posting cleared in a reconciliation cannot be voided while the reconciliation stands"


def _raise(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END"


def _reconciliation_triggers() -> list[str]:
    changed = " OR ".join(f"NEW.{name} IS NOT OLD.{name}" for name in _FIELDS)
    last = ("SELECT r.statement_balance_minor FROM reconciliations AS r WHERE r.account_code"
            " = NEW.account_code AND r.undone = 0 ORDER BY r.id DESC LIMIT 1")
    return [
        "CREATE TRIGGER trg_reconciliations_only_undo BEFORE UPDATE ON reconciliations "
        f"WHEN {changed} OR NEW.undone < OLD.undone "
        + _raise("a reconciliation can only be undone, never changed"),
        "CREATE TRIGGER trg_reconciliations_latest_undone BEFORE UPDATE OF undone ON "
        "reconciliations WHEN NEW.undone = 1 AND OLD.undone = 0 AND EXISTS (SELECT 1 FROM "
        "reconciliations AS r WHERE r.account_code = OLD.account_code AND r.undone = 0 "
        "AND r.id > OLD.id) "
        + _raise("only the latest reconciliation of an account can be undone"),
        "CREATE TRIGGER trg_reconciliations_no_delete BEFORE DELETE ON reconciliations "
        + _raise("reconciliations are kept: undo them instead of deleting"),
        "CREATE TRIGGER trg_reconciliations_follow_on BEFORE INSERT ON reconciliations "
        "WHEN EXISTS (SELECT 1 FROM reconciliations AS r WHERE r.account_code = "
        "NEW.account_code AND r.undone = 0 AND r.statement_date > NEW.statement_date) "
        f"OR NEW.opening_balance_minor IS NOT COALESCE(({last}), 0) "
        + _raise("a reconciliation starts from its account''s last one: from its balance, "
                 "on or after its date"),
    ]


def _line_triggers() -> list[str]:
    live = ("e.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM journal_entries AS v "
            "WHERE v.reverses_id = e.id)")
    return [
        *(f"CREATE TRIGGER trg_reconciliation_lines_no_{verb.lower()} BEFORE {verb} ON "
          "reconciliation_lines "
          + _raise("cleared lines are kept: rows cannot be changed or deleted")
          for verb in ("UPDATE", "DELETE")),
        "CREATE TRIGGER trg_reconciliation_lines_cleared_once BEFORE INSERT ON "
        "reconciliation_lines WHEN EXISTS (SELECT 1 FROM reconciliation_lines AS c "
        f"{_STANDING} WHERE c.journal_line_id = NEW.journal_line_id) "
        + _raise("a posting is cleared once: a standing reconciliation clears it already"),
        "CREATE TRIGGER trg_reconciliation_lines_fit BEFORE INSERT ON reconciliation_lines "
        "WHEN NOT EXISTS (SELECT 1 FROM reconciliations AS r JOIN journal_lines AS l ON "
        "l.id = NEW.journal_line_id JOIN journal_entries AS e ON e.id = l.entry_id "
        "WHERE r.id = NEW.reconciliation_id AND r.undone = 0 AND l.account_code = "
        f"r.account_code AND e.date <= r.statement_date AND {live}) "
        + _raise("only a standing reconciliation clears postings, and only live ones of "
                 "its own account dated on or before its statement"),
    ]


def _kept_triggers() -> list[str]:
    cleared = ("SELECT 1 FROM journal_lines AS l JOIN reconciliation_lines AS c ON "
               f"c.journal_line_id = l.id {_STANDING}")
    by_source = ("EXISTS (SELECT 1 FROM journal_entries AS e JOIN journal_lines AS l ON "
                 "l.entry_id = e.id JOIN reconciliation_lines AS c ON c.journal_line_id = "
                 f"l.id {_STANDING} WHERE e.source_type = '{{source}}' AND e.source_id = "
                 "NEW.id)")
    return [
        "CREATE TRIGGER trg_journal_entries_cleared_kept BEFORE INSERT ON journal_entries "
        f"WHEN NEW.reverses_id IS NOT NULL AND EXISTS ({cleared} WHERE l.entry_id = "
        "NEW.reverses_id) " + _raise(_KEPT),
        *(f"CREATE TRIGGER {name} BEFORE {verb} ON {table} WHEN {voiding} AND "
          + by_source.format(source=source) + " " + _raise(_KEPT)
          for name, table, verb, voiding, source in _VOIDS),
    ]


def upgrade() -> None:
    op.create_table(
        "reconciliations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.Column("statement_date", sa.Text, nullable=False),
        sa.Column("statement_balance_minor", sa.Integer, nullable=False),
        sa.Column("opening_balance_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("undone", sa.Integer,
                  sa.CheckConstraint("undone = 0 OR undone = 1", name="ck_reconciliations_undone"),
                  nullable=False, server_default=sa.text("0")),
    )
    op.create_index("ix_reconciliations_account", "reconciliations",
                    ["account_code", "undone", "id"])
    op.create_table(
        "reconciliation_lines",
        sa.Column("reconciliation_id", sa.Integer, sa.ForeignKey("reconciliations.id"),
                  primary_key=True),
        sa.Column("journal_line_id", sa.Integer, sa.ForeignKey("journal_lines.id"),
                  primary_key=True),
    )
    op.create_index("ix_reconciliation_lines_line", "reconciliation_lines", ["journal_line_id"])
    op.create_index("ix_journal_entries_reverses", "journal_entries", ["reverses_id"],
                    sqlite_where=sa.text("reverses_id IS NOT NULL"))
    for statement in (*_reconciliation_triggers(), *_line_triggers(), *_kept_triggers()):
        op.execute(statement)


def downgrade() -> None:
    """Back to 0008_bank_rules, for a book that never reconciled (see the module)."""
    if op.get_bind().exec_driver_sql("SELECT 1 FROM reconciliations LIMIT 1").first():
        raise RuntimeError("The book holds bank reconciliations, which a book before them "
                           "cannot hold: open the backup taken when it was upgraded.")
    op.execute("DROP TRIGGER trg_journal_entries_cleared_kept")
    for name, *_ in _VOIDS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_index("ix_journal_entries_reverses", "journal_entries")
    op.drop_table("reconciliation_lines")  # their own triggers go with them
    op.drop_table("reconciliations")
