"""Invoices, bills, credit notes and prepayments, their lines, totals and statuses.

A document's *lifecycle* (DRAFT, AUTHORISED, VOIDED) is stored; PAID, partly paid and
overdue are derived from the outstanding amount, which is itself derived from allocations
(see ``allocation.py``), never stored.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ledgerdesk.domain.date_limits import clamped_days_after
from ledgerdesk.domain.i18n import N_, Translated
from ledgerdesk.domain.money import Money, total
from ledgerdesk.domain.tax_rounding import TaxRounding, line_taxes


class Side(enum.Enum):
    """Which control account a document or payment belongs to."""

    SALES = "SALES"  # customers, accounts receivable
    PURCHASES = "PURCHASES"  # suppliers, accounts payable


class DocumentKind(enum.Enum):
    SALES_INVOICE = "SALES_INVOICE"
    SALES_CREDIT_NOTE = "SALES_CREDIT_NOTE"
    CUSTOMER_PREPAYMENT = "CUSTOMER_PREPAYMENT"
    BILL = "BILL"
    PURCHASE_CREDIT_NOTE = "PURCHASE_CREDIT_NOTE"
    SUPPLIER_PREPAYMENT = "SUPPLIER_PREPAYMENT"

    @property
    def side(self) -> Side:
        return Side.SALES if self in _SALES_KINDS else Side.PURCHASES

    @property
    def is_credit(self) -> bool:
        """Credit notes and prepayments: money the business owes back or can apply."""
        return self not in (DocumentKind.SALES_INVOICE, DocumentKind.BILL)

    @property
    def is_prepayment(self) -> bool:
        return self in (DocumentKind.CUSTOMER_PREPAYMENT, DocumentKind.SUPPLIER_PREPAYMENT)

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def control_sign(self) -> int:
        """+1 when the document raises its control account's natural balance, else -1.

        Receivable is a debit balance, payable a credit balance; journal amounts are signed
        debit-positive, so the control account moves by ``control_sign * side_sign * total``.
        """
        return -1 if self.is_credit else 1


_SALES_KINDS = frozenset(
    {DocumentKind.SALES_INVOICE, DocumentKind.SALES_CREDIT_NOTE, DocumentKind.CUSTOMER_PREPAYMENT}
)
_LABELS = Translated({
    DocumentKind.SALES_INVOICE: N_("invoice"),
    DocumentKind.SALES_CREDIT_NOTE: N_("credit note"),
    DocumentKind.CUSTOMER_PREPAYMENT: N_("customer credit"),
    DocumentKind.BILL: N_("bill"),
    DocumentKind.PURCHASE_CREDIT_NOTE: N_("supplier credit note"),
    DocumentKind.SUPPLIER_PREPAYMENT: N_("supplier credit"),
})

#: Kinds the user creates with lines; prepayments are created by a payment's excess.
EDITABLE_KINDS = (
    DocumentKind.SALES_INVOICE,
    DocumentKind.SALES_CREDIT_NOTE,
    DocumentKind.BILL,
    DocumentKind.PURCHASE_CREDIT_NOTE,
)


def side_sign(side: Side) -> int:
    """Debit-positive sign of the control account's natural balance."""
    return 1 if side is Side.SALES else -1


class Lifecycle(enum.Enum):
    """The stored part of a document's status."""

    DRAFT = "DRAFT"
    AUTHORISED = "AUTHORISED"
    VOIDED = "VOIDED"


class DocumentStatus(enum.Enum):
    DRAFT = "DRAFT"
    AUTHORISED = "AUTHORISED"
    PAID = "PAID"
    VOIDED = "VOIDED"


class TaxMode(enum.Enum):
    EXCLUSIVE = "EXCLUSIVE"  # prices exclude tax; tax is added
    INCLUSIVE = "INCLUSIVE"  # prices include tax; tax is carved out
    NO_TAX = "NO_TAX"


_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class LineItem:
    description: str
    quantity: Decimal
    unit_price: Decimal
    account_code: str
    tax_rate: Decimal = Decimal(0)  # percent, e.g. 20 for 20 %, as its tax code had it
    discount_percent: Decimal = Decimal(0)
    tax_code_id: int | None = None  # the book's tax code (``domain.tax_codes``)


@dataclass(frozen=True, slots=True)
class LineAmounts:
    net: Money
    tax: Money
    gross: Money

    def shown(self, mode: TaxMode) -> Money:
        """The line's amount as the form and the printed document show it: in the terms its
        price is written in.  Prices exclude tax: the net amount (the tax is added under
        the lines).  Prices include tax: the gross amount.  No tax: net and gross agree."""
        return self.gross if mode is TaxMode.INCLUSIVE else self.net


def line_amounts(line: LineItem, currency: str, mode: TaxMode) -> LineAmounts:
    """Net, tax and gross of one line on its own, each rounded to the minor unit."""
    return document_line_amounts((line,), currency, mode, TaxRounding.PER_LINE)[0]


def document_line_amounts(
    lines: Sequence[LineItem], currency: str, mode: TaxMode, rounding: TaxRounding
) -> list[LineAmounts]:
    """Net, tax and gross of each line of a document: the one pricing function that the
    editor, the service (posting), the reports, the printed page and the tax return share.

    Each line's extended amount (quantity x price less discount) is rounded first; its tax
    follows the document's ``rounding`` (``domain.tax_rounding``): per line, or per tax code
    once for the document and shared out over its lines."""
    extended = [Money(ln.quantity * ln.unit_price * ((_HUNDRED - ln.discount_percent)
                                                     / _HUNDRED), currency) for ln in lines]
    inclusive = mode is TaxMode.INCLUSIVE
    rates = [Decimal(0) if mode is TaxMode.NO_TAX else ln.tax_rate for ln in lines]
    taxes = line_taxes([e.amount for e in extended], rates, [ln.tax_code_id for ln in lines],
                       currency, inclusive=inclusive, rounding=rounding)
    amounts = []
    for base, tax_amount in zip(extended, taxes, strict=True):
        tax = Money(tax_amount, currency)
        amounts.append(LineAmounts(net=base - tax, tax=tax, gross=base) if inclusive
                       else LineAmounts(net=base, tax=tax, gross=base + tax))
    return amounts


@dataclass(frozen=True, slots=True)
class DocumentTotals:
    net: Money
    tax: Money
    total: Money


@dataclass(frozen=True, slots=True)
class Document:
    kind: DocumentKind
    contact_id: int
    issue_date: dt.date
    due_date: dt.date
    currency: str
    lines: tuple[LineItem, ...] = ()
    tax_mode: TaxMode = TaxMode.EXCLUSIVE
    exchange_rate: Decimal = Decimal(1)
    reference: str = ""
    number: str | None = None
    lifecycle: Lifecycle = Lifecycle.DRAFT
    #: Only for prepayments, which have no lines: the credit kept from a payment's excess.
    prepayment_amount: Money | None = None
    source_payment_id: int | None = None
    id: int | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    #: Kept from when the document was saved, so its amounts never change with the setting.
    tax_rounding: TaxRounding = TaxRounding.PER_LINE

    def line_amounts(self) -> list[LineAmounts]:
        return document_line_amounts(self.lines, self.currency, self.tax_mode,
                                     self.tax_rounding)

    def totals(self) -> DocumentTotals:
        if self.kind.is_prepayment:
            amount = self.prepayment_amount or Money.zero(self.currency)
            return DocumentTotals(amount, Money.zero(self.currency), amount)
        amounts = self.line_amounts()
        net = total([a.net for a in amounts], self.currency)
        tax = total([a.tax for a in amounts], self.currency)
        return DocumentTotals(net=net, tax=tax, total=net + tax)


def due_date_for(issue_date: dt.date, payment_terms_days: int) -> dt.date:
    """When a document falls due: its issue date plus its contact's payment terms.  The
    service gives a draft without a due date this, and the editor shows it beforehand.
    Terms that would run past 9999-12-31 end there: the calendar has no later day."""
    return clamped_days_after(issue_date, payment_terms_days)


def derive_status(lifecycle: Lifecycle, outstanding: Money) -> DocumentStatus:
    if lifecycle is Lifecycle.DRAFT:
        return DocumentStatus.DRAFT
    if lifecycle is Lifecycle.VOIDED:
        return DocumentStatus.VOIDED
    return DocumentStatus.PAID if outstanding.is_zero else DocumentStatus.AUTHORISED


def is_partly_paid(lifecycle: Lifecycle, doc_total: Money, outstanding: Money) -> bool:
    return lifecycle is Lifecycle.AUTHORISED and Money.zero(
        outstanding.currency
    ) < outstanding < doc_total


def is_overdue(
    lifecycle: Lifecycle, due_date: dt.date, outstanding: Money, today: dt.date,
    *, kind: DocumentKind,
) -> bool:
    """An invoice or bill still owing past its due date.  A credit note or a kept credit
    is never overdue: it is owed back or waits to be applied, it does not fall due."""
    return (not kind.is_credit and lifecycle is Lifecycle.AUTHORISED
            and outstanding.is_positive and due_date < today)


def status_label(
    lifecycle: Lifecycle, doc_total: Money, outstanding: Money, due_date: dt.date, today: dt.date,
    *, kind: DocumentKind,
) -> str:
    """One word for lists: draft, open, partly paid, overdue, paid, void."""
    status = derive_status(lifecycle, outstanding)
    if status is DocumentStatus.AUTHORISED:
        if is_overdue(lifecycle, due_date, outstanding, today, kind=kind):
            return "overdue"
        return "partly paid" if is_partly_paid(lifecycle, doc_total, outstanding) else "open"
    return {"DRAFT": "draft", "PAID": "paid", "VOIDED": "void"}[status.value]
