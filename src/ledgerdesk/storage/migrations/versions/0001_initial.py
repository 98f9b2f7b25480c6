"""The first schema: chart, contacts, documents, payments, allocations, journal, audit.

Written by hand and frozen: later changes go in new revisions, never here.  The SQLite
triggers at the end are the last line of defence behind the services' own checks.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_DOCUMENT_KINDS = (
    "'SALES_INVOICE', 'SALES_CREDIT_NOTE', 'CUSTOMER_PREPAYMENT', "
    "'BILL', 'PURCHASE_CREDIT_NOTE', 'SUPPLIER_PREPAYMENT'"
)


def _check_in(column: str, values: str, name: str) -> sa.CheckConstraint:
    # ORs rather than IN (...): SQLite rebuilds an IN list for every executemany row.
    alternatives = " OR ".join(f"{column} = {value.strip()}" for value in values.split(","))
    return sa.CheckConstraint(alternatives, name=name)


def _flag(name: str, table: str) -> sa.Column:
    return sa.Column(
        name, sa.Integer,
        sa.CheckConstraint(f"{name} = 0 OR {name} = 1", name=f"ck_{table}_{name}"),
        nullable=False, server_default=sa.text("0"),
    )


def _create_reference_tables() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "accounts",
        sa.Column("code", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=True),
        _check_in("type", "'ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE'",
                  "ck_accounts_type"),
        _check_in("role", "'BANK', 'RECEIVABLE', 'PAYABLE', 'SALES_TAX', 'RETAINED_EARNINGS'",
                  "ck_accounts_role"),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text(collation="NOCASE"), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("tax_number", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("payment_terms_days", sa.Integer, nullable=False, server_default=sa.text("30")),
        _check_in("role", "'CUSTOMER', 'SUPPLIER', 'BOTH'", "ck_contacts_role"),
    )
    op.create_index("ix_contacts_name", "contacts", ["name"])
    op.create_table(
        "number_series",
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("prefix", sa.Text, nullable=False),
        sa.Column("next_number", sa.Integer, nullable=False),
        _check_in("kind", _DOCUMENT_KINDS, "ck_number_series_kind"),
        sa.CheckConstraint("next_number >= 1", name="ck_number_series_next_number"),
    )


def _create_payments() -> None:
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id"), nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("amount_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("bank_account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.Column("reference", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("client_token", sa.Text, nullable=False),
        _flag("keep_excess_as_credit", "payments"),
        _flag("voided", "payments"),
        _check_in("kind", "'CUSTOMER_RECEIPT', 'SUPPLIER_PAYMENT', 'CUSTOMER_REFUND', "
                  "'SUPPLIER_REFUND'", "ck_payments_kind"),
        sa.CheckConstraint("amount_minor > 0", name="ck_payments_amount_minor"),
        sa.UniqueConstraint("client_token", name="uq_payments_client_token"),
    )
    op.create_index("ix_payments_contact_id", "payments", ["contact_id"])
    op.create_index("ix_payments_date", "payments", ["date"])


def _create_documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id"), nullable=False),
        sa.Column("number", sa.Text, nullable=True),
        sa.Column("reference", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("issue_date", sa.Text, nullable=False),
        sa.Column("due_date", sa.Text, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("exchange_rate", sa.Text, nullable=False),
        sa.Column("tax_mode", sa.Text, nullable=False),
        sa.Column("lifecycle", sa.Text, nullable=False),
        sa.Column("total_minor", sa.Integer, nullable=False),
        sa.Column("source_payment_id", sa.Integer, sa.ForeignKey("payments.id"), nullable=True),
        sa.Column("extra", sa.Text, nullable=False, server_default="{}"),
        _check_in("kind", _DOCUMENT_KINDS, "ck_documents_kind"),
        _check_in("tax_mode", "'EXCLUSIVE', 'INCLUSIVE', 'NO_TAX'", "ck_documents_tax_mode"),
        _check_in("lifecycle", "'DRAFT', 'AUTHORISED', 'VOIDED'", "ck_documents_lifecycle"),
        sa.CheckConstraint("lifecycle <> 'AUTHORISED' OR number IS NOT NULL",
                           name="ck_documents_number"),
        sa.CheckConstraint("total_minor >= 0", name="ck_documents_total_minor"),
        sa.UniqueConstraint("number", "kind", name="uq_documents_number_kind"),
    )
    op.create_index("ix_documents_kind_lifecycle_due_date", "documents",
                    ["kind", "lifecycle", "due_date"])
    op.create_index("ix_documents_contact", "documents", ["contact_id", "kind", "issue_date"])
    op.create_index("ix_documents_kind_issue_date", "documents", ["kind", "issue_date"])
    op.create_index("ix_documents_source_payment_id", "documents", ["source_payment_id"],
                    sqlite_where=sa.text("source_payment_id IS NOT NULL"))


def _create_document_lines() -> None:
    op.create_table(
        "document_lines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey(
            "documents.id", ondelete="CASCADE", deferrable=True, initially="DEFERRED",
        ), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("quantity", sa.Text, nullable=False),
        sa.Column("unit_price", sa.Text, nullable=False),
        sa.Column("account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.Column("tax_rate", sa.Text, nullable=False),
        sa.Column("discount_percent", sa.Text, nullable=False),
        sa.UniqueConstraint("document_id", "position", name="uq_document_lines_position"),
    )


def _create_allocations() -> None:
    op.create_table(
        "credit_applications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("credit_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        _flag("voided", "credit_applications"),
    )
    op.create_index("ix_credit_applications_credit_id", "credit_applications", ["credit_id"])
    op.create_table(
        "allocations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("amount_minor", sa.Integer, nullable=False),
        sa.Column("payment_id", sa.Integer, sa.ForeignKey("payments.id"), nullable=True),
        sa.Column("credit_application_id", sa.Integer,
                  sa.ForeignKey("credit_applications.id"), nullable=True),
        _flag("voided", "allocations"),
        sa.CheckConstraint("amount_minor > 0", name="ck_allocations_amount_minor"),
        sa.CheckConstraint("(payment_id IS NULL) <> (credit_application_id IS NULL)",
                           name="ck_allocations_source"),
    )
    op.create_index("ix_allocations_open", "allocations",
                    ["document_id", "amount_minor", "voided"],
                    sqlite_where=sa.text("voided = 0"))
    op.create_index("ix_allocations_payment_id", "allocations", ["payment_id"],
                    sqlite_where=sa.text("payment_id IS NOT NULL"))
    op.create_index("ix_allocations_credit_application_id", "allocations",
                    ["credit_application_id"],
                    sqlite_where=sa.text("credit_application_id IS NOT NULL"))


def _create_ledger() -> None:
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("memo", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("source_type", sa.Text, nullable=False),
        sa.Column("source_id", sa.Integer, nullable=True),
        sa.Column("reverses_id", sa.Integer, sa.ForeignKey("journal_entries.id"),
                  nullable=True),
        _check_in("source_type", "'DOCUMENT', 'PAYMENT', 'MANUAL'",
                  "ck_journal_entries_source_type"),
    )
    op.create_index("ix_journal_entries_date", "journal_entries", ["date"])
    op.create_index("ix_journal_entries_source", "journal_entries", ["source_type", "source_id"])
    op.create_table(
        "journal_lines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("journal_entries.id"), nullable=False),
        sa.Column("account_code", sa.Text, sa.ForeignKey("accounts.code"), nullable=False),
        sa.Column("amount_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("memo", sa.Text, nullable=False, server_default=sa.text("''")),
    )
    op.create_index("ix_journal_lines_account", "journal_lines",
                    ["account_code", "currency", "amount_minor"])
    op.create_index("ix_journal_lines_entry", "journal_lines",
                    ["entry_id", "account_code", "currency", "amount_minor"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ts", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
    )


def _raise(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END"


def _append_only_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        + _raise(f"{table} is append-only: rows cannot be changed or deleted")
        for table in ("audit_log", "journal_entries", "journal_lines")
        for verb in ("UPDATE", "DELETE")
    ]


_OUTSTANDING = (
    "(SELECT d.total_minor FROM documents AS d WHERE d.id = NEW.document_id)"
    " - (SELECT COALESCE(SUM(a.amount_minor), 0) FROM allocations AS a"
    " WHERE a.document_id = NEW.document_id AND a.voided = 0)"
)


def _allocation_triggers() -> list[str]:
    return [
        "CREATE TRIGGER trg_allocations_within_outstanding BEFORE INSERT ON allocations "
        f"WHEN NEW.voided = 0 AND NEW.amount_minor > {_OUTSTANDING} "
        + _raise("allocation exceeds the outstanding amount of its document"),
        "CREATE TRIGGER trg_allocations_authorised_only BEFORE INSERT ON allocations "
        "WHEN NEW.voided = 0 AND (SELECT d.lifecycle FROM documents AS d "
        "WHERE d.id = NEW.document_id) <> 'AUTHORISED' "
        + _raise("only an authorised document can take an allocation"),
        "CREATE TRIGGER trg_allocations_only_void BEFORE UPDATE ON allocations "
        "WHEN NEW.id IS NOT OLD.id OR NEW.document_id IS NOT OLD.document_id "
        "OR NEW.amount_minor IS NOT OLD.amount_minor OR NEW.payment_id IS NOT OLD.payment_id "
        "OR NEW.credit_application_id IS NOT OLD.credit_application_id "
        "OR NEW.voided < OLD.voided "
        + _raise("an allocation can only be voided, never changed"),
        "CREATE TRIGGER trg_allocations_no_delete BEFORE DELETE ON allocations "
        + _raise("allocations are kept: void them instead of deleting"),
        "CREATE TRIGGER trg_payments_only_void BEFORE UPDATE ON payments "
        "WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind "
        "OR NEW.contact_id IS NOT OLD.contact_id OR NEW.date IS NOT OLD.date "
        "OR NEW.amount_minor IS NOT OLD.amount_minor OR NEW.currency IS NOT OLD.currency "
        "OR NEW.bank_account_code IS NOT OLD.bank_account_code "
        "OR NEW.client_token IS NOT OLD.client_token "
        "OR NEW.keep_excess_as_credit IS NOT OLD.keep_excess_as_credit "
        "OR NEW.voided < OLD.voided "
        + _raise("a payment can only be voided, never changed"),
        "CREATE TRIGGER trg_payments_no_delete BEFORE DELETE ON payments "
        + _raise("payments are kept: void them instead of deleting"),
    ]


_POSTED_FIELDS = (
    "id", "kind", "contact_id", "number", "reference", "issue_date", "due_date", "currency",
    "exchange_rate", "tax_mode", "total_minor", "source_payment_id",
)


def _document_triggers() -> list[str]:
    changed = " OR ".join(f"NEW.{name} IS NOT OLD.{name}" for name in _POSTED_FIELDS)
    return [
        "CREATE TRIGGER trg_documents_posted_frozen BEFORE UPDATE ON documents "
        f"WHEN OLD.lifecycle <> 'DRAFT' AND ({changed}) "
        + _raise("a posted document cannot be changed"),
        "CREATE TRIGGER trg_documents_lifecycle BEFORE UPDATE OF lifecycle ON documents "
        "WHEN NEW.lifecycle IS NOT OLD.lifecycle AND NOT (OLD.lifecycle = 'DRAFT' "
        "OR (OLD.lifecycle = 'AUTHORISED' AND NEW.lifecycle = 'VOIDED')) "
        + _raise("a document moves only from draft to authorised to voided"),
        "CREATE TRIGGER trg_documents_void_unallocated BEFORE UPDATE OF lifecycle ON documents "
        "WHEN NEW.lifecycle = 'VOIDED' AND OLD.lifecycle <> 'VOIDED' AND EXISTS ("
        "SELECT 1 FROM allocations AS a WHERE a.document_id = NEW.id AND a.voided = 0) "
        + _raise("a document with active allocations cannot be voided"),
        "CREATE TRIGGER trg_documents_no_delete BEFORE DELETE ON documents "
        "WHEN OLD.lifecycle <> 'DRAFT' "
        + _raise("only a draft document can be deleted"),
    ] + [
        f"CREATE TRIGGER trg_document_lines_{verb.lower()} BEFORE {verb} ON document_lines "
        f"WHEN EXISTS (SELECT 1 FROM documents AS d WHERE d.id IN ({ids}) "
        "AND d.lifecycle <> 'DRAFT') "
        + _raise("the lines of a posted document cannot be changed")
        for verb, ids in (
            ("INSERT", "NEW.document_id"),
            ("UPDATE", "OLD.document_id, NEW.document_id"),
            ("DELETE", "OLD.document_id"),
        )
    ]


def upgrade() -> None:
    _create_reference_tables()
    _create_payments()
    _create_documents()
    _create_document_lines()
    _create_allocations()
    _create_ledger()
    for statement in _append_only_triggers() + _allocation_triggers() + _document_triggers():
        op.execute(statement)


def downgrade() -> None:
    for table in (
        "audit_log", "journal_lines", "journal_entries", "allocations", "credit_applications",
        "document_lines", "documents", "payments", "number_series", "contacts", "accounts",
        "settings",
    ):
        op.drop_table(table)
