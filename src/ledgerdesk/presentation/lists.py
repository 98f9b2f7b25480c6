"""List presenters: the columns, filters and sort of each list, answered by SQL queries.

Each presenter keeps an immutable query (``services.list_queries``), replaces it when the
user sorts or filters, and asks the book for a count and ~200-row pages; nothing here ever
holds a whole table.  Cell text is formatted in the book's locale.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.rates import rate_text
from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.columns import Column, Mark
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.numbers import NumberText
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.sync_panel import STATE_MARK, STATE_TEXT
from ledgerdesk.services.list_queries import (
    ContactQuery,
    ContactSort,
    DocumentQuery,
    DocumentSort,
    PaymentQuery,
    PaymentSort,
    StatusFilter,
)
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary
from ledgerdesk.services.sync_status import payment_states

Q = TypeVar("Q")
MARKS = {"draft": Mark.DRAFT, "open": Mark.OPEN, "partly paid": Mark.PARTLY_PAID,
         "overdue": Mark.OVERDUE, "paid": Mark.PAID, "void": Mark.VOID}
STATUS_TEXT = Translated({"draft": N_("Draft"), "open": N_("Open"), "partly paid": N_("◐ Partly "
                                                                                      "paid"),
                          "overdue": N_("⚠ Overdue"), "paid": N_("✓ Paid"), "void": N_("⊘ Void")})
WIDE_DATE = dt.date(2024, 12, 28)  # two-digit day and month: as wide as a date gets


class QueryList(ABC, Generic[Q]):
    """What every list does: keep a query, sort by a column, filter, count and page."""

    sort_keys: Sequence[Any | None]  # the query's sort value per column (None: unsortable)

    def __init__(self, session: Session, query: Q) -> None:
        self.session = session
        self.query = query
        self.money = AmountFormatter(session.locale, session.currency)
        self._formatters: dict[str, AmountFormatter] = {}
        self._date = functools.lru_cache(maxsize=4096)(DateFormatter(session.locale).short)
        self.dates = (self._date(WIDE_DATE),)  # a date column's widest text

    @property
    def sort_column(self) -> int:
        return list(self.sort_keys).index(self.query.sort)  # type: ignore[attr-defined]

    @property
    def descending(self) -> bool:
        return self.query.descending  # type: ignore[attr-defined]

    def sort_by(self, column: int, descending: bool) -> None:
        key = self.sort_keys[column] if 0 <= column < len(self.sort_keys) else None
        if key is not None:
            self.query = dataclasses.replace(self.query, sort=key, descending=descending)

    def filter(self, **changes: Any) -> None:
        """Replace filter fields (``text=``, ``status=``, ``date_from=`` ...)."""
        self.query = dataclasses.replace(self.query, **changes)

    def mark(self, row: Any) -> Mark:
        return Mark.NONE

    def in_its_currency(self, amount: Money) -> str:
        """An amount with its own currency's decimals (JPY none, BHD three)."""
        if amount.currency == self.money.currency:
            return self.money.format(amount.amount)
        if amount.currency not in self._formatters:
            self._formatters[amount.currency] = AmountFormatter(self.session.locale,
                                                                amount.currency)
        return self._formatters[amount.currency].format(amount.amount)

    def count(self) -> int:
        return self.count_where(self.query)

    @abstractmethod
    def count_where(self, query: Q) -> int:
        """How many rows ``query`` selects (the list's own count, or an unfiltered one)."""


class DocumentList(QueryList[DocumentQuery]):
    sort_keys = (DocumentSort.NUMBER, DocumentSort.CONTACT, DocumentSort.ISSUE_DATE,
                 DocumentSort.DUE_DATE, None, DocumentSort.TOTAL, DocumentSort.OUTSTANDING,
                 None, None, DocumentSort.STATUS)

    def __init__(self, session: Session, kinds: Sequence[DocumentKind]) -> None:
        super().__init__(session, DocumentQuery(kinds=tuple(kinds), today=session.today))
        money, date = self.in_its_currency, self._date
        self.columns: list[Column[DocumentSummary]] = [
            Column("number", _("Number"), lambda r: r.number or _("(draft)"), lambda r: r.number,
                   width=110),
            Column("contact", _("Contact"), lambda r: r.contact_name, lambda r: r.contact_name,
                   width=240),
            Column("issued", _("Issued"), lambda r: date(r.issue_date), lambda r: r.issue_date,
                   width=100, samples=self.dates),
            Column("due", _("Due"), lambda r: date(r.due_date), lambda r: r.due_date, width=100,
                   samples=self.dates),
            Column("reference", _("Reference"), lambda r: r.reference, lambda r: r.reference,
                   sortable=False, width=150),
            Column("total", _("Total"), lambda r: money(r.total), lambda r: r.total.amount,
                   numeric=True),
            Column("outstanding", _("Outstanding"), self.outstanding_text,
                   lambda r: r.outstanding.amount, numeric=True),
            # Beside the amounts, as ``list invoices`` writes them: the amounts are in it.
            Column("currency", _("Currency"), lambda r: r.total.currency,
                   lambda r: r.total.currency, sortable=False, width=70,
                   samples=(_("Currency"),)),
            Column("exchange_rate", _("Rate"), self.rate_shown, lambda r: r.exchange_rate,
                   numeric=True, sortable=False, width=80, plain=lambda r: rate_text(
                       r.exchange_rate)),
            Column("status", _("Status"), self.status_text, self.status, width=120,
                   plain=self.status, samples=tuple(STATUS_TEXT.values())),
        ]

    def outstanding_text(self, row: DocumentSummary) -> str:
        """Blank for a draft or a void document: neither is owed anything."""
        if row.lifecycle is not Lifecycle.AUTHORISED:
            return ""
        return self.in_its_currency(row.outstanding)

    def rate_shown(self, row: DocumentSummary) -> str:
        """A foreign document's rate as it was booked (home units per unit); blank at home."""
        if row.total.currency == self.session.currency:
            return ""
        return NumberText(self.session.locale)(row.exchange_rate)

    def status(self, row: DocumentSummary) -> str:
        return row.status(self.query.today)

    def status_text(self, row: DocumentSummary) -> str:
        return STATUS_TEXT.get(self.status(row), self.status(row))

    def mark(self, row: DocumentSummary) -> Mark:
        return MARKS.get(self.status(row), Mark.NONE)

    def refresh_today(self) -> None:
        self.query = dataclasses.replace(self.query, today=self.session.today)

    def count_where(self, query: DocumentQuery) -> int:
        return self.session.book.queries().count_documents(query)

    def page(self, offset: int, limit: int) -> list[DocumentSummary]:
        return self.session.book.queries().document_page(self.query, offset, limit)


class PaymentList(QueryList[PaymentQuery]):
    sort_keys = (None, PaymentSort.DATE, PaymentSort.CONTACT, None, PaymentSort.REFERENCE, None,
                 PaymentSort.AMOUNT, None, None)

    def __init__(self, session: Session) -> None:
        super().__init__(session, PaymentQuery(include_voided=True))
        date = self._date
        self.columns: list[Column[PaymentSummary]] = [
            # The name the detail, the void question and the Edit menu use (PAY-00042).
            Column("number", _("Number"), lambda r: payment_number(r.id), lambda r: r.id,
                   sortable=False, width=90),
            Column("date", _("Date"), lambda r: date(r.date), lambda r: r.date, width=100,
                   samples=self.dates),
            Column("contact", _("Contact"), lambda r: r.contact_name, lambda r: r.contact_name,
                   width=180),
            Column("kind", _("Type"), lambda r: KIND_TEXT[r.kind.value], lambda r: r.kind.value,
                   sortable=False, width=120, samples=tuple(KIND_TEXT.values())),
            Column("reference", _("Reference"), lambda r: r.reference, lambda r: r.reference,
                   width=100),
            Column("documents", _("Paid documents"), lambda r: r.documents, lambda r: r.documents,
                   sortable=False, width=150),
            Column("amount", _("Amount"), self.amount_text,
                   lambda r: r.amount.amount, numeric=True, width=110),
            Column("status", _("Status"), self.status_text, self.status_text, sortable=False,
                   plain=self.status_words, samples=(_("Allocated"), _("⊘ Void"))),
            Column("sync", _("Sync"), self.sync_text, self.sync_text, sortable=False, width=90,
                   plain=self.sync_words),
        ]
        self.sync_states: dict[int, OutboxState] = {}  # of the pages read so far

    def amount_text(self, row: PaymentSummary) -> str:
        """In the bank account's currency, named when it is not the book's own."""
        text = self.in_its_currency(row.amount)
        return text if row.amount.currency == self.session.currency else (
            f"{text} {row.amount.currency}")

    def status_text(self, row: PaymentSummary) -> str:
        if row.voided:
            return _("⊘ Void")
        kept = row.amount.amount - row.allocated.amount
        if kept:
            return _("{amount} kept as credit").format(amount=self.money.format(kept))
        return _("Allocated")

    def status_words(self, row: PaymentSummary) -> str:
        """The status as a file carries it: ``void``, ``allocated``, ``2.50 kept as credit``."""
        if row.voided:
            return "void"
        kept = row.amount.amount - row.allocated.amount
        return _("{kept:f} kept as credit").format(kept=kept) if kept else "allocated"

    def mark(self, row: PaymentSummary) -> Mark:
        return Mark.VOID if row.voided else Mark.NONE

    def count_where(self, query: PaymentQuery) -> int:
        return self.session.book.queries().count_payments(query)

    def sync_text(self, row: PaymentSummary) -> str:
        state = self.sync_states.get(row.id)
        return "" if state is None else f"{STATE_MARK[state]} {STATE_TEXT[state]}"

    def sync_words(self, row: PaymentSummary) -> str:
        state = self.sync_states.get(row.id)
        return "" if state is None else STATE_TEXT[state].lower()

    def page(self, offset: int, limit: int) -> list[PaymentSummary]:
        rows = self.session.book.queries().payment_page(self.query, offset, limit)
        ids = [row.id for row in rows]
        for payment_id in ids:
            self.sync_states.pop(payment_id, None)
        self.sync_states.update(payment_states(self.session.book, ids))
        return rows


KIND_TEXT = Translated({"CUSTOMER_RECEIPT": N_("Receipt"),
                        "SUPPLIER_PAYMENT": N_("Supplier payment"),
                        "CUSTOMER_REFUND": N_("Refund to customer"),
                        "SUPPLIER_REFUND": N_("Refund from supplier")})


class ContactList(QueryList[ContactQuery]):
    sort_keys = (ContactSort.NAME, None, None, ContactSort.RECEIVABLE, ContactSort.PAYABLE)

    def __init__(self, session: Session) -> None:
        super().__init__(session, ContactQuery())
        money = self.money.format
        self.columns: list[Column[ContactSummary]] = [
            Column("name", _("Name"), lambda r: r.name, lambda r: r.name, width=260),
            Column("role", _("Role"), lambda r: r.role.value.capitalize(), lambda r: r.role.value,
                   sortable=False, width=100,
                   samples=tuple(role.value.capitalize() for role in ContactRole)),
            Column("email", _("Email"), lambda r: r.email, lambda r: r.email, sortable=False,
                   width=220),
            Column("receivable", _("They owe"), lambda r: money(r.receivable.amount),
                   lambda r: r.receivable.amount, numeric=True),
            Column("payable", _("We owe"), lambda r: money(r.payable.amount),
                   lambda r: r.payable.amount, numeric=True),
        ]

    def count_where(self, query: ContactQuery) -> int:
        return self.session.book.queries().count_contacts(query)

    def page(self, offset: int, limit: int) -> list[ContactSummary]:
        return self.session.book.queries().contact_page(self.query, offset, limit)


STATUS_FILTERS = Translated({
    StatusFilter.ALL: N_("All"), StatusFilter.DRAFT: N_("Drafts"), StatusFilter.OPEN: N_("Open"),
    StatusFilter.OVERDUE: N_("Overdue"), StatusFilter.PARTLY_PAID: N_("Partly paid"),
    StatusFilter.PAID: N_("Paid"), StatusFilter.VOIDED: N_("Void"),
})
