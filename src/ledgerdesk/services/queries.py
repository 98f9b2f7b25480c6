"""Read-side use cases: lists (streamed, or counted and paged for the app), trial balance,
the journal and the book check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import Account, JournalEntry
from ledgerdesk.services.list_queries import ContactQuery, DocumentQuery, PaymentQuery
from ledgerdesk.services.ports import Book
from ledgerdesk.services.read_models import (
    ContactSummary,
    DocumentSummary,
    InvariantFailure,
    PaymentSummary,
    TrialBalanceRow,
)

#: The document lists the command line and the app offer, by name.
DOCUMENT_LISTS: dict[str, tuple[DocumentKind, ...]] = {
    "invoices": (DocumentKind.SALES_INVOICE,),
    "bills": (DocumentKind.BILL,),
    "credit-notes": (
        DocumentKind.SALES_CREDIT_NOTE,
        DocumentKind.PURCHASE_CREDIT_NOTE,
        DocumentKind.CUSTOMER_PREPAYMENT,
        DocumentKind.SUPPLIER_PREPAYMENT,
    ),
}


def list_documents(book: Book, name: str, *, open_only: bool = False) -> Iterator[DocumentSummary]:
    return book.queries().list_documents(DOCUMENT_LISTS[name], open_only=open_only)


def list_contacts(book: Book) -> Iterator[ContactSummary]:
    return book.queries().list_contacts()


def list_payments(book: Book) -> Iterator[PaymentSummary]:
    return book.queries().list_payments()


def count_documents(book: Book, query: DocumentQuery) -> int:
    return book.queries().count_documents(query)


def document_page(
    book: Book, query: DocumentQuery, offset: int, limit: int
) -> list[DocumentSummary]:
    """Rows ``offset`` to ``offset + limit`` of the list ``query`` describes, in its order."""
    return book.queries().document_page(query, offset, limit)


def document_summary(book: Book, document_id: int) -> DocumentSummary | None:
    return book.queries().document_summary(document_id)


def count_payments(book: Book, query: PaymentQuery) -> int:
    return book.queries().count_payments(query)


def payment_page(book: Book, query: PaymentQuery, offset: int, limit: int) -> list[PaymentSummary]:
    return book.queries().payment_page(query, offset, limit)


def count_contacts(book: Book, query: ContactQuery) -> int:
    return book.queries().count_contacts(query)


def contact_page(book: Book, query: ContactQuery, offset: int, limit: int) -> list[ContactSummary]:
    return book.queries().contact_page(query, offset, limit)


def most_overdue(book: Book, today: dt.date, limit: int = 100) -> list[DocumentSummary]:
    return book.queries().most_overdue(today, limit)


def trial_balance(book: Book, as_of: dt.date | None = None) -> list[TrialBalanceRow]:
    return book.queries().trial_balance(as_of)


def journal(book: Book) -> tuple[dict[str, Account], Iterator[JournalEntry]]:
    with book.read() as tx:
        accounts = tx.accounts()
    return accounts, book.queries().journal()


@dataclass(frozen=True, slots=True)
class CheckReport:
    integrity: list[str]
    invariants: list[InvariantFailure]

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.invariants


def check_book(book: Book) -> CheckReport:
    """SQLite's own integrity checks, then every ledger invariant."""
    queries = book.queries()
    integrity = queries.integrity_problems()
    # Invariants are meaningless on a damaged file; report the damage alone.
    invariants = [] if integrity else queries.invariant_failures()
    return CheckReport(integrity, invariants)
