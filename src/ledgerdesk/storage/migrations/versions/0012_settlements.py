"""Settlement days: per posted document, the day from which it owes nothing on any later
date (NULL while it owes), so the aging on a date reads only the documents that may owe
something then instead of every document and allocation of a side (issue 18).

- ``document_settlements``: (document) -> kind, the first day it can owe
  anything (its issue, or an earlier allocation), settled on.  A derived table, a
  cache: no amount in it, what a document owes is still summed from its allocations; it
  only says which documents can be skipped on a date.  ``check`` re-derives and compares.
- Outstanding on a date moves only on the document's own days (its issue, its void, each
  allocation's payment or credit application, each voided payment's reversal), so a
  document that owes nothing today owed nothing from the latest of those days on.
- Five triggers re-derive the row of every document a change touches, in the change's own
  transaction: a posted document inserted or its lifecycle moved, an allocation added or
  voided, a reversal entry (of a document, or of a payment: its allocated documents and
  the credit it kept).
- ``ix_allocations_document``: every allocation by document, voided ones too (the partial
  ``ix_allocations_open`` has only the active ones).
- A fresh load drops the INSERT triggers while it fills the book and rebuilds the table
  in one pass before it commits.

The SQL is frozen here as it was written (``storage.settlement_sql`` is the live copy).
The upgrade fills the table from the documents in one pass; the downgrade drops it, its
triggers and the index (nothing else refers to them).

Revision ID: 0012_settlements
Revises: 0011_rates
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_settlements"
down_revision = "0011_rates"
branch_labels = None
depends_on = None

REBUILD = (
    'INSERT INTO document_settlements (document_id, kind, opened_on, settled_on) SELECT d.id '
    'AS document_id, d.kind, MIN(d.issue_date, COALESCE((SELECT MIN(p.date) FROM allocations '
    'AS a JOIN payments AS p ON p.id = a.payment_id WHERE a.document_id = d.id), '
    "'9999-12-31'), COALESCE((SELECT MIN(ca.date) FROM allocations AS a JOIN "
    'credit_applications AS ca ON ca.id = a.credit_application_id WHERE a.document_id = '
    "d.id), '9999-12-31')) AS opened_on, CASE WHEN (CASE WHEN d.lifecycle = 'AUTHORISED' THEN"
    ' (d.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a WHERE '
    'a.document_id = d.id AND a.voided = 0), 0)) ELSE 0 END) = 0 THEN MAX(d.issue_date, '
    'COALESCE((SELECT MAX(p.date) FROM allocations AS a JOIN payments AS p ON p.id = '
    "a.payment_id WHERE a.document_id = d.id), ''), COALESCE((SELECT MAX(ca.date) FROM "
    'allocations AS a JOIN credit_applications AS ca ON ca.id = a.credit_application_id WHERE'
    " a.document_id = d.id), ''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e "
    "WHERE e.source_type = 'DOCUMENT' AND e.source_id = d.id AND e.reverses_id IS NOT NULL), "
    "''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e WHERE e.source_type = "
    "'PAYMENT' AND e.source_id = d.source_payment_id AND e.reverses_id IS NOT NULL), ''), "
    'COALESCE((SELECT MAX(e.date) FROM allocations AS a JOIN journal_entries AS e ON '
    "e.source_type = 'PAYMENT' AND e.source_id = a.payment_id AND e.reverses_id IS NOT NULL "
    "WHERE a.document_id = d.id), '')) END AS settled_on FROM documents AS d WHERE "
    "d.lifecycle <> 'DRAFT'"
)

_TRG_DOCUMENTS_SETTLEMENT_INSERT = (
    'CREATE TRIGGER trg_documents_settlement_insert AFTER INSERT ON documents WHEN '
    "NEW.lifecycle <> 'DRAFT' BEGIN INSERT INTO document_settlements (document_id, kind, "
    'opened_on, settled_on) SELECT d.id AS document_id, d.kind, MIN(d.issue_date, '
    'COALESCE((SELECT MIN(p.date) FROM allocations AS a JOIN payments AS p ON p.id = '
    "a.payment_id WHERE a.document_id = d.id), '9999-12-31'), COALESCE((SELECT MIN(ca.date) "
    'FROM allocations AS a JOIN credit_applications AS ca ON ca.id = a.credit_application_id '
    "WHERE a.document_id = d.id), '9999-12-31')) AS opened_on, CASE WHEN (CASE WHEN "
    "d.lifecycle = 'AUTHORISED' THEN (d.total_minor - COALESCE((SELECT SUM(a.amount_minor) "
    'FROM allocations AS a WHERE a.document_id = d.id AND a.voided = 0), 0)) ELSE 0 END) = 0 '
    'THEN MAX(d.issue_date, COALESCE((SELECT MAX(p.date) FROM allocations AS a JOIN payments '
    "AS p ON p.id = a.payment_id WHERE a.document_id = d.id), ''), COALESCE((SELECT "
    'MAX(ca.date) FROM allocations AS a JOIN credit_applications AS ca ON ca.id = '
    "a.credit_application_id WHERE a.document_id = d.id), ''), COALESCE((SELECT MAX(e.date) "
    "FROM journal_entries AS e WHERE e.source_type = 'DOCUMENT' AND e.source_id = d.id AND "
    "e.reverses_id IS NOT NULL), ''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e "
    "WHERE e.source_type = 'PAYMENT' AND e.source_id = d.source_payment_id AND e.reverses_id "
    "IS NOT NULL), ''), COALESCE((SELECT MAX(e.date) FROM allocations AS a JOIN "
    "journal_entries AS e ON e.source_type = 'PAYMENT' AND e.source_id = a.payment_id AND "
    "e.reverses_id IS NOT NULL WHERE a.document_id = d.id), '')) END AS settled_on FROM "
    "documents AS d WHERE d.lifecycle <> 'DRAFT' AND d.id IN (SELECT NEW.id) ON CONFLICT "
    '(document_id) DO UPDATE SET opened_on = excluded.opened_on, settled_on = '
    'excluded.settled_on; END'
)

_TRG_DOCUMENTS_SETTLEMENT_LIFECYCLE = (
    'CREATE TRIGGER trg_documents_settlement_lifecycle AFTER UPDATE OF lifecycle ON documents'
    " WHEN NEW.lifecycle <> 'DRAFT' BEGIN INSERT INTO document_settlements (document_id, "
    'kind, opened_on, settled_on) SELECT d.id AS document_id, d.kind, MIN(d.issue_date, '
    'COALESCE((SELECT MIN(p.date) FROM allocations AS a JOIN payments AS p ON p.id = '
    "a.payment_id WHERE a.document_id = d.id), '9999-12-31'), COALESCE((SELECT MIN(ca.date) "
    'FROM allocations AS a JOIN credit_applications AS ca ON ca.id = a.credit_application_id '
    "WHERE a.document_id = d.id), '9999-12-31')) AS opened_on, CASE WHEN (CASE WHEN "
    "d.lifecycle = 'AUTHORISED' THEN (d.total_minor - COALESCE((SELECT SUM(a.amount_minor) "
    'FROM allocations AS a WHERE a.document_id = d.id AND a.voided = 0), 0)) ELSE 0 END) = 0 '
    'THEN MAX(d.issue_date, COALESCE((SELECT MAX(p.date) FROM allocations AS a JOIN payments '
    "AS p ON p.id = a.payment_id WHERE a.document_id = d.id), ''), COALESCE((SELECT "
    'MAX(ca.date) FROM allocations AS a JOIN credit_applications AS ca ON ca.id = '
    "a.credit_application_id WHERE a.document_id = d.id), ''), COALESCE((SELECT MAX(e.date) "
    "FROM journal_entries AS e WHERE e.source_type = 'DOCUMENT' AND e.source_id = d.id AND "
    "e.reverses_id IS NOT NULL), ''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e "
    "WHERE e.source_type = 'PAYMENT' AND e.source_id = d.source_payment_id AND e.reverses_id "
    "IS NOT NULL), ''), COALESCE((SELECT MAX(e.date) FROM allocations AS a JOIN "
    "journal_entries AS e ON e.source_type = 'PAYMENT' AND e.source_id = a.payment_id AND "
    "e.reverses_id IS NOT NULL WHERE a.document_id = d.id), '')) END AS settled_on FROM "
    "documents AS d WHERE d.lifecycle <> 'DRAFT' AND d.id IN (SELECT NEW.id) ON CONFLICT "
    '(document_id) DO UPDATE SET opened_on = excluded.opened_on, settled_on = '
    'excluded.settled_on; END'
)

_TRG_ALLOCATIONS_SETTLEMENT_INSERT = (
    'CREATE TRIGGER trg_allocations_settlement_insert AFTER INSERT ON allocations BEGIN '
    'INSERT INTO document_settlements (document_id, kind, opened_on, settled_on) SELECT d.id '
    'AS document_id, d.kind, MIN(d.issue_date, COALESCE((SELECT MIN(p.date) FROM allocations '
    'AS a JOIN payments AS p ON p.id = a.payment_id WHERE a.document_id = d.id), '
    "'9999-12-31'), COALESCE((SELECT MIN(ca.date) FROM allocations AS a JOIN "
    'credit_applications AS ca ON ca.id = a.credit_application_id WHERE a.document_id = '
    "d.id), '9999-12-31')) AS opened_on, CASE WHEN (CASE WHEN d.lifecycle = 'AUTHORISED' THEN"
    ' (d.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a WHERE '
    'a.document_id = d.id AND a.voided = 0), 0)) ELSE 0 END) = 0 THEN MAX(d.issue_date, '
    'COALESCE((SELECT MAX(p.date) FROM allocations AS a JOIN payments AS p ON p.id = '
    "a.payment_id WHERE a.document_id = d.id), ''), COALESCE((SELECT MAX(ca.date) FROM "
    'allocations AS a JOIN credit_applications AS ca ON ca.id = a.credit_application_id WHERE'
    " a.document_id = d.id), ''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e "
    "WHERE e.source_type = 'DOCUMENT' AND e.source_id = d.id AND e.reverses_id IS NOT NULL), "
    "''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e WHERE e.source_type = "
    "'PAYMENT' AND e.source_id = d.source_payment_id AND e.reverses_id IS NOT NULL), ''), "
    'COALESCE((SELECT MAX(e.date) FROM allocations AS a JOIN journal_entries AS e ON '
    "e.source_type = 'PAYMENT' AND e.source_id = a.payment_id AND e.reverses_id IS NOT NULL "
    "WHERE a.document_id = d.id), '')) END AS settled_on FROM documents AS d WHERE "
    "d.lifecycle <> 'DRAFT' AND d.id IN (SELECT NEW.document_id) ON CONFLICT (document_id) DO"
    ' UPDATE SET opened_on = excluded.opened_on, settled_on = excluded.settled_on; END'
)

_TRG_ALLOCATIONS_SETTLEMENT_VOID = (
    'CREATE TRIGGER trg_allocations_settlement_void AFTER UPDATE OF voided ON allocations '
    'BEGIN INSERT INTO document_settlements (document_id, kind, opened_on, settled_on) SELECT'
    ' d.id AS document_id, d.kind, MIN(d.issue_date, COALESCE((SELECT MIN(p.date) FROM '
    'allocations AS a JOIN payments AS p ON p.id = a.payment_id WHERE a.document_id = d.id), '
    "'9999-12-31'), COALESCE((SELECT MIN(ca.date) FROM allocations AS a JOIN "
    'credit_applications AS ca ON ca.id = a.credit_application_id WHERE a.document_id = '
    "d.id), '9999-12-31')) AS opened_on, CASE WHEN (CASE WHEN d.lifecycle = 'AUTHORISED' THEN"
    ' (d.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a WHERE '
    'a.document_id = d.id AND a.voided = 0), 0)) ELSE 0 END) = 0 THEN MAX(d.issue_date, '
    'COALESCE((SELECT MAX(p.date) FROM allocations AS a JOIN payments AS p ON p.id = '
    "a.payment_id WHERE a.document_id = d.id), ''), COALESCE((SELECT MAX(ca.date) FROM "
    'allocations AS a JOIN credit_applications AS ca ON ca.id = a.credit_application_id WHERE'
    " a.document_id = d.id), ''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e "
    "WHERE e.source_type = 'DOCUMENT' AND e.source_id = d.id AND e.reverses_id IS NOT NULL), "
    "''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e WHERE e.source_type = "
    "'PAYMENT' AND e.source_id = d.source_payment_id AND e.reverses_id IS NOT NULL), ''), "
    'COALESCE((SELECT MAX(e.date) FROM allocations AS a JOIN journal_entries AS e ON '
    "e.source_type = 'PAYMENT' AND e.source_id = a.payment_id AND e.reverses_id IS NOT NULL "
    "WHERE a.document_id = d.id), '')) END AS settled_on FROM documents AS d WHERE "
    "d.lifecycle <> 'DRAFT' AND d.id IN (SELECT NEW.document_id) ON CONFLICT (document_id) DO"
    ' UPDATE SET opened_on = excluded.opened_on, settled_on = excluded.settled_on; END'
)

_TRG_JOURNAL_ENTRIES_SETTLEMENT_REVERSAL = (
    'CREATE TRIGGER trg_journal_entries_settlement_reversal AFTER INSERT ON journal_entries '
    'WHEN NEW.reverses_id IS NOT NULL BEGIN INSERT INTO document_settlements (document_id, '
    'kind, opened_on, settled_on) SELECT d.id AS document_id, d.kind, MIN(d.issue_date, '
    'COALESCE((SELECT MIN(p.date) FROM allocations AS a JOIN payments AS p ON p.id = '
    "a.payment_id WHERE a.document_id = d.id), '9999-12-31'), COALESCE((SELECT MIN(ca.date) "
    'FROM allocations AS a JOIN credit_applications AS ca ON ca.id = a.credit_application_id '
    "WHERE a.document_id = d.id), '9999-12-31')) AS opened_on, CASE WHEN (CASE WHEN "
    "d.lifecycle = 'AUTHORISED' THEN (d.total_minor - COALESCE((SELECT SUM(a.amount_minor) "
    'FROM allocations AS a WHERE a.document_id = d.id AND a.voided = 0), 0)) ELSE 0 END) = 0 '
    'THEN MAX(d.issue_date, COALESCE((SELECT MAX(p.date) FROM allocations AS a JOIN payments '
    "AS p ON p.id = a.payment_id WHERE a.document_id = d.id), ''), COALESCE((SELECT "
    'MAX(ca.date) FROM allocations AS a JOIN credit_applications AS ca ON ca.id = '
    "a.credit_application_id WHERE a.document_id = d.id), ''), COALESCE((SELECT MAX(e.date) "
    "FROM journal_entries AS e WHERE e.source_type = 'DOCUMENT' AND e.source_id = d.id AND "
    "e.reverses_id IS NOT NULL), ''), COALESCE((SELECT MAX(e.date) FROM journal_entries AS e "
    "WHERE e.source_type = 'PAYMENT' AND e.source_id = d.source_payment_id AND e.reverses_id "
    "IS NOT NULL), ''), COALESCE((SELECT MAX(e.date) FROM allocations AS a JOIN "
    "journal_entries AS e ON e.source_type = 'PAYMENT' AND e.source_id = a.payment_id AND "
    "e.reverses_id IS NOT NULL WHERE a.document_id = d.id), '')) END AS settled_on FROM "
    "documents AS d WHERE d.lifecycle <> 'DRAFT' AND d.id IN (SELECT NEW.source_id WHERE "
    "NEW.source_type = 'DOCUMENT' UNION SELECT a.document_id FROM allocations AS a WHERE "
    "NEW.source_type = 'PAYMENT' AND a.payment_id = NEW.source_id UNION SELECT k.id FROM "
    "documents AS k WHERE NEW.source_type = 'PAYMENT' AND k.source_payment_id = "
    'NEW.source_id) ON CONFLICT (document_id) DO UPDATE SET opened_on = excluded.opened_on, '
    'settled_on = excluded.settled_on; END'
)

TRIGGERS = {
    "trg_documents_settlement_insert": _TRG_DOCUMENTS_SETTLEMENT_INSERT,
    "trg_documents_settlement_lifecycle": _TRG_DOCUMENTS_SETTLEMENT_LIFECYCLE,
    "trg_allocations_settlement_insert": _TRG_ALLOCATIONS_SETTLEMENT_INSERT,
    "trg_allocations_settlement_void": _TRG_ALLOCATIONS_SETTLEMENT_VOID,
    "trg_journal_entries_settlement_reversal": _TRG_JOURNAL_ENTRIES_SETTLEMENT_REVERSAL,
}


def upgrade() -> None:
    op.create_index("ix_allocations_document", "allocations", ["document_id"])
    op.create_table(
        "document_settlements",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True,
                  autoincrement=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("opened_on", sa.Text, nullable=False),
        sa.Column("settled_on", sa.Text, nullable=True),
    )
    op.execute(REBUILD)
    op.create_index("ix_document_settlements_open", "document_settlements",
                    ["kind", "settled_on", "opened_on"])
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("document_settlements")
    op.drop_index("ix_allocations_document", "allocations")
