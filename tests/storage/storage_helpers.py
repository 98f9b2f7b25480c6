"""Builders shared by the storage tests: documents, payments and raw file access."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from decimal import Decimal
from pathlib import Path

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.documents import Document, DocumentKind, Lifecycle, LineItem
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, Payment, PaymentKind
from ledgerdesk.domain.postings import ChartRoles, document_entry, payment_entry
from ledgerdesk.storage.transaction import SqliteTransaction

ROLES = ChartRoles(receivable="1100", payable="2000", sales_tax="2200")
DAY = dt.date(2024, 3, 1)
_tokens = itertools.count(1)


def raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, as another tool would open the file."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def add_customer(tx: SqliteTransaction, name: str = "Acme Ltd") -> int:
    return tx.add_contact(Contact(name, ContactRole.BOTH, email="ap@acme.test"))


def invoice(
    contact_id: int,
    *prices: str,
    kind: DocumentKind = DocumentKind.SALES_INVOICE,
    currency: str = "EUR",
    issue: dt.date = DAY,
    due_days: int = 30,
) -> Document:
    lines = tuple(
        LineItem(f"item {i}", Decimal(1), Decimal(price), "4000" if kind.side.value == "SALES"
                 else "6100", Decimal(0))
        for i, price in enumerate(prices)
    )
    return Document(kind, contact_id, issue, issue + dt.timedelta(days=due_days), currency, lines)


def authorise(tx: SqliteTransaction, doc: Document) -> int:
    """Save, number, authorise and post a document the way the services do."""
    document_id = tx.add_document(doc)
    tx.mark_authorised(document_id, tx.take_number(doc.kind))
    saved = tx.get_document(document_id)
    assert saved is not None
    if not saved.kind.is_prepayment:
        tx.post(document_entry(saved, ROLES))
    return document_id


def pay(
    tx: SqliteTransaction,
    contact_id: int,
    amount: str,
    *allocations: tuple[int, str],
    currency: str = "EUR",
    kind: PaymentKind = PaymentKind.CUSTOMER_RECEIPT,
    keep_excess: bool = False,
    token: str | None = None,
) -> int:
    """Record and post a payment; with ``keep_excess`` also its prepayment document."""
    payment = Payment(
        kind, contact_id, DAY, Money.of(amount, currency), "1000",
        tuple(Allocation(doc_id, Money.of(value, currency)) for doc_id, value in allocations),
        keep_excess_as_credit=keep_excess, client_token=token or f"token-{next(_tokens)}",
    )
    payment_id = tx.add_payment(payment)
    saved = tx.get_payment(payment_id)
    assert saved is not None
    tx.post(payment_entry(saved, ROLES))
    if keep_excess and saved.excess.is_positive:
        credit_kind = kind.prepayment_kind
        assert credit_kind is not None
        tx.add_document(Document(
            credit_kind, contact_id, DAY, DAY, currency, number=tx.take_number(credit_kind),
            lifecycle=Lifecycle.AUTHORISED, prepayment_amount=saved.excess,
            source_payment_id=payment_id,
        ))
    return payment_id
