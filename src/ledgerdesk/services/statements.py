"""A customer's statement as the printed page needs it: ``StatementFigures``, a tiny
interface of its own, and ``interim_statement`` that fills it from the list queries.

The report services (branch ``reports``) compute statements in SQL from the ledger; once
they are on main, ``statement_figures_from`` of their ``Statement`` replaces the interim
source here, because its lines already have exactly the attributes ``StatementLine``
names.  Until then the interim source reads the customer's authorised invoices and credit
notes and their payments and refunds; voided documents and payments are left out
altogether, so a period's opening balance leaves out a document voided after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ledgerdesk.domain.contacts import Contact
from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.services.list_queries import DocumentQuery, DocumentSort, PaymentQuery
from ledgerdesk.services.ports import Book
from ledgerdesk.services.printing import CompanyDetails, company_details
from ledgerdesk.services.setup import base_currency

PAGE = 500


class StatementLine(Protocol):
    """One document or payment; amounts as the customer reads them (owed positive)."""

    @property
    def date(self) -> dt.date: ...
    @property
    def reference(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def charges(self) -> Money: ...
    @property
    def payments(self) -> Money: ...
    @property
    def balance(self) -> Money: ...


@dataclass(frozen=True, slots=True)
class Entry:
    date: dt.date
    reference: str
    description: str
    charges: Money
    payments: Money
    balance: Money


@dataclass(frozen=True, slots=True)
class StatementFigures:
    contact: Contact
    company: CompanyDetails
    start: dt.date
    end: dt.date
    opening: Money  # owed at the start of ``start``
    lines: Sequence[StatementLine]  # by date
    closing: Money  # owed at the end of ``end``; negative: the customer is in credit


def interim_statement(book: Book, contact_id: int, start: dt.date,
                      end: dt.date) -> StatementFigures:
    if start > end:
        raise NotAllowed(f"The statement starts on {start} but ends before it, on {end}.")
    with book.read() as tx:
        contact = tx.get_contact(contact_id)
        if contact is None:
            raise NotFound(f"There is no contact with id {contact_id}.")
        if not contact.role.is_customer:
            raise NotAllowed(f"{contact.name} is a supplier; statements are for customers.")
        company, currency = company_details(tx), base_currency(tx)
    items = sorted(_items(book, contact_id, end), key=lambda item: item[0])
    zero = Money.zero(currency)
    opening = Money.from_minor(sum(i[3] for i in items if i[0] < start), currency)
    balance, lines = opening, []
    for date, reference, description, amount, is_document in items:
        if date < start:
            continue
        money = Money.from_minor(amount, currency)
        balance += money
        charges, payments = (money, zero) if is_document else (zero, -money)
        lines.append(Entry(date, reference, description, charges, payments, balance))
    return StatementFigures(contact, company, start, end, opening, tuple(lines), balance)


def _items(book: Book, contact_id: int,
           end: dt.date) -> Iterator[tuple[dt.date, str, str, int, bool]]:
    """(date, reference, description, signed minor units, is a document) up to ``end``."""
    queries = book.queries()
    documents = DocumentQuery(kinds=(DocumentKind.SALES_INVOICE, DocumentKind.SALES_CREDIT_NOTE),
                              today=end, contact_id=contact_id, date_to=end,
                              sort=DocumentSort.ISSUE_DATE, descending=False)
    for offset in range(0, queries.count_documents(documents), PAGE):
        for doc in queries.document_page(documents, offset, PAGE):
            if doc.lifecycle is not Lifecycle.AUTHORISED:
                continue
            invoice = doc.kind is DocumentKind.SALES_INVOICE
            words = "Invoice" if invoice else "Credit note"
            description = f"{words}, {doc.reference}" if doc.reference else words
            yield (doc.issue_date, doc.number, description,
                   doc.total.minor_units * (1 if invoice else -1), True)
    payments = PaymentQuery(kinds=(PaymentKind.CUSTOMER_RECEIPT, PaymentKind.CUSTOMER_REFUND),
                            contact_id=contact_id, date_to=end, descending=False)
    for offset in range(0, queries.count_payments(payments), PAGE):
        for pay in queries.payment_page(payments, offset, PAGE):
            refund = pay.kind is PaymentKind.CUSTOMER_REFUND
            description = "Refund to you" if refund else "Payment received, thank you"
            yield (pay.date, pay.reference or pay.documents, description,
                   pay.amount.minor_units * (1 if refund else -1), False)
