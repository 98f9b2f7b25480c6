"""The ports services need from a book; ``ledgerdesk.storage`` implements them on SQLite.

Services never import storage: the composition roots (``cli.py``, ``app.py``) open a
``SqliteBook`` and hand it to the service functions as a ``Book``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from ledgerdesk.domain.contacts import Contact
from ledgerdesk.domain.documents import Document, DocumentKind
from ledgerdesk.domain.ledger import Account, JournalEntry, SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, CreditApplication, OpenDocument, Payment
from ledgerdesk.domain.tax_codes import TaxCode
from ledgerdesk.domain.tax_settlement import TaxSettlement
from ledgerdesk.services.book_failure import BookFailure
from ledgerdesk.services.bulk_rows import NextIds, RowBatch, RowStager
from ledgerdesk.services.list_queries import ContactQuery, DocumentQuery, PaymentQuery
from ledgerdesk.services.read_models import (
    ContactSummary,
    DocumentSummary,
    InvariantFailure,
    PaymentSummary,
    TrialBalanceRow,
)


class Transaction(Protocol):
    """One transaction on the book.  Everything done through it commits or rolls back together."""

    # settings and chart
    def get_setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
    def accounts(self) -> dict[str, Account]: ...
    def add_account(self, account: Account) -> None: ...

    # contacts
    def add_contact(self, contact: Contact) -> int: ...
    def get_contact(self, contact_id: int) -> Contact | None: ...
    def find_contact(self, name: str) -> Contact | None: ...  # exact name, case-insensitive

    # documents
    def add_document(self, doc: Document) -> int: ...  # with its lines and its total
    def replace_draft(self, doc: Document) -> None: ...  # refuses a non-draft
    def get_document(self, document_id: int) -> Document | None: ...
    def find_document(self, number: str) -> Document | None: ...
    def take_number(self, kind: DocumentKind) -> str: ...  # next in the gap-free series
    def number_prefixes(self) -> dict[DocumentKind, str]: ...
    def set_number_prefix(self, kind: DocumentKind, prefix: str) -> None: ...
    def mark_authorised(self, document_id: int, number: str) -> None: ...
    def mark_voided(self, document_id: int) -> None: ...
    def open_documents(self, ids: Iterable[int]) -> dict[int, OpenDocument]: ...
    def open_documents_for(
        self, contact_id: int, kinds: Iterable[DocumentKind]
    ) -> list[OpenDocument]: ...  # authorised, outstanding > 0, oldest due first
    def active_allocations_on(self, document_id: int) -> int: ...  # count, either direction

    # payments and credit applications
    def add_payment(self, payment: Payment) -> int: ...  # with its allocations
    def get_payment(self, payment_id: int) -> Payment | None: ...
    def find_payment_by_token(self, client_token: str) -> Payment | None: ...
    def mark_payment_voided(self, payment_id: int) -> None: ...  # and its allocations
    def prepayment_of(self, payment_id: int) -> Document | None: ...
    def add_credit_application(
        self, credit_id: int, date: dt.date, allocations: Iterable[Allocation],
        credit_homes: Sequence[Money | None] = (),
    ) -> int: ...  # two allocation rows per pair: one on the target, one on the credit
    def get_credit_application(self, application_id: int) -> CreditApplication | None: ...
    def mark_credit_application_voided(self, application_id: int) -> None: ...  # both rows

    # tax codes and tax settlements (``services.tax_codes``, ``services.tax_settlement``)
    def tax_codes(self) -> list[TaxCode]: ...  # sales then purchases, each by rate and name
    def add_tax_code(self, code: TaxCode) -> int: ...
    def update_tax_code(self, code: TaxCode) -> None: ...  # rate and account; drafts follow
    def tax_code_posted_on(self, code_id: int) -> str | None: ...  # a posted document's number
    def add_tax_settlement(self, settlement: TaxSettlement) -> int: ...
    def tax_settlements(self) -> list[TaxSettlement]: ...  # by period

    # ledger and audit
    def post(self, entry: JournalEntry) -> int: ...
    def entries_for(self, source_type: SourceType, source_id: int) -> list[JournalEntry]: ...
    def audit(
        self, action: str, entity: str, entity_id: int | None, detail: dict[str, Any]
    ) -> None: ...


class Queries(Protocol):
    """Read-only questions for lists, reports and checks, answered in SQL."""

    def list_documents(
        self,
        kinds: Iterable[DocumentKind],
        *,
        open_only: bool = False,
        contact_id: int | None = None,
        limit: int | None = None,
    ) -> Iterator[DocumentSummary]: ...
    def most_overdue(self, today: dt.date, limit: int) -> list[DocumentSummary]: ...
    def list_contacts(self) -> Iterator[ContactSummary]: ...
    def list_payments(self) -> Iterator[PaymentSummary]: ...
    def trial_balance(self, as_of: dt.date | None = None) -> list[TrialBalanceRow]: ...
    def journal(self) -> Iterator[JournalEntry]: ...  # every entry with its lines, by date
    def integrity_problems(self) -> list[str]: ...  # SQLite's integrity and foreign-key checks
    def invariant_failures(self) -> list[InvariantFailure]: ...  # the ledger rules, in SQL

    # paged lists for the app: filtered, sorted and paged in SQL (see list_queries)
    def count_documents(self, query: DocumentQuery) -> int: ...
    def document_page(
        self, query: DocumentQuery, offset: int, limit: int
    ) -> list[DocumentSummary]: ...
    def document_summary(self, document_id: int) -> DocumentSummary | None: ...
    def count_payments(self, query: PaymentQuery) -> int: ...
    def payment_page(
        self, query: PaymentQuery, offset: int, limit: int
    ) -> list[PaymentSummary]: ...
    def count_contacts(self, query: ContactQuery) -> int: ...
    def contact_page(
        self, query: ContactQuery, offset: int, limit: int
    ) -> list[ContactSummary]: ...


class BulkWriter(Protocol):
    """Loads many records in one transaction (generators, imports); returns the new ids."""

    def add_contacts(self, contacts: list[Contact]) -> list[int]: ...
    def add_documents(self, documents: list[Document]) -> list[int]: ...  # lines, number, total
    def add_payments(self, payments: list[Payment]) -> list[int]: ...  # with allocations
    def add_credit_applications(
        self, applications: list[tuple[int, dt.date, list[Allocation]]]
    ) -> list[int]: ...  # (credit_id, date, allocations), as Transaction.add_credit_application
    def post_entries(self, entries: list[JournalEntry]) -> list[int]: ...
    def set_next_number(self, kind: DocumentKind, next_number: int) -> None: ...
    # Ready rows (``services.bulk_rows``), ids taken from next_ids(), for big generators:
    def next_ids(self) -> NextIds: ...
    def add_rows(self, batch: RowBatch) -> None: ...
    def stager(self) -> RowStager: ...  # run it in another process, hand its bytes to:
    def load_staged(self, staged: bytes) -> None: ...


class Book(Protocol):
    """An open book file.  Its methods raise ``BookFailure`` when the file fails."""

    path: Path

    def write(self) -> AbstractContextManager[Transaction]: ...  # BEGIN IMMEDIATE
    def read(self) -> AbstractContextManager[Transaction]: ...  # a consistent snapshot
    def queries(self) -> Queries: ...
    def bulk(self, *, new_book: bool = False) -> AbstractContextManager[BulkWriter]: ...
    # ``new_book``: the caller deletes the file if the load fails, so storage may skip syncing.
    @property
    def revision(self) -> int: ...  # changes after every commit, by any connection or process
    @property
    def read_only(self) -> BookFailure | None: ...  # why it cannot be changed, if it cannot
    def close(self) -> None: ...
