"""A demo book with a Xero connection and an outbox in every state, for the screenshots.

No network and no keyring: the rows are queued by recording real payments on linked
invoices, then given the outcomes the Xero gateway itself builds (``sync.outcomes``: sent,
failed, needs you with our words and Xero's, pending), so the Sync panel and a payment in
"needs you" can be drawn.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import cast

from ledgerdesk.app.files import DEFAULT_COMPANY, DEMO_CURRENCY, build_demo_book
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.presentation.lists import DocumentList
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.commands import AllocationInput, RecordPayment
from ledgerdesk.services.list_queries import StatusFilter
from ledgerdesk.services.payments import record_payment
from ledgerdesk.services.sync import add_connection, link_account, link_document_to
from ledgerdesk.services.sync_admin import label_connection
from ledgerdesk.services.sync_ports import SyncTransaction
from ledgerdesk.storage import open_book
from ledgerdesk.sync import outcomes

OUTCOMES = (
    lambda number, amount: outcomes.created("8d0001e2-5f3a-4c1b-9e77-2a6b1c0d9f31"),
    lambda number, amount: outcomes.overpays(
        "Xero", number, Money.from_minor(amount.minor_units // 3, amount.currency), amount),
    lambda number, amount: outcomes.unanswered("Xero", "HTTP 503 Service Unavailable"),
    lambda number, amount: outcomes.refused(
        "Xero", number, 400, "Payment amount exceeds the amount outstanding on this document"),
    lambda number, amount: outcomes.created("8d0005e2-77c4-4d0e-b1a2-93f0c6e4a8d2"),
    None,  # still pending: recorded after the last sync
)


def build_sync_sample(path: Path, today: dt.date) -> Path:
    build_demo_book(path, company=DEFAULT_COMPANY, currency=DEMO_CURRENCY, size=0, seed=7,
                    today=today)
    book = open_book(path)
    try:
        cid = add_connection(book, Connection(
            Provider.XERO, "https://api.xero.com/api.xro/2.0",
            {"tenant": "6f2b4d1e-3c0a-4e55-9a61-0c2f5b7d8e90"},
            {"client_id": "9C1E0D7A5B", "scopes": "offline_access accounting.payments "
             "accounting.invoices.read"}, "screenshot-sample"))
        label_connection(book, cid, "Connected as Northwind Design Studio Ltd.")
        link_account(book, cid, "1000", "090")
        invoices = DocumentList(Session.of(book, path), (DocumentKind.SALES_INVOICE,))
        invoices.filter(status=StatusFilter.OPEN)
        rows = [r for r in invoices.page(0, 200) if r.number and r.outstanding.is_positive]
        for index, (row, outcome) in enumerate(zip(rows, OUTCOMES, strict=False)):
            link_document_to(book, cid, row.number, f"a7{index:02d}3c51-0b6e-4f4e-8d1a-5e3f")
            part = (row.outstanding.amount / 2).quantize(Decimal("0.01"))
            record_payment(book, RecordPayment(
                kind=PaymentKind.CUSTOMER_RECEIPT, contact_id=row.contact_id,
                date=today - dt.timedelta(days=len(OUTCOMES) - index), amount=part,
                allocations=[AllocationInput(document_id=row.id, amount=part)]))
            _settle(book, row.number, outcome)
    finally:
        book.close()
    return path


def _settle(book, number: str, outcome) -> None:
    with book.write() as tx:
        sync = cast(SyncTransaction, tx)
        item = sync.outbox()[-1]
        if outcome is None:
            return
        pushed = outcome(number, item.amount)
        sync.save_outbox(dataclasses.replace(
            item, state=pushed.state, attempts=1, user_message=pushed.user_message,
            remote_message=pushed.remote_message, remote_id=pushed.remote_id))
