"""Tax codes, tax rounding per document, and tax settlements.

- ``tax_codes``: a name, a rate, a side (sales or purchases) and the account the tax posts
  to.  ``document_lines.tax_code_id`` refers to one; the line keeps its rate as posted.
- ``documents.tax_rounding``: per line (every document so far) or per document.
- ``tax_settlements``: the payment or refund of a tax return, one per period (a trigger
  refuses an overlapping one); its journal entry has the new source type TAX_SETTLEMENT.

An existing book gets a code for each rate each side used ("Tax 20%"), and a "No tax 0%"
code on each side, which the lines of documents without tax refer to.  Posted lines are
given their code with the line triggers lifted for the update, and nothing else of them
changes.  A book goes back (downgrade) only while nothing needs what this adds: no tax
settlement and no document rounded per document (their totals would no longer add up);
otherwise the backup the upgrade took is the way back, and the downgrade says so.

``journal_entries`` is rebuilt for its wider CHECK by renaming: with foreign keys on (they
cannot be turned off inside the migration's transaction) a drop of the referenced table
would fail, while a rename carries ``journal_lines``' reference along.

Revision ID: 0007_tax_codes
Revises: 0006_audit
Create Date: 2026-12-01
"""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0007_tax_codes"
down_revision = "0006_audit"
branch_labels = None
depends_on = None

_SALES_KINDS = ("SALES_INVOICE", "SALES_CREDIT_NOTE", "CUSTOMER_PREPAYMENT")
_SOURCE_TYPES = ("DOCUMENT", "PAYMENT", "MANUAL", "TAX_SETTLEMENT")
_POSTED_FIELDS = (
    "id", "kind", "contact_id", "number", "reference", "issue_date", "due_date", "currency",
    "exchange_rate", "tax_mode", "total_minor", "source_payment_id", "tax_rounding",
)
_LINE_TRIGGERS = (("INSERT", "NEW.document_id"), ("UPDATE", "OLD.document_id, NEW.document_id"),
                  ("DELETE", "OLD.document_id"))


def _raise(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END"


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return " OR ".join(f"{column} = '{value}'" for value in values)


def _line_trigger(verb: str, ids: str) -> str:
    return (f"CREATE TRIGGER trg_document_lines_{verb.lower()} BEFORE {verb} ON document_lines "
            f"WHEN EXISTS (SELECT 1 FROM documents AS d WHERE d.id IN ({ids}) "
            "AND d.lifecycle <> 'DRAFT') "
            + _raise("the lines of a posted document cannot be changed"))


def _create_tables() -> None:
    op.create_table(
        "tax_codes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text(collation="NOCASE"), nullable=False),
        sa.Column("side", sa.Text, nullable=False),
        sa.Column("rate", sa.Text, nullable=False),
        sa.Column("account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.CheckConstraint(_one_of("side", ("SALES", "PURCHASES")), name="ck_tax_codes_side"),
        sa.UniqueConstraint("side", "name", name="uq_tax_codes_side_name"),
    )
    op.create_table(
        "tax_settlements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("period_start", sa.Text, nullable=False),
        sa.Column("period_end", sa.Text, nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("amount_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("bank_account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.CheckConstraint("period_start <= period_end", name="ck_tax_settlements_period"),
        sa.CheckConstraint("amount_minor <> 0", name="ck_tax_settlements_amount_minor"),
    )
    op.create_index("ix_tax_settlements_period", "tax_settlements",
                    ["period_start", "period_end"])
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER trg_tax_settlements_no_{verb.lower()} BEFORE {verb} "
                   "ON tax_settlements "
                   + _raise("tax settlements are kept: rows cannot be changed or deleted"))
    op.execute(
        "CREATE TRIGGER trg_tax_settlements_no_overlap BEFORE INSERT ON tax_settlements "
        "WHEN EXISTS (SELECT 1 FROM tax_settlements AS s WHERE s.period_start <= "
        "NEW.period_end AND s.period_end >= NEW.period_start) "
        + _raise("a tax period can be settled only once"))


def _add_columns() -> None:
    # ADD COLUMN with a constant default (and a CHECK SQLite tests on the existing rows).
    op.execute("ALTER TABLE documents ADD COLUMN tax_rounding TEXT DEFAULT 'PER_LINE' NOT NULL "
               "CONSTRAINT ck_documents_tax_rounding CHECK ("
               + _one_of("tax_rounding", ("PER_LINE", "PER_DOCUMENT")) + ")")
    op.execute("ALTER TABLE document_lines ADD COLUMN tax_code_id INTEGER "
               "REFERENCES tax_codes (id)")
    op.create_index("ix_document_lines_tax_code_id", "document_lines", ["tax_code_id"])
    _posted_frozen(_POSTED_FIELDS)


def _posted_frozen(fields: tuple[str, ...]) -> None:
    op.execute("DROP TRIGGER trg_documents_posted_frozen")
    changed = " OR ".join(f"NEW.{name} IS NOT OLD.{name}" for name in fields)
    op.execute("CREATE TRIGGER trg_documents_posted_frozen BEFORE UPDATE ON documents "
               f"WHEN OLD.lifecycle <> 'DRAFT' AND ({changed}) "
               + _raise("a posted document cannot be changed"))


def _code_name(rate: Decimal) -> str:
    return "No tax 0%" if not rate else f"Tax {rate.normalize():f}%"


def _give_lines_codes() -> None:
    """A code per side and rate used (and a zero one per side); every line its code."""
    conn = op.get_bind()
    tax_account = conn.exec_driver_sql(
        "SELECT code FROM accounts WHERE role = 'SALES_TAX' ORDER BY code LIMIT 1").scalar()
    if tax_account is None:  # a book never set up has no documents either
        return
    sales = ", ".join(f"'{kind}'" for kind in _SALES_KINDS)
    side = f"CASE WHEN d.kind IN ({sales}) THEN 'SALES' ELSE 'PURCHASES' END"
    used = conn.exec_driver_sql(
        f"SELECT DISTINCT {side}, l.tax_rate FROM document_lines AS l"
        " JOIN documents AS d ON d.id = l.document_id WHERE d.tax_mode <> 'NO_TAX'").all()
    rates: dict[tuple[str, Decimal], list[str]] = {}
    for side_value, text in used:
        rates.setdefault((side_value, Decimal(text).normalize()), []).append(text)
    for side_value in ("SALES", "PURCHASES"):
        rates.setdefault((side_value, Decimal(0)), [])
    for verb, _ in _LINE_TRIGGERS:
        op.execute(f"DROP TRIGGER trg_document_lines_{verb.lower()}")
    for (side_value, rate), texts in sorted(rates.items(), key=lambda i: (i[0][0], i[0][1])):
        code_id = conn.exec_driver_sql(
            "INSERT INTO tax_codes (name, side, rate, account_code) VALUES (?, ?, ?, ?)",
            (_code_name(rate), side_value, f"{rate:f}", tax_account)).lastrowid
        of_side = f"SELECT d.id FROM documents AS d WHERE {side} = ?"
        for text in texts:
            conn.exec_driver_sql(
                "UPDATE document_lines SET tax_code_id = ? WHERE tax_rate = ? AND document_id"
                f" IN ({of_side} AND d.tax_mode <> 'NO_TAX')", (code_id, text, side_value))
        if not rate:
            conn.exec_driver_sql(
                "UPDATE document_lines SET tax_code_id = ? WHERE document_id"
                f" IN ({of_side} AND d.tax_mode = 'NO_TAX')", (code_id, side_value))
    for verb, ids in _LINE_TRIGGERS:
        op.execute(_line_trigger(verb, ids))


def _rebuild_journal_entries(source_types: tuple[str, ...]) -> None:
    """The same table with (upgrade) or without (downgrade) TAX_SETTLEMENT among its
    source types (see the module)."""
    op.execute("ALTER TABLE journal_entries RENAME TO journal_entries_0003")
    op.execute("ALTER TABLE journal_lines RENAME TO journal_lines_0003")
    for name in ("ix_journal_entries_date", "ix_journal_entries_source",
                 "ix_journal_lines_account", "ix_journal_lines_entry"):
        op.execute(f"DROP INDEX {name}")
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("memo", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("source_type", sa.Text, nullable=False),
        sa.Column("source_id", sa.Integer, nullable=True),
        sa.Column("reverses_id", sa.Integer, sa.ForeignKey("journal_entries.id"),
                  nullable=True),
        sa.CheckConstraint(_one_of("source_type", source_types),
                           name="ck_journal_entries_source_type"),
    )
    op.create_table(
        "journal_lines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("journal_entries.id"), nullable=False),
        sa.Column("account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.Column("amount_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("memo", sa.Text, nullable=False, server_default=sa.text("''")),
    )
    op.execute("INSERT INTO journal_entries (id, date, memo, source_type, source_id,"
               " reverses_id) SELECT id, date, memo, source_type, source_id, reverses_id"
               " FROM journal_entries_0003 ORDER BY id")
    op.execute("INSERT INTO journal_lines (id, entry_id, account_code, amount_minor, currency,"
               " memo) SELECT id, entry_id, account_code, amount_minor, currency, memo"
               " FROM journal_lines_0003 ORDER BY id")
    op.execute("DROP TABLE journal_lines_0003")  # its triggers go with it
    op.execute("DROP TABLE journal_entries_0003")
    op.create_index("ix_journal_entries_date", "journal_entries", ["date"])
    op.create_index("ix_journal_entries_source", "journal_entries", ["source_type", "source_id"])
    op.create_index("ix_journal_lines_account", "journal_lines",
                    ["account_code", "currency", "amount_minor"])
    op.create_index("ix_journal_lines_entry", "journal_lines",
                    ["entry_id", "account_code", "currency", "amount_minor"])
    for table in ("journal_entries", "journal_lines"):
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       + _raise(f"{table} is append-only: rows cannot be changed or deleted"))
    # 0004_accounts's trigger went with the old table: nothing posts to an archived account.
    op.execute(
        "CREATE TRIGGER trg_journal_lines_archived_account BEFORE INSERT ON journal_lines "
        "WHEN (SELECT a.archived FROM accounts AS a WHERE a.code = NEW.account_code) = 1 "
        "BEGIN SELECT RAISE(ABORT, 'nothing can be posted to an archived account'); END"
    )


def upgrade() -> None:
    _create_tables()
    _add_columns()
    _give_lines_codes()
    _rebuild_journal_entries(_SOURCE_TYPES)


def _refuse_what_0006_cannot_hold() -> None:
    conn = op.get_bind()
    needs = [what for what, sql in (
        ("a settled tax return", "SELECT 1 FROM tax_settlements"),
        ("a document rounded per document",
         "SELECT 1 FROM documents WHERE tax_rounding = 'PER_DOCUMENT'"),
    ) if conn.exec_driver_sql(sql + " LIMIT 1").first() is not None]
    if needs:
        raise RuntimeError(f"The book holds {' and '.join(needs)}, which a book before tax "
                           "codes cannot hold: open the backup taken when it was upgraded.")


def downgrade() -> None:
    """Back to 0006: the codes go (each line keeps the rate it was posted at)."""
    _refuse_what_0006_cannot_hold()
    _posted_frozen(tuple(f for f in _POSTED_FIELDS if f != "tax_rounding"))
    # SQLite 3.35+ drops a column with its own CHECK or REFERENCES, once no index or
    # trigger names it: no rebuild of these tables, which others refer to.
    op.execute("ALTER TABLE documents DROP COLUMN tax_rounding")
    op.drop_index("ix_document_lines_tax_code_id", "document_lines")
    op.execute("ALTER TABLE document_lines DROP COLUMN tax_code_id")
    op.drop_table("tax_settlements")  # its index and triggers go with it
    op.drop_table("tax_codes")
    _rebuild_journal_entries(_SOURCE_TYPES[:-1])
