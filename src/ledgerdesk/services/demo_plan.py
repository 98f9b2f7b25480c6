"""Planning the demo book: what happens to each document, in integer minor units.

The planner decides, cluster by cluster (one contact, one or a few documents), which
documents exist and how they are settled: paid in full, in instalments, several at once,
partly, not at all, by a credit note, with an excess kept as credit, voided, or left as a
draft.  It tracks every document's outstanding amount so nothing is ever over-allocated,
and never dates anything after ``today``.  ``demo_build`` and ``demo_write`` turn a plan
into domain objects and write it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Protocol

from ledgerdesk.domain.documents import DocumentKind, Lifecycle, LineItem, Side, TaxMode
from ledgerdesk.domain.payments import PaymentKind


@dataclass(frozen=True, slots=True, eq=False)
class PricedLine:
    """A domain line with its net and tax in minor units (from ``documents.line_amounts``)
    and its ``document_lines`` row after (document_id, position); built once per distinct line.
    """

    item: LineItem
    account: str
    net: int
    tax: int
    row: tuple[str, str, str, str, str, str, int | None]


@dataclass(slots=True, eq=False)
class PlanContact:
    """A contact already in the book: its id, name and payment terms (days)."""

    id: int
    name: str
    terms: int
    terms_delta: dt.timedelta = field(init=False)

    def __post_init__(self) -> None:
        self.terms_delta = dt.timedelta(days=self.terms)


@dataclass(slots=True, eq=False)
class PlanDoc:
    """A document to write; amounts are minor units."""

    kind: DocumentKind
    contact: PlanContact
    issue: dt.date
    due: dt.date
    mode: TaxMode
    lines: tuple[PricedLine, ...]
    total: int
    tax: int
    reference: str = ""
    lifecycle: Lifecycle = Lifecycle.AUTHORISED
    outstanding: int = 0
    void_on: dt.date | None = None
    source: PlanPayment | None = None  # the payment whose excess a prepayment keeps
    number: str | None = None
    id: int | None = None


@dataclass(slots=True, eq=False)
class PlanPayment:
    """A payment to write: ``amount`` = its allocations + the excess its ``credit`` keeps."""

    kind: PaymentKind
    contact: PlanContact
    date: dt.date
    allocations: list[tuple[PlanDoc, int]]
    amount: int
    reference: str = ""
    void_on: dt.date | None = None
    credit: PlanDoc | None = None  # the prepayment that keeps the excess
    token: str = ""  # the client token, given when written
    id: int | None = None


@dataclass(slots=True, eq=False)
class PlanApplication:
    """A credit note or kept credit applied to invoices (or bills) of its contact."""

    credit: PlanDoc
    date: dt.date
    allocations: list[tuple[PlanDoc, int]]


@dataclass(slots=True)
class ChunkPlan:
    """Everything planned for one chunk, in the order it is written."""

    docs: list[PlanDoc] = field(default_factory=list)
    payments: list[PlanPayment] = field(default_factory=list)
    prepayments: list[PlanDoc] = field(default_factory=list)
    applications: list[PlanApplication] = field(default_factory=list)
    invoices_and_bills: int = 0


class LinePricer(Protocol):
    """Where document lines come from (``demo_build.Catalogue``)."""

    def lines(self, side: Side, rng: random.Random) -> tuple[TaxMode, tuple[PricedLine, ...]]: ...
    def credit_line(self, line: PricedLine, mode: TaxMode, reason: str) -> PricedLine: ...


@dataclass(frozen=True, slots=True)
class SideKinds:
    """The document and payment kinds of one side, looked up once per record."""

    invoice: DocumentKind
    credit: DocumentKind
    prepayment: DocumentKind
    receipt: PaymentKind
    refund: PaymentKind


SALES_KINDS = SideKinds(DocumentKind.SALES_INVOICE, DocumentKind.SALES_CREDIT_NOTE,
                        DocumentKind.CUSTOMER_PREPAYMENT, PaymentKind.CUSTOMER_RECEIPT,
                        PaymentKind.CUSTOMER_REFUND)
PURCHASE_KINDS = SideKinds(DocumentKind.BILL, DocumentKind.PURCHASE_CREDIT_NOTE,
                           DocumentKind.SUPPLIER_PREPAYMENT, PaymentKind.SUPPLIER_PAYMENT,
                           PaymentKind.SUPPLIER_REFUND)
_DAY = dt.timedelta(days=1)


class PlanBook:
    """Building blocks the scenarios use: new documents, payments and applications."""

    def __init__(
        self, rng: random.Random, catalogue: LinePricer, today: dt.date, unit: int
    ) -> None:
        self.rng = rng
        self.random = rng.random
        self.catalogue = catalogue
        self.today = today
        self.unit = unit  # one major unit in minor units, for round payment amounts
        self.plan = ChunkPlan()

    def document(
        self, side: Side, contact: PlanContact, issue: dt.date, *,
        lifecycle: Lifecycle = Lifecycle.AUTHORISED,
    ) -> PlanDoc:
        """A new invoice or bill with random lines."""
        mode, lines = self.catalogue.lines(side, self.rng)
        kinds = SALES_KINDS if side is Side.SALES else PURCHASE_KINDS
        doc = self._add(kinds.invoice, contact, issue, mode, lines, lifecycle)
        if side is Side.PURCHASES:
            doc.reference = f"{contact.name[:3].upper()}-{self.randint(1000, 99999)}"
        self.plan.invoices_and_bills += 1
        return doc

    def credit_note(
        self, side: Side, contact: PlanContact, issue: dt.date, source: PlanDoc, reason: str
    ) -> PlanDoc:
        """A credit note for one unit of ``source``'s first line."""
        line = self.catalogue.credit_line(source.lines[0], source.mode, reason)
        kinds = SALES_KINDS if side is Side.SALES else PURCHASE_KINDS
        doc = self._add(kinds.credit, contact, issue, source.mode, (line,), Lifecycle.AUTHORISED)
        doc.reference = f"{reason}, {source.kind.label} of {source.issue.isoformat()}"
        return doc

    def _add(
        self, kind: DocumentKind, contact: PlanContact, issue: dt.date, mode: TaxMode,
        lines: tuple[PricedLine, ...], lifecycle: Lifecycle,
    ) -> PlanDoc:
        if issue > self.today:
            issue = self.today
        tax = total = 0
        for line in lines:
            tax += line.tax
            total += line.net + line.tax
        doc = PlanDoc(kind, contact, issue, issue + contact.terms_delta, mode, lines,
                      total, tax, lifecycle=lifecycle, outstanding=total)
        self.plan.docs.append(doc)
        return doc

    def pay(
        self, side: Side, contact: PlanContact, date: dt.date,
        allocations: list[tuple[PlanDoc, int]], *, excess: int = 0, refund: bool = False,
        void_on: dt.date | None = None,
    ) -> PlanPayment | None:
        """Pay ``allocations`` (minor units) on ``date``, or nothing if that is after today."""
        allocations = [(doc, amount) for doc, amount in allocations if amount > 0]
        if date > self.today or not (allocations or excess):
            return None
        if excess and void_on:
            raise AssertionError("a voided demo payment cannot keep credit")  # a planner bug
        for doc, amount in allocations:
            if (amount > doc.outstanding or date < doc.issue
                    or doc.lifecycle is not Lifecycle.AUTHORISED):
                raise AssertionError("the demo planner over-allocated")  # a planner bug
            if void_on is None:
                doc.outstanding -= amount
        amount = sum([a for _, a in allocations]) + excess
        kinds = SALES_KINDS if side is Side.SALES else PURCHASE_KINDS
        payment = PlanPayment(kinds.refund if refund else kinds.receipt, contact, date,
                              allocations, amount,
                              void_on=min(void_on, self.today) if void_on else None)
        self.plan.payments.append(payment)
        if excess:
            payment.credit = self._prepayment(side, payment, excess)
        return payment

    def _prepayment(self, side: Side, payment: PlanPayment, excess: int) -> PlanDoc:
        kinds = SALES_KINDS if side is Side.SALES else PURCHASE_KINDS
        credit = PlanDoc(kinds.prepayment, payment.contact, payment.date, payment.date,
                         TaxMode.NO_TAX, (),
                         excess, 0, outstanding=excess, source=payment)
        self.plan.prepayments.append(credit)
        return credit

    def apply(self, credit: PlanDoc, date: dt.date, target: PlanDoc) -> bool:
        """Apply as much of ``credit`` to ``target`` as both allow; False if after today."""
        amount = min(credit.outstanding, target.outstanding)
        if date > self.today or amount <= 0:
            return False
        credit.outstanding -= amount
        target.outstanding -= amount
        self.plan.applications.append(PlanApplication(credit, date, [(target, amount)]))
        return True

    def void(self, doc: PlanDoc, date: dt.date) -> None:
        """Void an unpaid document on ``date`` (its entry is reversed when written)."""
        if doc.outstanding != doc.total:
            raise AssertionError("a demo document with allocations cannot be voided")
        doc.lifecycle = Lifecycle.VOIDED
        doc.void_on = min(max(date, doc.issue), self.today)
        doc.outstanding = 0

    def pay_day(self, doc: PlanDoc) -> dt.date:
        """When a contact pays: mostly by the due date, sometimes weeks late."""
        terms = doc.contact.terms
        if self.random() < 0.25:
            return doc.issue + _DAYS[terms + self.randint(1, 40)]
        return doc.issue + _DAYS[self.randint(0, max(terms, 3))]

    def round_part(self, amount: int, low: int, high: int) -> int:
        """A round share (whole major units) of ``amount`` between low % and high %."""
        part = amount * self.randint(low, high) // 100
        part -= part % self.unit
        return part if part > 0 else amount // 2

    def randint(self, low: int, high: int) -> int:
        """Like ``random.randint`` (both ends included), without its per-call checks."""
        return low + int(self.random() * (high - low + 1))


#: Day counts as timedeltas, built once: the planner adds thousands of them per chunk.
_DAYS = tuple(dt.timedelta(days=n) for n in range(1000))


def days(n: int) -> dt.timedelta:
    return _DAYS[n] if 0 <= n < 1000 else n * _DAY
