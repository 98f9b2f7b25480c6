"""The dashboard's questions: money in and out per month, aging by bucket, what needs attention.

Each is summed or paged by the book in SQL through ``DashboardQueries`` (a port of its own, so
``ports.py`` stays as it is).  Money in and out are read from the bank side of each payment's
journal entry, so a refund counts against its own side and a voided payment counts in its
month and is taken back in the month of its reversal, exactly as the bank account moved.
The aging figures come from the same "outstanding on a date" SQL as the aging report, with a
count of the documents in each bucket beside the amount.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Protocol

from ledgerdesk.domain.date_limits import month_start
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.contact_reports import CREDIT_BUCKET
from ledgerdesk.reports.periods import AgingBuckets
from ledgerdesk.services.report_ports import ReportBook

MONTHS = 12
ATTENTION_PAGE = 50


class AttentionKind(enum.Enum):
    OVERDUE = "overdue"  # an invoice or bill owing money past its due date, most overdue first
    UNALLOCATED = "unallocated"  # a payment whose excess, kept as credit, is not used up
    CREDIT = "credit"  # a credit note with credit left to apply or refund


@dataclass(frozen=True, slots=True)
class MonthFlow:
    month: dt.date  # its first day
    money_in: Money  # customer receipts less refunds to customers
    money_out: Money  # supplier payments less refunds from suppliers


@dataclass(frozen=True, slots=True)
class AgingSummary:
    side: Side
    as_of: dt.date
    buckets: AgingBuckets
    amounts: tuple[Money, ...]  # per bucket, as the aging report's totals
    counts: tuple[int, ...]  # invoices (or bills) with money owing, per bucket
    credits: Money  # unapplied credits (negative), in no bucket: they never fall due

    @property
    def total(self) -> Money:
        """Owed net of credits, as the aging report's total and the control account."""
        return sum(self.amounts, self.credits)

    @property
    def overdue(self) -> Money:
        return sum(self.amounts[2:], self.amounts[1])

    @property
    def overdue_count(self) -> int:
        return sum(self.counts[1:])


@dataclass(frozen=True, slots=True)
class AttentionItem:
    kind: AttentionKind
    document_id: int  # the overdue document, the credit note, or the payment's kept credit
    document_kind: DocumentKind
    payment_id: int | None  # UNALLOCATED: the payment to open
    number: str  # the document's number, or the payment's (PAY-00042)
    contact_name: str
    date: dt.date  # OVERDUE: due date; UNALLOCATED: payment date; CREDIT: issue date
    amount: Money  # outstanding, or credit left


class DashboardQueries(Protocol):
    """Each call is one read transaction; amounts in minor units of the book's currency."""

    def cash_by_month(self, start: dt.date, end: dt.date) -> list[tuple[str, int, int]]: ...
    # ("YYYY-MM", money in, money out) for each month with a payment or reversal in it

    def aging_totals(
        self, side: Side, as_of: dt.date, buckets: AgingBuckets
    ) -> list[tuple[int, int, int]]: ...  # (bucket, owed, documents owing) per bucket;
    # the unapplied credits' bucket is CREDIT_BUCKET

    def attention_count(self, kind: AttentionKind, today: dt.date) -> int: ...

    def attention_page(
        self, kind: AttentionKind, today: dt.date, offset: int, limit: int
    ) -> list[AttentionItem]: ...


class DashboardBook(ReportBook, Protocol):
    def dashboard(self) -> DashboardQueries: ...


def month_starts(today: dt.date, months: int = MONTHS) -> list[dt.date]:
    """The first days of the last ``months`` months, this one last; in year 1, only the
    months the calendar has."""
    starts = (month_start(today.year, today.month - back) for back in range(months - 1, -1, -1))
    return [start for start in starts if start is not None]


def money_by_month(book: DashboardBook, today: dt.date, months: int = MONTHS) -> list[MonthFlow]:
    """Money in and out in each of the last ``months`` months up to ``today``, empty months
    included (as zero)."""
    starts = month_starts(today, months)
    currency = book.reports().currency()
    found = {month: (money_in, money_out) for month, money_in, money_out
             in book.dashboard().cash_by_month(starts[0], today)}
    flows = []
    for start in starts:
        money_in, money_out = found.get(start.isoformat()[:7], (0, 0))
        flows.append(MonthFlow(start, Money.from_minor(money_in, currency),
                               Money.from_minor(money_out, currency)))
    return flows


def aging_summary(book: DashboardBook, side: Side, as_of: dt.date,
                  buckets: AgingBuckets | None = None) -> AgingSummary:
    """The aging report's bucket totals for one side, with how many documents owe in each."""
    buckets = buckets or AgingBuckets()
    currency = book.reports().currency()
    amounts, counts, credits = [0] * len(buckets), [0] * len(buckets), 0
    for bucket, owed, count in book.dashboard().aging_totals(side, as_of, buckets):
        if bucket == CREDIT_BUCKET:
            credits = owed
        else:
            amounts[bucket], counts[bucket] = owed, count
    return AgingSummary(side, as_of, buckets,
                        tuple(Money.from_minor(a, currency) for a in amounts), tuple(counts),
                        Money.from_minor(credits, currency))


@dataclass(frozen=True, slots=True)
class AttentionPage:
    kind: AttentionKind
    total: int  # how many items of this kind there are in all
    offset: int
    items: tuple[AttentionItem, ...]

    @property
    def more(self) -> int:
        return self.total - self.offset - len(self.items)


def attention(book: DashboardBook, kind: AttentionKind, today: dt.date, offset: int = 0,
              limit: int = ATTENTION_PAGE) -> AttentionPage:
    """One page of what needs attention of ``kind``, with the count of all of them."""
    queries = book.dashboard()
    return AttentionPage(kind, queries.attention_count(kind, today), offset,
                         tuple(queries.attention_page(kind, today, offset, limit)))
