"""The book's schema as SQLAlchemy Core tables (no ORM).

This metadata must agree exactly with what the migrations build; a test runs Alembic's
``compare_metadata`` against a migrated file.  Money columns end in ``_minor`` and are
``MinorUnits``; each row that holds money also holds its currency.  A document's outstanding
amount is never stored: it is ``total_minor`` minus its active allocations.
"""

from __future__ import annotations

import enum

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle, Side, TaxMode
from ledgerdesk.domain.ledger import AccountRole, AccountType, SourceType
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.storage.coltypes import ExactDecimal, IsoDate, JsonText, MinorUnits

metadata = MetaData()


def one_of(column: str, values: type[enum.Enum], name: str) -> CheckConstraint:
    """A CHECK that ``column`` holds one of an enum's values.

    Spelled as ORs, not ``IN (...)``: SQLite rebuilds an IN list's lookup table on every
    executemany row, which made bulk inserts of documents 60 % slower.
    """
    return CheckConstraint(" OR ".join(f"{column} = '{m.value}'" for m in values), name=name)


def flag(name: str, table: str) -> Column:
    """A 0/1 boolean column."""
    return Column(
        name, Integer,
        CheckConstraint(f"{name} = 0 OR {name} = 1", name=f"ck_{table}_{name}"),
        nullable=False, server_default=text("0"),
    )


settings = Table(
    "settings", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

accounts = Table(
    "accounts", metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("role", Text, nullable=True),
    flag("archived", "accounts"),  # 0004: kept in history and reports, nothing new posted
    Column("currency", Text, nullable=True),  # 0013: a bank account's; NULL: home
    one_of("type", AccountType, "ck_accounts_type"),
    one_of("role", AccountRole, "ck_accounts_role"),
)

contacts = Table(
    "contacts", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text(collation="NOCASE"), nullable=False),
    Column("role", Text, nullable=False),
    Column("email", Text, nullable=False, server_default=text("''")),
    Column("tax_number", Text, nullable=False, server_default=text("''")),
    Column("payment_terms_days", Integer, nullable=False, server_default=text("30")),
    Column("address", Text, nullable=False, server_default=text("''")),  # 0003
    Column("currency", Text, nullable=True),  # 0013: a new document's; NULL: home
    one_of("role", ContactRole, "ck_contacts_role"),
    Index("ix_contacts_name", "name"),
)

number_series = Table(
    "number_series", metadata,
    Column("kind", Text, primary_key=True),
    Column("prefix", Text, nullable=False),
    Column("next_number", Integer, nullable=False),
    one_of("kind", DocumentKind, "ck_number_series_kind"),
    CheckConstraint("next_number >= 1", name="ck_number_series_next_number"),
)

payments = Table(
    "payments", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("contact_id", Integer, ForeignKey("contacts.id"), nullable=False),
    Column("date", IsoDate, nullable=False),
    Column("amount_minor", MinorUnits, nullable=False),
    Column("currency", Text, nullable=False),
    Column("bank_account_code", Text, ForeignKey("accounts.code"), nullable=False),
    Column("reference", Text, nullable=False, server_default=text("''")),
    Column("client_token", Text, nullable=False),
    flag("keep_excess_as_credit", "payments"),
    flag("voided", "payments"),
    # 0013: home units per unit of the payment's currency
    Column("exchange_rate", ExactDecimal, nullable=False, server_default=text("'1'")),
    one_of("kind", PaymentKind, "ck_payments_kind"),
    CheckConstraint("amount_minor > 0", name="ck_payments_amount_minor"),
    UniqueConstraint("client_token", name="uq_payments_client_token"),
    Index("ix_payments_contact_id", "contact_id"),
    Index("ix_payments_date", "date"),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("contact_id", Integer, ForeignKey("contacts.id"), nullable=False),
    Column("number", Text, nullable=True),
    Column("reference", Text, nullable=False, server_default=text("''")),
    Column("issue_date", IsoDate, nullable=False),
    Column("due_date", IsoDate, nullable=False),
    Column("currency", Text, nullable=False),
    Column("exchange_rate", ExactDecimal, nullable=False),
    Column("tax_mode", Text, nullable=False),
    Column("lifecycle", Text, nullable=False),
    Column("total_minor", MinorUnits, nullable=False),
    Column("source_payment_id", Integer, ForeignKey("payments.id"), nullable=True),
    Column("extra", JsonText, nullable=False, server_default="{}"),
    Column("tax_rounding", Text, nullable=False, server_default=text("'PER_LINE'")),  # 0004
    one_of("kind", DocumentKind, "ck_documents_kind"),
    one_of("tax_rounding", TaxRounding, "ck_documents_tax_rounding"),
    one_of("tax_mode", TaxMode, "ck_documents_tax_mode"),
    one_of("lifecycle", Lifecycle, "ck_documents_lifecycle"),
    CheckConstraint("lifecycle <> 'AUTHORISED' OR number IS NOT NULL", name="ck_documents_number"),
    CheckConstraint("total_minor >= 0", name="ck_documents_total_minor"),
    UniqueConstraint("number", "kind", name="uq_documents_number_kind"),
    Index("ix_documents_kind_lifecycle_due_date", "kind", "lifecycle", "due_date"),
    Index("ix_documents_contact", "contact_id", "kind", "issue_date"),
    Index("ix_documents_kind_issue_date", "kind", "issue_date"),
    Index(
        "ix_documents_source_payment_id", "source_payment_id",
        sqlite_where=text("source_payment_id IS NOT NULL"),
    ),
)

tax_codes = Table(  # 0004
    "tax_codes", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text(collation="NOCASE"), nullable=False),
    Column("side", Text, nullable=False),
    Column("rate", ExactDecimal, nullable=False),
    Column("account_code", Text, ForeignKey("accounts.code"), nullable=False),
    one_of("side", Side, "ck_tax_codes_side"),
    UniqueConstraint("side", "name", name="uq_tax_codes_side_name"),
)

document_lines = Table(
    "document_lines", metadata,
    Column("id", Integer, primary_key=True),
    # Deferred so that a posted document's lines can be written before its row (the
    # triggers refuse any line change once the document row says it is not a draft).
    Column(
        "document_id", Integer,
        ForeignKey("documents.id", ondelete="CASCADE", deferrable=True, initially="DEFERRED"),
        nullable=False,
    ),
    Column("position", Integer, nullable=False),
    Column("description", Text, nullable=False, server_default=text("''")),
    Column("quantity", ExactDecimal, nullable=False),
    Column("unit_price", ExactDecimal, nullable=False),
    Column("account_code", Text, ForeignKey("accounts.code"), nullable=False),
    Column("tax_rate", ExactDecimal, nullable=False),
    Column("discount_percent", ExactDecimal, nullable=False),
    Column("tax_code_id", Integer, ForeignKey("tax_codes.id"), nullable=True),  # 0004
    UniqueConstraint("document_id", "position", name="uq_document_lines_position"),
    Index("ix_document_lines_tax_code_id", "tax_code_id"),
)

credit_applications = Table(
    "credit_applications", metadata,
    Column("id", Integer, primary_key=True),
    Column("credit_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("date", IsoDate, nullable=False),
    flag("voided", "credit_applications"),
    Index("ix_credit_applications_credit_id", "credit_id"),
)

allocations = Table(
    "allocations", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("amount_minor", MinorUnits, nullable=False),
    Column("payment_id", Integer, ForeignKey("payments.id"), nullable=True),
    # 0013: what it took off the control account at home; NULL: the amount (home money)
    Column("home_minor", MinorUnits, nullable=True),
    Column(
        "credit_application_id", Integer, ForeignKey("credit_applications.id"), nullable=True
    ),
    flag("voided", "allocations"),
    CheckConstraint("amount_minor > 0", name="ck_allocations_amount_minor"),
    CheckConstraint(
        "(payment_id IS NULL) <> (credit_application_id IS NULL)", name="ck_allocations_source"
    ),
    # Covering for SUM(amount_minor) ... WHERE voided = 0: SQLite 3.40 counts a column of
    # the partial index's WHERE as "needed", so voided is in the key although always 0.
    Index(
        "ix_allocations_open", "document_id", "amount_minor", "voided",
        sqlite_where=text("voided = 0"),
    ),
    # Every allocation of a document, voided too: the aging reads a voided payment's until
    # its reversal, and the settlement days every allocation's day (0012_settlements).
    Index("ix_allocations_document", "document_id"),
    Index(
        "ix_allocations_payment_id", "payment_id",
        sqlite_where=text("payment_id IS NOT NULL"),
    ),
    Index(
        "ix_allocations_credit_application_id", "credit_application_id",
        sqlite_where=text("credit_application_id IS NOT NULL"),
    ),
)

journal_entries = Table(
    "journal_entries", metadata,
    Column("id", Integer, primary_key=True),
    Column("date", IsoDate, nullable=False),
    Column("memo", Text, nullable=False, server_default=text("''")),
    Column("source_type", Text, nullable=False),
    Column("source_id", Integer, nullable=True),
    Column("reverses_id", Integer, ForeignKey("journal_entries.id"), nullable=True),
    one_of("source_type", SourceType, "ck_journal_entries_source_type"),
    Index("ix_journal_entries_date", "date"),
    Index("ix_journal_entries_source", "source_type", "source_id"),
    # 0008: is an entry reversed (a reconciliation clears only live postings)?
    Index("ix_journal_entries_reverses", "reverses_id",
          sqlite_where=text("reverses_id IS NOT NULL")),
)

journal_lines = Table(
    "journal_lines", metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", Integer, ForeignKey("journal_entries.id"), nullable=False),
    Column("account_code", Text, ForeignKey("accounts.code"), nullable=False),
    Column("amount_minor", MinorUnits, nullable=False),  # debit positive, credit negative
    Column("currency", Text, nullable=False),
    Column("memo", Text, nullable=False, server_default=text("''")),
    # 0013: the amount in its own currency, on lines that hold foreign money only
    Column("foreign_minor", MinorUnits, nullable=True),
    Column("foreign_currency", Text, nullable=True),
    # 0013: the few lines with foreign money, by account (the general ledger's column)
    Index("ix_journal_lines_foreign", "account_code",
          sqlite_where=text("foreign_currency IS NOT NULL")),
    Index("ix_journal_lines_account", "account_code", "currency", "amount_minor"),
    # Covering for trial balances as of a date (entries by date, then their lines).
    Index("ix_journal_lines_entry", "entry_id", "account_code", "currency", "amount_minor"),
)

tax_settlements = Table(  # 0004: a tax return's payment (or refund), one per period
    "tax_settlements", metadata,
    Column("id", Integer, primary_key=True),
    Column("period_start", IsoDate, nullable=False),
    Column("period_end", IsoDate, nullable=False),
    Column("date", IsoDate, nullable=False),
    Column("amount_minor", MinorUnits, nullable=False),  # the net due: paid +, refunded -
    Column("currency", Text, nullable=False),
    Column("bank_account_code", Text, ForeignKey("accounts.code"), nullable=False),
    CheckConstraint("period_start <= period_end", name="ck_tax_settlements_period"),
    CheckConstraint("amount_minor <> 0", name="ck_tax_settlements_amount_minor"),
    Index("ix_tax_settlements_period", "period_start", "period_end"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("ts", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("entity", Text, nullable=False),
    Column("entity_id", Integer, nullable=True),
    Column("detail", JsonText, nullable=False),
    # The user the book was opened for (migration 0006_audit; '' before it, or unknown).
    Column("who", Text, nullable=False, server_default=text("''")),
)

# The sync tables share this metadata (migration 0002); imported last, as they import it.
from ledgerdesk.storage import sync_tables  # noqa: E402, F401, I001

# So do the manual journals' headers (migration 0005_journals).
from ledgerdesk.storage import journal_tables  # noqa: E402, F401

# And the bank rules (migration 0008_bank_rules).
from ledgerdesk.storage import bank_tables  # noqa: E402, F401
# And the bank reconciliations (migration 0009_reconciliations).
from ledgerdesk.storage import reconciliation_tables  # noqa: E402, F401
# And the running balances (migration 0010_account_days).
from ledgerdesk.storage import balance_tables  # noqa: E402, F401
# And the exchange rates (migration 0011_rates).
from ledgerdesk.storage import rate_tables  # noqa: E402, F401
# And the settlement days (migration 0012_settlements).
from ledgerdesk.storage import settlement_tables  # noqa: E402, F401
