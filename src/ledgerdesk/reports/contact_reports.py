"""Contact-based reports: receivable and payable aging, statements, the payments register.

Pure row types and the little arithmetic on them; storage computes the amounts in SQL.
Amounts read the way the contact's side reads them: what customers owe us, what we owe
suppliers, positive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.reports.periods import AgingBuckets, Period

#: The bucket index the SQL gives an unapplied credit: none of the day buckets, since a
#: credit never falls due.
CREDIT_BUCKET = -1


@dataclass(frozen=True, slots=True)
class AgingRow:
    """What one contact owes (or is owed) as of a date: invoices (or bills) by how long
    they have been overdue, and apart from them the credits not yet applied (credit notes
    and kept credits, negative), which never fall due.  The row adds up across."""

    contact_id: int
    contact_name: str
    buckets: tuple[Money, ...]  # one per AgingBuckets label; invoices or bills only
    credits: Money  # unapplied credits, zero or negative
    #: For a contact's documents in a foreign currency (a row of their own): the same
    #: amounts at home, as the control account holds them (at their booked rates).
    home_buckets: tuple[Money, ...] | None = None
    home_credits: Money | None = None

    @property
    def currency(self) -> str:
        return self.credits.currency

    @property
    def total(self) -> Money:
        """What is outstanding net of credits, in the row's currency."""
        result = self.credits
        for amount in self.buckets:
            result += amount
        return result

    @property
    def at_home(self) -> AgingRow:
        """The row in the home currency: the contact's part of the control account."""
        if self.home_buckets is None or self.home_credits is None:
            return self
        return AgingRow(self.contact_id, self.contact_name, self.home_buckets,
                        self.home_credits)


@dataclass(frozen=True, slots=True)
class AgingDocument:
    """One document behind an aging row: what it still owes (credits negative) on the date."""

    document_id: int
    kind: DocumentKind
    number: str
    contact_id: int
    contact_name: str
    issue_date: dt.date
    due_date: dt.date
    days_overdue: int | None  # None for a credit: it is never overdue
    bucket: int | None  # index into AgingBuckets.labels; None for an unapplied credit
    outstanding: Money


@dataclass(frozen=True, slots=True)
class AgingReport:
    side: Side
    as_of: dt.date
    buckets: AgingBuckets
    rows: tuple[AgingRow, ...]  # by contact name
    totals: tuple[Money, ...]  # per bucket
    credits: Money  # every unapplied credit, zero or negative

    @property
    def total(self) -> Money:
        return AgingRow(0, "", self.totals, self.credits).total


def aging_report(
    side: Side, as_of: dt.date, buckets: AgingBuckets, rows: Sequence[AgingRow], currency: str
) -> AgingReport:
    """The report of ``rows``, totalled at home (``currency``): foreign rows by their home
    amounts."""
    totals = [Money.zero(currency)] * len(buckets)
    credits = Money.zero(currency)
    for row in rows:
        home = row.at_home
        totals = [t + amount for t, amount in zip(totals, home.buckets, strict=True)]
        credits += home.credits
    return AgingReport(side, as_of, buckets, tuple(rows), tuple(totals), credits)


@dataclass(frozen=True, slots=True)
class StatementItem:
    """A posting to the contact's control account, in the side's reading (owed positive)."""

    date: dt.date
    source_type: str  # DOCUMENT or PAYMENT: what a drill opens
    source_id: int
    reference: str  # the document's number, or the payment's reference
    description: str
    amount: Money  # raises (+) or lowers (-) what is owed


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One posting as a statement shows it: in the Charges column when it raises what is
    owed, in the Credits column when it lowers it, always as a positive amount."""

    date: dt.date
    source_type: str
    source_id: int
    reference: str  # the document's number, or the payment's (PAY-00042)
    description: str
    charges: Money  # invoices (bills), refunds paid out (to us), a payment's void
    credits: Money  # credit notes, receipts (our payments), a document's void
    balance: Money


def statement_lines(opening: Money, items: Iterable[StatementItem]) -> Iterator[StatementLine]:
    """Each item with its running balance, a charge or a credit by which way it moves it."""
    balance = opening
    zero = Money.zero(opening.currency)
    for item in items:
        balance += item.amount
        charges, credits = (item.amount, zero) if item.amount.is_positive else (
            zero, -item.amount)
        yield StatementLine(item.date, item.source_type, item.source_id, item.reference,
                            item.description, charges, credits, balance)


@dataclass(frozen=True, slots=True)
class Statement:
    contact_id: int
    contact_name: str
    side: Side
    period: Period
    opening: Money
    charges: Money  # the period's charges, positive
    credits: Money  # the period's credits, positive
    lines: Iterator[StatementLine]  # streamed, by date
    aging: AgingRow  # the closing balance by age, as of the period's end
    #: A statement in a foreign currency: its closing balance at home, at booked rates.
    at_home: Money | None = None

    @property
    def closing(self) -> Money:
        return self.opening + self.charges - self.credits


@dataclass(frozen=True, slots=True)
class PaymentRegisterRow:
    """One line of a payment: an allocation to a document, or the excess kept as credit."""

    payment_id: int
    date: dt.date
    kind: PaymentKind
    contact_id: int
    contact_name: str
    reference: str
    bank_account_code: str
    amount: Money  # the whole payment, repeated on each of its lines
    voided: bool
    document_id: int | None  # None: nothing allocated and nothing kept
    document_number: str
    applied: Money  # to this document (or kept as this credit)
    kept_as_credit: bool


@dataclass(frozen=True, slots=True)
class PaymentsRegister:
    period: Period
    count: int  # payments, voided ones included
    money_in: Money  # receipts and supplier refunds, voided ones left out
    money_out: Money  # supplier payments and customer refunds, likewise
    rows: Iterator[PaymentRegisterRow]  # streamed, by date then payment
