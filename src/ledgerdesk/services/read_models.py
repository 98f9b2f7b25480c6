"""Read models: flat rows that queries return to lists, reports and the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle, status_label
from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: int
    kind: DocumentKind
    number: str  # "" for drafts
    contact_id: int
    contact_name: str
    issue_date: dt.date
    due_date: dt.date
    reference: str
    total: Money
    outstanding: Money
    lifecycle: Lifecycle
    #: Home units per one unit of its currency, as it was booked (1 at home).
    exchange_rate: Decimal = Decimal(1)

    def status(self, today: dt.date) -> str:
        return status_label(self.lifecycle, self.total, self.outstanding, self.due_date, today,
                            kind=self.kind)


@dataclass(frozen=True, slots=True)
class ContactSummary:
    id: int
    name: str
    role: ContactRole
    email: str
    receivable: Money  # signed outstanding of the contact's sales documents
    payable: Money  # signed outstanding of the contact's purchase documents


@dataclass(frozen=True, slots=True)
class PaymentSummary:
    id: int
    kind: PaymentKind
    date: dt.date
    contact_id: int
    contact_name: str
    amount: Money
    allocated: Money  # to documents; the rest was kept as credit
    reference: str
    bank_account_code: str
    voided: bool
    documents: str  # numbers of the allocated documents, comma separated


@dataclass(frozen=True, slots=True)
class TrialBalanceRow:
    code: str
    name: str
    type: AccountType
    balance: Money  # debit positive

    @property
    def debit(self) -> Money:
        return self.balance if self.balance.is_positive else Money.zero(self.balance.currency)

    @property
    def credit(self) -> Money:
        return -self.balance if not self.balance.is_positive else Money.zero(
            self.balance.currency
        )


@dataclass(frozen=True, slots=True)
class InvariantFailure:
    check: str
    detail: str
