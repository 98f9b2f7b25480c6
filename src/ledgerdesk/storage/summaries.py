"""The SELECTs behind the read models (document, payment and contact summaries) and their rows.

Shared by the streamed lists in ``queries`` and the paged lists in ``pages``, so a row looks
the same whichever way a view fetched it.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary
from ledgerdesk.storage.mapping import as_date
from ledgerdesk.storage.sql import (
    OUTSTANDING,
    OWED,
    PURCHASE_KINDS,
    SALES_KINDS,
    kinds_list,
    signed_kind,
)

#: The setting naming the book's own currency.
BASE_CURRENCY_KEY = "base_currency"
_NO_CURRENCY = "XXX"  # ISO 4217 "no currency", for the zeros of an empty book

#: ``WHERE`` for rows whose id is in a JSON list given as the one parameter.
IN_JSON_IDS = "IN (SELECT value FROM json_each(?))"


def document_summary_sql(index: str | None = None) -> str:
    """The summary columns over ``documents AS d`` (``INDEXED BY index`` when given: without
    statistics the planner would sometimes take the (kind, lifecycle) index and sort)."""
    indexed = f" INDEXED BY {index}" if index else ""
    return (
        "SELECT d.id, d.kind, d.number, d.contact_id, c.name AS contact_name, d.issue_date,"
        " d.due_date, d.reference, d.currency, d.exchange_rate, d.total_minor, d.lifecycle,"
        f" {OWED} AS outstanding_minor"
        f" FROM documents AS d{indexed} JOIN contacts AS c ON c.id = d.contact_id"
    )


def document_summary(row) -> DocumentSummary:
    return DocumentSummary(
        id=row.id, kind=DocumentKind(row.kind), number=row.number or "",
        contact_id=row.contact_id, contact_name=row.contact_name,
        issue_date=as_date(row.issue_date), due_date=as_date(row.due_date),
        reference=row.reference, total=Money.from_minor(row.total_minor, row.currency),
        outstanding=Money.from_minor(row.outstanding_minor, row.currency),
        lifecycle=Lifecycle(row.lifecycle), exchange_rate=Decimal(row.exchange_rate),
    )


PAYMENT_SUMMARY_SQL = (
    "SELECT p.id, p.kind, p.date, p.contact_id, c.name AS contact_name,"
    " p.amount_minor, p.currency, p.reference, p.bank_account_code, p.voided,"
    " COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a"
    " WHERE a.payment_id = p.id), 0) AS allocated_minor,"
    " COALESCE((SELECT group_concat(d.number, ', ') FROM allocations AS a"
    " JOIN documents AS d ON d.id = a.document_id WHERE a.payment_id = p.id), '')"
    " AS documents, COALESCE((SELECT d.currency FROM allocations AS a JOIN documents AS d"
    " ON d.id = a.document_id WHERE a.payment_id = p.id LIMIT 1), p.currency) AS settles"
    " FROM payments AS p JOIN contacts AS c ON c.id = p.contact_id"
)


_PAYMENT_KINDS = {kind.value: kind for kind in PaymentKind}


def payment_summary(row) -> PaymentSummary:
    """A row of ``PAYMENT_SUMMARY_SQL``, unpacked by position: an export reads 150,000 of
    these, and SQLAlchemy's by-name access cost more than everything else together."""
    (payment_id, kind, date, contact_id, contact_name, amount_minor, currency, reference,
     bank_account_code, voided, allocated_minor, documents, settles) = row
    return PaymentSummary(
        id=payment_id, kind=_PAYMENT_KINDS[kind], date=as_date(date),
        contact_id=contact_id, contact_name=contact_name,
        amount=Money.from_minor(amount_minor, currency),
        allocated=Money.from_minor(allocated_minor, settles),  # the documents' currency
        reference=reference, bank_account_code=bank_account_code,
        voided=bool(voided), documents=documents,
    )


#: Signed outstanding of the authorised documents ``d`` on each side, for SUM(...).
RECEIVABLE_TERM = (
    f"CASE WHEN d.kind IN ({kinds_list(SALES_KINDS)})"
    f" THEN {signed_kind(Side.SALES)} * {OUTSTANDING} END"
)
PAYABLE_TERM = (
    f"CASE WHEN d.kind IN ({kinds_list(PURCHASE_KINDS)})"
    f" THEN {signed_kind(Side.PURCHASES)} * {OUTSTANDING} END"
)

#: One row per contact and currency of its authorised documents (one with NULLs if none).
CONTACT_BALANCES_SQL = (
    "SELECT c.id, c.name, c.role, c.email, d.currency AS currency,"
    f" COALESCE(SUM({RECEIVABLE_TERM}), 0) AS receivable,"
    f" COALESCE(SUM({PAYABLE_TERM}), 0) AS payable"
    " FROM contacts AS c LEFT JOIN documents AS d"
    " ON d.contact_id = c.id AND d.lifecycle = 'AUTHORISED'"
)


def book_currency(conn: Connection) -> str:
    value = conn.exec_driver_sql(
        "SELECT value FROM settings WHERE key = ?", (BASE_CURRENCY_KEY,)
    ).scalar()
    if value:
        return value
    first = conn.exec_driver_sql("SELECT currency FROM documents ORDER BY id LIMIT 1").scalar()
    return first or _NO_CURRENCY


def contact_summary(rows: list, base: str) -> ContactSummary:
    """One contact from its rows per currency: the book's currency if it has any, else the
    first currency by code (``contact_balance_order`` sorts by the same choice)."""
    by_currency = {row.currency: row for row in rows if row.currency is not None}
    currency = base if base in by_currency or not by_currency else min(by_currency)
    chosen = by_currency.get(currency)
    first = rows[0]
    return ContactSummary(
        id=first.id, name=first.name, role=ContactRole(first.role), email=first.email,
        receivable=Money.from_minor(chosen.receivable if chosen else 0, currency),
        payable=Money.from_minor(chosen.payable if chosen else 0, currency),
    )
