"""Payments (receipts, supplier payments, refunds) and their allocations to documents."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.money import Money


class PaymentKind(enum.Enum):
    CUSTOMER_RECEIPT = "CUSTOMER_RECEIPT"  # a customer pays invoices
    SUPPLIER_PAYMENT = "SUPPLIER_PAYMENT"  # the business pays bills
    CUSTOMER_REFUND = "CUSTOMER_REFUND"  # money back to a customer against a credit
    SUPPLIER_REFUND = "SUPPLIER_REFUND"  # money back from a supplier against a credit

    @property
    def side(self) -> Side:
        if self in (PaymentKind.CUSTOMER_RECEIPT, PaymentKind.CUSTOMER_REFUND):
            return Side.SALES
        return Side.PURCHASES

    @property
    def money_in(self) -> bool:
        return self in (PaymentKind.CUSTOMER_RECEIPT, PaymentKind.SUPPLIER_REFUND)

    @property
    def is_refund(self) -> bool:
        return self in (PaymentKind.CUSTOMER_REFUND, PaymentKind.SUPPLIER_REFUND)

    @property
    def target_kinds(self) -> frozenset[DocumentKind]:
        """The kinds of document this payment may settle."""
        return _TARGETS[self]

    @property
    def prepayment_kind(self) -> DocumentKind | None:
        """The credit that keeps this payment's excess, if it can have one."""
        return {
            PaymentKind.CUSTOMER_RECEIPT: DocumentKind.CUSTOMER_PREPAYMENT,
            PaymentKind.SUPPLIER_PAYMENT: DocumentKind.SUPPLIER_PREPAYMENT,
        }.get(self)


_TARGETS = {
    PaymentKind.CUSTOMER_RECEIPT: frozenset({DocumentKind.SALES_INVOICE}),
    PaymentKind.SUPPLIER_PAYMENT: frozenset({DocumentKind.BILL}),
    PaymentKind.CUSTOMER_REFUND: frozenset(
        {DocumentKind.SALES_CREDIT_NOTE, DocumentKind.CUSTOMER_PREPAYMENT}
    ),
    PaymentKind.SUPPLIER_REFUND: frozenset(
        {DocumentKind.PURCHASE_CREDIT_NOTE, DocumentKind.SUPPLIER_PREPAYMENT}
    ),
}


def payment_kind_for(side: Side, refund: bool) -> PaymentKind:
    if side is Side.SALES:
        return PaymentKind.CUSTOMER_REFUND if refund else PaymentKind.CUSTOMER_RECEIPT
    return PaymentKind.SUPPLIER_REFUND if refund else PaymentKind.SUPPLIER_PAYMENT


@dataclass(frozen=True, slots=True)
class Allocation:
    document_id: int
    amount: Money  # in the document's currency
    #: What it takes off the control account at home (``domain.fx``): set when a foreign
    #: document is settled; None for a home-currency one, where it is the amount itself.
    home: Money | None = None


@dataclass(frozen=True, slots=True)
class Payment:
    kind: PaymentKind
    contact_id: int
    date: dt.date
    amount: Money
    bank_account_code: str
    allocations: tuple[Allocation, ...]
    keep_excess_as_credit: bool = False
    reference: str = ""
    #: Client-generated, unique: a retried or re-entered save can never record it twice.
    client_token: str = ""
    voided: bool = False
    id: int | None = None
    #: Home units per one unit of the payment's currency (1 for the home currency).
    rate: Decimal = Decimal(1)

    @property
    def settles_in(self) -> str:
        """The currency of the documents it settles: the payment's own, unless it settles
        documents in another (a CHF payment for a EUR invoice), all in one currency."""
        return self.allocations[0].amount.currency if self.allocations else self.amount.currency

    @property
    def cross_currency(self) -> bool:
        """Money in one currency settling documents in another: what arrived is all of it,
        and the rate between the two is what the amounts imply."""
        return self.settles_in != self.amount.currency

    @property
    def allocated(self) -> Money:
        """What the allocations add up to, in the documents' currency."""
        result = Money.zero(self.settles_in)
        for allocation in self.allocations:
            if allocation.amount.currency == result.currency:
                result = result + allocation.amount
        return result

    @property
    def excess(self) -> Money:
        """What is left over to keep as credit; a cross-currency payment has none."""
        if self.cross_currency:
            return Money.zero(self.amount.currency)
        return self.amount - self.allocated


@dataclass(frozen=True, slots=True)
class CreditApplication:
    """A credit note or kept credit applied to documents of the same contact."""

    id: int
    credit_id: int
    date: dt.date
    allocations: tuple[Allocation, ...]  # on the target documents (each mirrored on the credit)
    voided: bool = False


@dataclass(frozen=True, slots=True)
class OpenDocument:
    """What the payment rules need to know about a document, read fresh from the book."""

    id: int
    kind: DocumentKind
    number: str
    contact_id: int
    currency: str
    total: Money
    outstanding: Money
    authorised: bool
    due_date: dt.date
    issue_date: dt.date
    #: Home units per one unit of its currency, as the document was booked.
    rate: Decimal = Decimal(1)
    #: What its active settlements have taken off the control account, in the home
    #: currency's minor units (for a home-currency document: the total less the outstanding).
    taken_home_minor: int = 0
