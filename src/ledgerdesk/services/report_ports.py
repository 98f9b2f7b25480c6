"""The port the report services need: report questions answered in SQL by the book.

Kept apart from ``ports.py``: a book that answers reports is a ``Book`` that also has
``reports()``; ``storage.SqliteBook`` is both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Protocol

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.contact_reports import (
    AgingDocument,
    AgingRow,
    PaymentRegisterRow,
    StatementItem,
)
from ledgerdesk.reports.fx_revaluation import ForeignOwed
from ledgerdesk.reports.ledger_reports import AccountBalance, LedgerLine
from ledgerdesk.reports.list_exports import PaymentLine
from ledgerdesk.reports.periods import AgingBuckets, Period
from ledgerdesk.reports.tax_lines import TaxLine
from ledgerdesk.services.ports import Book


class ReportQueries(Protocol):
    """Each call is one read transaction; the long answers stream."""

    def currency(self) -> str: ...  # the book's own

    def account_balances(
        self, end: dt.date, start: dt.date | None = None
    ) -> list[AccountBalance]: ...  # accounts with journal lines from start (or ever) to end

    def aging(
        self, side: Side, as_of: dt.date, buckets: AgingBuckets, contact_id: int | None = None
    ) -> list[AgingRow]: ...  # contacts with something outstanding on as_of, by name

    def aging_documents(
        self, side: Side, as_of: dt.date, buckets: AgingBuckets, contact_id: int | None = None
    ) -> Iterator[AgingDocument]: ...  # by contact name, then due date

    def statement_items(
        self, side: Side, contact_id: int, period: Period, currency: str | None = None
    ) -> Iterator[StatementItem]: ...  # the contact's control postings in the period, by date
    # (at home; or with ``currency``, those holding that foreign currency, in it)

    def control_sums(
        self, side: Side, contact_id: int, period: Period, currency: str | None = None
    ) -> tuple[int, int, int]: ...  # minor units as the side reads them: the balance
    # before the period, the period's charges and its credits (both positive)

    def ledger_sums(self, code: str, period: Period) -> tuple[int, int, int]: ...
    def has_foreign(self, code: str) -> bool: ...  # any posting on it holds foreign money
    def foreign_documents(self, side: Side, as_of: dt.date) -> list[ForeignOwed]: ...
    def foreign_banks(self, as_of: dt.date) -> list[tuple[str, str, Money, Money]]: ...
    # minor units: the balance before the period, its debits, its credits (positive)

    def ledger_lines(
        self, code: str, period: Period, opening_minor: int
    ) -> Iterator[LedgerLine]: ...  # by date then entry, with the running balance

    def payment_sums(self, period: Period) -> tuple[int, int, int]: ...
    # payments in the period, money in and money out (minor units, voided ones left out)

    def payments_register(self, period: Period) -> Iterator[PaymentRegisterRow]: ...

    def tax_lines(self, period: Period, tax_code_id: int | None = None) -> Iterator[TaxLine]: ...
    # lines of the authorised (never void) documents issued in the period, by document;
    # with a code, only the documents that have a line on it (each still whole)

    def payment_lines(self) -> Iterator[PaymentLine]: ...  # every payment, by date (export)


class ReportBook(Book, Protocol):
    def reports(self) -> ReportQueries: ...
