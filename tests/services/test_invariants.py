"""The ledger's invariants under random sequences of user actions, on a real book file.

A hypothesis state machine drives the services (contacts, drafts, authorising, payments with
and without kept credit, credits applied, unapplied and refunded, voids, deliberate
over-allocations, and tax returns settled, refused early, twice or with nothing due) while
keeping its own model of every document's total, tax and allocations, computed here in
integer cents without the domain's Money.  After every step the book must
agree with the model, and the ledger rules must hold:

- every journal entry balances and the trial balance sums to zero;
- the receivable control account equals the outstanding of authorised sales documents
  (invoices +, credit notes and customer credits -), and payable likewise;
- no document is over-allocated (0 <= outstanding <= total);
- the bank holds exactly the money the live payments and live manual journals moved;
- manual journals are numbered JNL-00001, JNL-00002 … without a hole, a void one stays
  listed, and one that does not balance or touches a control account changes nothing;
- the tax account holds the tax of the live documents less what settlements paid;
- ``check_book`` finds nothing wrong.

Opening balances come in once, at any step (every other record is dated after their day):
balances and open invoices, bills and credit notes for the machine's contacts, some overdue
on the day.  Their documents are paid, credited and voided by the same rules as any other,
their journal is a journal like any other, and the trial balance on the opening day stays
exactly what was entered.  Entered inside the lock, a second time, after the book's first
entry, empty or a cent out of balance, they are refused and change nothing.

The bank is reconciled along the way (both bank accounts, at statement dates before, on and
after the lock): the draft's uncleared postings are exactly the model's live bank postings
not yet cleared, a finished reconciliation is listed with what it cleared, a wrong balance
or an earlier statement date is refused without a change, only the latest reconciliation of
an account is undone, and a cleared payment or journal is not voided while its
reconciliation stands.  The bank's own statement of everything in the book, imported once
or twice with every suggestion accepted, records nothing: no line is doubled.

The chart changes under it too: accounts are re-coded (every posting, document line and
payment follows, so every figure stays on the account under its new code), archived and
restored at zero; archiving an account the books post to by themselves is refused.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from ledgerdesk.domain.chart import AccountChange
from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle, Side
from ledgerdesk.domain.lock import Locked
from ledgerdesk.domain.opening import OpeningLine
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.domain.reconciliation import Cleared
from ledgerdesk.reports.csv_format import write_csv
from ledgerdesk.reports.periods import AgingBuckets, Period
from ledgerdesk.services.chart import edit_account, list_accounts
from ledgerdesk.services.commands import (
    AllocationInput,
    ApplyCredit,
    DocumentDraft,
    LineInput,
    NewContact,
    RecordPayment,
)
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.services.credits import apply_credit, void_credit_application
from ledgerdesk.services.documents import (
    authorise_document,
    create_document,
    save_draft,
    void_document,
)
from ledgerdesk.services.imports import ImportKind, ImportOptions, import_file
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journal_queries import JournalQuery
from ledgerdesk.services.journals import find_journal, record_journal, void_journal
from ledgerdesk.services.lock import change_lock
from ledgerdesk.services.opening import opening_balances_of, record_opening_balances
from ledgerdesk.services.payments import check_payment, record_payment, void_payment
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.reconciliation import (
    finish_reconciliation,
    list_reconciliations,
    reconciliation_postings,
    start_reconciliation,
    undo_reconciliation,
)
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.services.statement_export import STATEMENT_COLUMNS, statement_postings
from ledgerdesk.services.tax_settlement import settle_tax
from ledgerdesk.storage.book import create_book
from ledgerdesk.storage.report_sql import aging_documents_sql, aging_sql

DAY = dt.date(2024, 2, 1)
OPENING = dt.date(2023, 12, 31)  # before every other date the machine writes on
EARLY = dt.date(2024, 1, 10)  # journals of a period a lock closes
LOCK = dt.date(2024, 1, 31)  # the latest lock the machine sets: the day before DAY
K = DocumentKind
SALES = {K.SALES_INVOICE, K.SALES_CREDIT_NOTE, K.CUSTOMER_PREPAYMENT}
DEBIT_KINDS = {K.SALES_INVOICE, K.BILL}  # the rest are credits (notes and prepayments)
EDITABLE = [K.SALES_INVOICE, K.SALES_CREDIT_NOTE, K.BILL, K.PURCHASE_CREDIT_NOTE]
LINE_ACCOUNT = {K.SALES_INVOICE: "4000", K.SALES_CREDIT_NOTE: "4100", K.BILL: "6000",
                K.PURCHASE_CREDIT_NOTE: "6100"}
PREFIX = {K.SALES_INVOICE: "INV-", K.SALES_CREDIT_NOTE: "CN-", K.CUSTOMER_PREPAYMENT: "CC-",
          K.BILL: "BILL-", K.PURCHASE_CREDIT_NOTE: "SCN-", K.SUPPLIER_PREPAYMENT: "SC-"}
CREDIT_KEPT_AS = {PaymentKind.CUSTOMER_RECEIPT: K.CUSTOMER_PREPAYMENT,
                  PaymentKind.SUPPLIER_PAYMENT: K.SUPPLIER_PREPAYMENT}
TARGETS = {
    PaymentKind.CUSTOMER_RECEIPT: {K.SALES_INVOICE},
    PaymentKind.SUPPLIER_PAYMENT: {K.BILL},
    PaymentKind.CUSTOMER_REFUND: {K.SALES_CREDIT_NOTE, K.CUSTOMER_PREPAYMENT},
    PaymentKind.SUPPLIER_REFUND: {K.PURCHASE_CREDIT_NOTE, K.SUPPLIER_PREPAYMENT},
}
MONEY_IN = {PaymentKind.CUSTOMER_RECEIPT, PaymentKind.SUPPLIER_REFUND}
RECEIVABLE, PAYABLE, BANK, SALES_TAX = "1100", "2000", "1000", "2200"
#: Accounts a manual journal may use (bank, savings, equipment, equity, income, expense);
#: never the sales tax account, whose balance the tax invariant follows.
JOURNAL_ACCOUNTS = ["1000", "1010", "1500", "4100", "3000", "4000", "6000", "6300"]
#: the tax periods a settlement may cover: DAY's month, the month before, the quarter
TAX_PERIODS = (Period(dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
               Period(dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
               Period(dt.date(2024, 1, 1), dt.date(2024, 3, 31)))
#: a document's tax as the return counts it: output tax +, input tax -
TAX_SIGN = {K.SALES_INVOICE: 1, K.SALES_CREDIT_NOTE: -1, K.BILL: -1, K.PURCHASE_CREDIT_NOTE: 1}
#: Opening balances' plain accounts (bank, savings, equipment, equity; the last balances)
OPENING_ACCOUNTS = ["1000", "1010", "1500", "3000"]
#: (control account, a debit) -> the open document an opening line on it becomes
OPENING_KIND = {(RECEIVABLE, True): K.SALES_INVOICE, (RECEIVABLE, False): K.SALES_CREDIT_NOTE,
                (PAYABLE, False): K.BILL, (PAYABLE, True): K.PURCHASE_CREDIT_NOTE}

#: statement dates: before, on and after the lock, and after each tax settlement's date
AGING_DATES = (OPENING - dt.timedelta(days=1), OPENING, EARLY, DAY - dt.timedelta(days=1), DAY,
               DAY + dt.timedelta(days=45))
STATEMENT_DATES = (EARLY, LOCK, DAY, dt.date(2024, 2, 29), dt.date(2024, 3, 31),
                   dt.date(2024, 4, 30))
SAVINGS = "1010"  # the other bank account; only journals move it

cents = st.integers(min_value=1, max_value=50_000)
#: tax rates in tenths of a percent: 0 %, 5.5 %, 10 %, 20 %
tax_tenths = st.sampled_from([0, 55, 100, 200])


def money(minor: int) -> Decimal:
    return Decimal(minor) / 100


def minor(amount: Decimal) -> int:
    scaled = amount * 100
    assert scaled == scaled.to_integral_value(), amount
    return int(scaled)


@dataclass
class ModelDoc:
    id: int
    kind: DocumentKind
    contact: int
    total: int  # cents
    lifecycle: Lifecycle
    number: str | None = None
    source_payment: int | None = None
    tax: int = 0  # cents, per line as the book rounds by default
    date: dt.date = DAY


@dataclass
class ModelAllocation:
    document: int
    amount: int
    payment: int | None = None
    application: int | None = None
    active: bool = True


@dataclass
class ModelPayment:
    id: int
    kind: PaymentKind
    amount: int
    credit: int | None
    voided: bool = False


@dataclass
class ModelJournal:
    id: int
    number: str
    lines: list[tuple[str, int]]  # (account, cents), debit positive
    voided: bool = False
    date: dt.date = DAY


@dataclass
class Model:
    contacts: list[int] = field(default_factory=list)
    docs: dict[int, ModelDoc] = field(default_factory=dict)
    allocations: list[ModelAllocation] = field(default_factory=list)
    payments: dict[int, ModelPayment] = field(default_factory=dict)
    issued: dict[DocumentKind, int] = field(default_factory=dict)
    journals: dict[int, ModelJournal] = field(default_factory=dict)
    #: what the opening balances entered, by first code (debit positive); empty before
    opening: dict[str, int] = field(default_factory=dict)
    opening_journal: str | None = None  # its number ("" when every line was a document)

    def journalled(self, account: str) -> int:
        """What the live manual journals moved on ``account``, debit positive."""
        return sum(cents for j in self.journals.values() if not j.voided
                   for code, cents in j.lines if code == account)
    settled: list[tuple[Period, int]] = field(default_factory=list)  # period, net paid

    def allocated(self, doc_id: int) -> int:
        return sum(a.amount for a in self.allocations if a.active and a.document == doc_id)

    def outstanding(self, doc_id: int) -> int:
        return self.docs[doc_id].total - self.allocated(doc_id)

    def in_use(self, doc_id: int) -> bool:
        return any(a.active and a.document == doc_id for a in self.allocations)

    def open_docs(self, kinds, contact: int | None = None) -> list[ModelDoc]:
        return [
            d for d in self.docs.values()
            if d.kind in kinds and d.lifecycle is Lifecycle.AUTHORISED
            and (contact is None or d.contact == contact) and self.outstanding(d.id) > 0
        ]

    def tax_due(self) -> int:
        """Output less input tax of the live documents (dated DAY; the opening's have none)."""
        return sum(TAX_SIGN.get(d.kind, 0) * d.tax for d in self.docs.values()
                   if d.lifecycle is Lifecycle.AUTHORISED)

    def next_number(self, kind: DocumentKind) -> str:
        self.issued[kind] = self.issued.get(kind, 0) + 1
        return f"{PREFIX[kind]}{self.issued[kind]:05d}"


#: A bank posting as the model knows it: (account's first code, source type, id, cents).
Posting = tuple[str, str, int, int]


@dataclass
class ModelReconciliation:
    id: int
    account: str  # first code
    date: dt.date
    balance: int
    opening: int
    cleared: Counter[Posting]
    undone: bool = False


@dataclass
class ReconciliationModel:
    recs: list[ModelReconciliation] = field(default_factory=list)

    def last(self, account: str) -> ModelReconciliation | None:
        standing = [r for r in self.recs if r.account == account and not r.undone]
        return standing[-1] if standing else None

    def cleared(self) -> Counter[Posting]:
        return sum((r.cleared for r in self.recs if not r.undone), Counter())

    def clears(self, source: str, source_id: int) -> bool:
        return any(p[1] == source and p[2] == source_id for p in self.cleared())


def line_tax(price: int, tenths: int) -> int:
    """Exclusive tax, rounded half up per line, in integer cents."""
    return (price * tenths + 500) // 1000


def line_total(price: int, tenths: int) -> int:
    return price + line_tax(price, tenths)


def draft_command(kind: DocumentKind, contact: int, price: int, tenths: int,
                  account: str | None = None) -> DocumentDraft:
    return DocumentDraft(
        kind=kind, contact_id=contact, issue_date=DAY, due_date=DAY + dt.timedelta(days=30),
        lines=[LineInput(description="item", unit_price=money(price),
                         account_code=account or LINE_ACCOUNT[kind],
                         tax_rate=Decimal(tenths) / 10)],
    )


def journal_command(lines: list[tuple[str, int]], codes: dict[str, str],
                    day: dt.date = DAY) -> RecordJournal:
    """``lines`` name accounts by their first code; ``codes`` says what each is now."""
    return RecordJournal(date=day, memo="Machine journal", lines=[
        JournalLineInput(account_code=codes[code], debit=money(cents) if cents > 0 else None,
                         credit=money(-cents) if cents < 0 else None)
        for code, cents in lines
    ])


def payment_command(kind: PaymentKind, contact: int, amount: int,
                    allocs: list[tuple[int, int]], keep: bool = False) -> RecordPayment:
    return RecordPayment(
        kind=kind, contact_id=contact, date=DAY, amount=money(amount), keep_excess_as_credit=keep,
        allocations=[AllocationInput(document_id=d, amount=money(a)) for d, a in allocs],
    )


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="ledgerdesk-sm-"))
        self.book = create_book(self.dir / "sm.book")
        initialise_book(self.book, "Machine Co", "EUR")
        self.model = Model()
        self.codes = {a.code: a.code for a in list_accounts(self.book, DAY).rows}  # first: now
        self.archived: set[str] = set()  # first codes
        self.lock: dt.date | None = None  # every other rule writes on DAY, after any lock
        self.names: dict[int, str] = {}  # contact id -> name, as opening lines name them

    def teardown(self) -> None:
        self.book.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- helpers ---------------------------------------------------------------------
    def snapshot(self):
        queries = self.book.queries()
        return (
            [(r.code, r.balance) for r in queries.trial_balance()],
            [(d.id, d.lifecycle, d.number, d.total, d.outstanding)
             for d in queries.list_documents(list(DocumentKind))],
            [(p.id, p.voided, p.amount) for p in queries.list_payments()],
            sum(1 for _ in queries.journal()),
            [(r.id, r.voided) for r in self.book.journals().journal_page(JournalQuery(), 0, 999)],
        )

    def refused_without_change(self, action, error=ValidationFailed) -> Exception:
        before = self.snapshot()
        try:
            action()
        except error as exc:
            refused = exc
        else:
            raise AssertionError(f"expected {error}, nothing was refused")
        assert self.snapshot() == before, "a refused action changed the book"
        return refused

    def add_doc(self, doc_id: int, kind, contact: int, total: int, lifecycle, number=None,
                tax: int = 0):
        assert doc_id not in self.model.docs
        self.model.docs[doc_id] = ModelDoc(doc_id, kind, contact, total, lifecycle, number,
                                           tax=tax)

    # --- contacts and documents ----------------------------------------------------------
    def contact(self, name: str) -> None:
        contact_id = add_contact(self.book, NewContact(name=name, role=ContactRole.BOTH))
        self.model.contacts.append(contact_id)
        self.names[contact_id] = name

    @initialize()
    def two_contacts(self) -> None:
        for name in ("Alpha", "Beta"):
            self.contact(name)

    @precondition(lambda self: len(self.model.contacts) < 3)
    @rule()
    def add_a_contact(self) -> None:
        self.contact(f"Contact {len(self.model.contacts) + 1}")

    @rule(data=st.data(), kind=st.sampled_from(EDITABLE), price=cents, tenths=tax_tenths,
          empty=st.sampled_from([False] * 4 + [True]))
    def create_draft(self, data, kind, price, tenths, empty) -> None:
        contact = data.draw(st.sampled_from(self.model.contacts))
        if empty:  # a zero draft may be saved but never authorised
            price = 0
        doc_id = save_draft(self.book, draft_command(kind, contact, price, tenths,
                                                     self.codes[LINE_ACCOUNT[kind]]))
        self.add_doc(doc_id, kind, contact, line_total(price, tenths), Lifecycle.DRAFT,
                     tax=line_tax(price, tenths))

    @precondition(lambda self: any(d.lifecycle is Lifecycle.DRAFT
                                   for d in self.model.docs.values()))
    @rule(data=st.data())
    def authorise(self, data) -> None:
        drafts = [d for d in self.model.docs.values() if d.lifecycle is Lifecycle.DRAFT]
        doc = data.draw(st.sampled_from(drafts))
        if doc.total == 0:
            self.refused_without_change(lambda: authorise_document(self.book, doc.id))
            return
        number = authorise_document(self.book, doc.id)
        assert number == self.model.next_number(doc.kind)  # gap-free, per kind
        doc.lifecycle, doc.number = Lifecycle.AUTHORISED, number

    @rule(data=st.data(), kind=st.sampled_from(EDITABLE), price=cents, tenths=tax_tenths)
    def create_and_authorise(self, data, kind, price, tenths) -> None:
        contact = data.draw(st.sampled_from(self.model.contacts))
        doc_id, number = create_document(self.book, draft_command(
            kind, contact, price, tenths, self.codes[LINE_ACCOUNT[kind]]))
        assert number == self.model.next_number(kind)
        self.add_doc(doc_id, kind, contact, line_total(price, tenths), Lifecycle.AUTHORISED,
                     number, tax=line_tax(price, tenths))

    # --- payments --------------------------------------------------------------------
    @rule(data=st.data(), kind=st.sampled_from(list(PaymentKind)))
    def pay_exactly(self, data, kind) -> None:
        payable = self.model.open_docs(TARGETS[kind])
        if not payable:
            return
        contact = data.draw(st.sampled_from(sorted({d.contact for d in payable})))
        chosen = data.draw(st.lists(st.sampled_from(self.model.open_docs(TARGETS[kind], contact)),
                                    min_size=1, max_size=3, unique_by=lambda d: d.id))
        allocs = [(d.id, data.draw(st.integers(1, self.model.outstanding(d.id)))) for d in chosen]
        amount = sum(a for _, a in allocs)
        result = record_payment(self.book, payment_command(kind, contact, amount, allocs))
        assert result.credit_id is None and not result.already_recorded
        self.model.payments[result.payment_id] = ModelPayment(result.payment_id, kind, amount, None)
        self.model.allocations += [ModelAllocation(d, a, payment=result.payment_id)
                                   for d, a in allocs]

    @rule(data=st.data(), kind=st.sampled_from(list(PaymentKind)),
          how=st.sampled_from(["over_one", "same_document_twice", "unallocated_excess"]))
    def over_allocate_on_purpose(self, data, kind, how) -> None:
        payable = self.model.open_docs(TARGETS[kind])
        if not payable:
            return
        doc = data.draw(st.sampled_from(payable))
        left = self.model.outstanding(doc.id)
        if how == "over_one":
            allocs = [(doc.id, left + data.draw(st.integers(1, 10_000)))]
        elif how == "same_document_twice":
            # each allocation fits on its own; together they are too much
            first = data.draw(st.integers(1, left))
            allocs = [(doc.id, first), (doc.id, left - first + data.draw(st.integers(1, 500)))]
        else:
            allocs = [(doc.id, data.draw(st.integers(1, left)))]
        amount = sum(a for _, a in allocs)
        if how == "unallocated_excess":
            amount += data.draw(st.integers(1, 500))  # excess, but not kept as credit
        command = payment_command(kind, doc.contact, amount, allocs)
        assert check_payment(self.book, command), "check_payment saw nothing wrong"
        self.refused_without_change(lambda: record_payment(self.book, command))

    @rule(data=st.data(), kind=st.sampled_from(list(CREDIT_KEPT_AS)), excess=cents)
    def pay_keeping_the_excess_as_credit(self, data, kind, excess) -> None:
        contact = data.draw(st.sampled_from(self.model.contacts))
        open_here = self.model.open_docs(TARGETS[kind], contact)
        chosen = data.draw(st.lists(st.sampled_from(open_here), max_size=2,
                                    unique_by=lambda d: d.id)) if open_here else []
        allocs = [(d.id, data.draw(st.integers(1, self.model.outstanding(d.id)))) for d in chosen]
        amount = sum(a for _, a in allocs) + excess
        result = record_payment(self.book, payment_command(kind, contact, amount, allocs, True))
        credit_kind = CREDIT_KEPT_AS[kind]
        assert result.credit_id is not None
        assert result.credit_number == self.model.next_number(credit_kind)
        self.model.payments[result.payment_id] = ModelPayment(
            result.payment_id, kind, amount, result.credit_id)
        self.model.allocations += [ModelAllocation(d, a, payment=result.payment_id)
                                   for d, a in allocs]
        self.add_doc(result.credit_id, credit_kind, contact, excess, Lifecycle.AUTHORISED,
                     result.credit_number)
        self.model.docs[result.credit_id].source_payment = result.payment_id

    @rule(data=st.data(), over=st.booleans())
    def apply_a_credit(self, data, over) -> None:
        credits = [d for d in self.model.open_docs(set(DocumentKind) - DEBIT_KINDS)
                   if self.model.open_docs(self._debit_kind_of(d), d.contact)]
        if not credits:
            return
        credit = data.draw(st.sampled_from(credits))
        target = data.draw(st.sampled_from(
            self.model.open_docs(self._debit_kind_of(credit), credit.contact)))
        most = min(self.model.outstanding(credit.id), self.model.outstanding(target.id))
        amount = most + data.draw(st.integers(1, 500)) if over else data.draw(
            st.integers(1, most))
        command = ApplyCredit(credit_id=credit.id, date=DAY, allocations=[
            AllocationInput(document_id=target.id, amount=money(amount))])
        if over:
            self.refused_without_change(lambda: apply_credit(self.book, command))
            return
        application = apply_credit(self.book, command)
        self.model.allocations += [
            ModelAllocation(target.id, amount, application=application),
            ModelAllocation(credit.id, amount, application=application),
        ]

    @precondition(lambda self: any(a.application is not None for a in self.model.allocations))
    @rule(data=st.data())
    def void_a_credit_application(self, data) -> None:
        applied = sorted({a.application for a in self.model.allocations
                          if a.application is not None})
        application = data.draw(st.sampled_from(applied))
        rows = [a for a in self.model.allocations if a.application == application]
        if not any(a.active for a in rows):  # voided before: a second void is refused
            self.refused_without_change(
                lambda: void_credit_application(self.book, application), NotAllowed)
            return
        void_credit_application(self.book, application)
        for allocation in rows:
            allocation.active = False

    @staticmethod
    def _debit_kind_of(credit: ModelDoc) -> set[DocumentKind]:
        return {K.SALES_INVOICE} if credit.kind in SALES else {K.BILL}

    @rule(data=st.data())
    def refund_a_credit(self, data) -> None:
        credits = self.model.open_docs(set(DocumentKind) - DEBIT_KINDS)
        if not credits:
            return
        credit = data.draw(st.sampled_from(credits))
        kind = PaymentKind.CUSTOMER_REFUND if credit.kind in SALES else PaymentKind.SUPPLIER_REFUND
        amount = data.draw(st.integers(1, self.model.outstanding(credit.id)))
        result = record_payment(
            self.book, payment_command(kind, credit.contact, amount, [(credit.id, amount)]))
        self.model.payments[result.payment_id] = ModelPayment(result.payment_id, kind, amount, None)
        self.model.allocations.append(ModelAllocation(credit.id, amount,
                                                      payment=result.payment_id))

    # --- voids -----------------------------------------------------------------------
    @precondition(lambda self: bool(self.model.docs))
    @rule(data=st.data())
    def void_a_document(self, data) -> None:
        doc = data.draw(st.sampled_from(list(self.model.docs.values())))
        settled = any(p.start <= doc.date <= p.end for p, _ in self.model.settled)
        refused = (doc.lifecycle is Lifecycle.VOIDED or doc.kind not in EDITABLE
                   or self.model.in_use(doc.id)
                   or (doc.lifecycle is Lifecycle.AUTHORISED and settled))  # its tax is paid
        if (self.lock is not None and doc.date <= self.lock and doc.kind in EDITABLE
                and doc.lifecycle is not Lifecycle.VOIDED):  # an opening document, locked
            self.refused_without_change(lambda: void_document(self.book, doc.id, DAY), Locked)
            return
        if refused:
            self.refused_without_change(lambda: void_document(self.book, doc.id, DAY), NotAllowed)
            return
        void_document(self.book, doc.id, DAY)
        doc.lifecycle = Lifecycle.VOIDED

    @precondition(lambda self: any(not p.voided for p in self.model.payments.values()))
    @rule(data=st.data())
    def void_a_payment(self, data) -> None:
        live = [p for p in self.model.payments.values() if not p.voided]
        payment = data.draw(st.sampled_from(live))
        if self.recon.clears("PAYMENT", payment.id):  # a standing reconciliation cleared it
            self.refused_reconciling(lambda: void_payment(self.book, payment.id, DAY), Cleared)
            return
        if payment.credit is not None and self.model.in_use(payment.credit):
            self.refused_without_change(
                lambda: void_payment(self.book, payment.id, DAY), NotAllowed)
            return
        void_payment(self.book, payment.id, DAY)
        payment.voided = True
        for allocation in self.model.allocations:
            if allocation.payment == payment.id:
                allocation.active = False
        if payment.credit is not None:
            self.model.docs[payment.credit].lifecycle = Lifecycle.VOIDED

    # --- the chart ----------------------------------------------------------------------
    @rule(first=st.sampled_from([BANK, RECEIVABLE, PAYABLE, "2200", "4000", "4100", "6000",
                                 "6100"]))
    def re_code_an_account(self, first) -> None:
        """A new code that sorts where the old one did (the first bank stays the default)."""
        before = self.snapshot()
        now = self.codes[first]
        edit_account(self.book, now, AccountChange(code=f"{now}.1"), DAY)
        self.codes[first] = f"{now}.1"
        renamed = [(f"{code}.1" if code == now else code, balance)
                   for code, balance in before[0]]
        assert self.snapshot() == (renamed, *before[1:])

    @rule(first=st.sampled_from(["5000", "6200", "6400"]))  # no journal touches them
    def archive_or_restore_an_unused_account(self, first) -> None:
        archive = first not in self.archived
        edit_account(self.book, self.codes[first], AccountChange(archived=archive), DAY)
        self.archived ^= {first}
        listed = {a.code: a.archived for a in list_accounts(self.book, DAY).rows}
        assert listed[self.codes[first]] is archive

    @rule(first=st.sampled_from([RECEIVABLE, PAYABLE, "2200", "3100"]))
    def archiving_a_kept_account_is_refused(self, first) -> None:
        self.refused_without_change(lambda: edit_account(
            self.book, self.codes[first], AccountChange(archived=True), DAY))

    # --- manual journals ---------------------------------------------------------------
    @rule(data=st.data(), amounts=st.lists(st.integers(-50_000, 50_000).filter(bool),
                                           min_size=1, max_size=4))
    def record_a_journal(self, data, amounts) -> None:
        accounts = st.sampled_from(JOURNAL_ACCOUNTS)
        lines = [(data.draw(accounts), cents) for cents in amounts]
        if sum(amounts):
            lines.append((data.draw(accounts), -sum(amounts)))  # the balancing line
        if len(lines) < 2:
            lines.append((data.draw(accounts), -lines[0][1]))
        recorded = record_journal(self.book, journal_command(lines, self.codes))
        assert recorded.number == f"JNL-{len(self.model.journals) + 1:05d}"  # gap-free
        self.model.journals[recorded.journal_id] = ModelJournal(
            recorded.journal_id, recorded.number, lines)

    @rule(data=st.data(), cents=cents,
          how=st.sampled_from(["unbalanced", "receivable", "payable", "one_line"]))
    def record_a_refused_journal(self, data, cents, how) -> None:
        account = data.draw(st.sampled_from(JOURNAL_ACCOUNTS))
        lines = {"unbalanced": [(account, cents), (BANK, -cents - 1)],
                 "receivable": [(RECEIVABLE, cents), (account, -cents)],
                 "payable": [(account, cents), (PAYABLE, -cents)],
                 "one_line": [(account, cents)]}[how]
        self.refused_without_change(
            lambda: record_journal(self.book, journal_command(lines, self.codes)))

    @precondition(lambda self: bool(self.model.journals))
    @rule(data=st.data())
    def void_a_journal(self, data) -> None:
        journal = data.draw(st.sampled_from(list(self.model.journals.values())))
        if self.lock is not None and journal.date <= self.lock and not journal.voided:
            self.refused_without_change(lambda: void_journal(self.book, journal.id, DAY), Locked)
            return
        if journal.voided:
            self.refused_without_change(
                lambda: void_journal(self.book, journal.id, DAY), NotAllowed)
            return
        if self.recon.clears("MANUAL", journal.id):  # a standing reconciliation cleared it
            self.refused_reconciling(lambda: void_journal(self.book, journal.id, DAY), Cleared)
            return
        assert void_journal(self.book, journal.id, DAY) == journal.number
        journal.voided = True

    # --- the lock date ---------------------------------------------------------------------
    @precondition(lambda self: self.lock is None)
    @rule(data=st.data(), cents=cents)
    def record_an_early_journal(self, data, cents) -> None:
        """A journal of the period a lock may close (before DAY), while it is open."""
        lines = [(data.draw(st.sampled_from(JOURNAL_ACCOUNTS)), cents), (BANK, -cents)]
        recorded = record_journal(self.book, journal_command(lines, self.codes, EARLY))
        self.model.journals[recorded.journal_id] = ModelJournal(
            recorded.journal_id, recorded.number, lines, date=EARLY)

    @rule(through=st.sampled_from([None, EARLY, LOCK]))
    def lock_move_or_clear(self, through) -> None:
        """An accountant may lock, move the lock either way, or clear it; each is audited."""
        said = change_lock(self.book, through)
        assert said.startswith(("Locked", "Lock moved", "Lock cleared", "Already", "Not"))
        self.lock = through

    @precondition(lambda self: self.lock is not None)
    @rule(data=st.data(), what=st.sampled_from(
        ["journal", "draft", "payment", "void_journal", "void_document", "void_payment"]))
    def writes_inside_the_lock_are_refused(self, data, what) -> None:
        """Dated on or before the lock (or voiding with a date there): refused, unchanged."""
        day = data.draw(st.sampled_from([self.lock, self.lock - dt.timedelta(days=30)]))
        contact = self.model.contacts[0]
        doc = next((d.id for d in self.model.docs.values() if d.kind in EDITABLE
                    and d.lifecycle is not Lifecycle.VOIDED), None)
        payment = next((p.id for p in self.model.payments.values() if not p.voided), None)
        journal = next((j.id for j in self.model.journals.values() if not j.voided), None)
        kind = DocumentKind.SALES_INVOICE
        attempt = {
            "journal": lambda: record_journal(self.book, journal_command(
                [(BANK, 100), (JOURNAL_ACCOUNTS[1], -100)], self.codes, day)),
            "draft": lambda: save_draft(self.book, draft_command(
                kind, contact, 100, 0, self.codes[LINE_ACCOUNT[kind]]).model_copy(
                    update={"issue_date": day})),
            "payment": lambda: record_payment(self.book, payment_command(
                PaymentKind.CUSTOMER_RECEIPT, contact, 100, []).model_copy(
                    update={"date": day})),
            "void_journal": journal and (lambda: void_journal(self.book, journal, day)),
            "void_document": doc and (lambda: void_document(self.book, doc, day)),
            "void_payment": payment and (lambda: void_payment(self.book, payment, day)),
        }[what]
        if attempt:
            self.refused_without_change(attempt, Locked)

    # --- opening balances ----------------------------------------------------------------
    @rule(data=st.data(), plain=st.lists(st.tuples(st.sampled_from(OPENING_ACCOUNTS), cents,
                                                   st.booleans()), max_size=3),
          documents=st.lists(st.tuples(st.sampled_from([RECEIVABLE, PAYABLE]), cents,
                                       st.booleans(), st.integers(-60, 60)), max_size=3),
          how=st.sampled_from(["balanced"] * 4 + ["a_cent_out", "late"]))
    def enter_opening_balances(self, data, plain, documents, how) -> None:
        """Balances and open documents (some overdue on the day) as the wizard enters them;
        refused inside the lock, a second time, after an entry, empty or out of balance."""
        lines = [(code, c if debit else -c, None) for code, c, debit in plain]
        lines += [(code, c if debit else -c, (data.draw(st.sampled_from(self.model.contacts)),
                                              f"OB-{i + 1}", OPENING + dt.timedelta(days)))
                  for i, (code, c, debit, days) in enumerate(documents)]
        if total := sum(c for _, c, _ in lines):
            lines.append(("3000", -total, None))
        if how == "a_cent_out" and lines:
            code, c, document = lines[0]
            lines[0] = (code, c + (1 if c > 0 else -1), document)
        first = min((e.date for e in self.book.queries().journal()), default=None)
        if how == "late" and (first is None or first > DAY):  # nothing to come after it
            how = "balanced"
        as_of = DAY if how == "late" else OPENING  # every entry is dated on or before DAY
        entered = [OpeningLine(
            self.codes[code], money(c) if c > 0 else None, money(-c) if c < 0 else None,
            *((self.names[document[0]], *document[1:]) if document else ()))
            for code, c, document in lines]
        record = lambda: record_opening_balances(self.book, as_of, entered)  # noqa: E731
        if self.lock is not None and as_of <= self.lock:
            self.refused_without_change(record, Locked)
        elif self.model.opening_journal is not None or how == "late":
            assert type(self.refused_without_change(record, NotAllowed)) is NotAllowed
        elif how != "balanced" or not lines:
            refused = self.refused_without_change(record)
            assert [p.code for p in refused.problems] == ["unbalanced" if lines else "no_lines"]
        else:
            self._opened(record(), lines)

    def _opened(self, result, lines: list[tuple[str, int, tuple | None]]) -> None:
        """The model after opening balances: each document open, the rest one journal."""
        with self.book.read() as tx:
            for code, c, (contact, number, due) in [ln for ln in lines if ln[2]]:
                doc = tx.find_document(number)
                kind = OPENING_KIND[(code, c > 0)]
                assert (doc.kind, doc.contact_id, doc.issue_date, doc.due_date) == (
                    kind, contact, OPENING, due)
                self.add_doc(doc.id, kind, contact, abs(c), Lifecycle.AUTHORISED, number)
                self.model.docs[doc.id].date = OPENING
        journalled = [(code, c) for code, c, document in lines if not document]
        if documents := sum(c for _, c, document in lines if document):
            journalled.append(("3100", documents))  # their other side, given back
        self.model.opening_journal = result.journal_number
        if journalled:
            assert result.journal_number == f"JNL-{len(self.model.journals) + 1:05d}"
            journal = find_journal(self.book, result.journal_number)
            self.model.journals[journal.id] = ModelJournal(
                journal.id, journal.number, journalled, date=OPENING)
        for code, c, _ in lines:
            self.model.opening[code] = self.model.opening.get(code, 0) + c

    # --- tax returns -----------------------------------------------------------------
    @rule(period=st.sampled_from(TAX_PERIODS), early=st.sampled_from([False] * 3 + [True]))
    def settle_the_tax_return(self, period, early) -> None:
        """Settled once, after its period, exactly the net due; then the tax account is
        clear (every document is dated DAY).  Early, twice or with nothing due: refused."""
        date = period.end + dt.timedelta(days=-1 if early else 20)
        due = self.model.tax_due() if period.start <= DAY <= period.end else 0
        if self.lock is not None and date <= self.lock:
            self.refused_without_change(lambda: settle_tax(self.book, period, date), Locked)
            return
        if any(p.start <= period.end and period.start <= p.end for p, _ in self.model.settled):
            self.refused_without_change(lambda: settle_tax(self.book, period, date), NotAllowed)
            return
        if early or due == 0:
            self.refused_without_change(lambda: settle_tax(self.book, period, date))
            return
        settled = settle_tax(self.book, period, date)
        assert minor(settled.amount.amount) == due
        self.model.settled.append((period, due))
        balances = {r.code: r.balance for r in self.book.queries().trial_balance()}
        assert balances[self.codes[SALES_TAX]].is_zero, balances[self.codes[SALES_TAX]]

    # --- bank reconciliations --------------------------------------------------------
    @initialize()
    def no_reconciliation_yet(self) -> None:
        self.recon = ReconciliationModel()

    def bank_postings(self, account: str) -> list[tuple[Posting, dt.date]]:
        """The live postings on a bank account (first code), with their dates."""
        found = [((account, "MANUAL", j.id, c), j.date) for j in self.model.journals.values()
                 if not j.voided for code, c in j.lines if code == account]
        if account == BANK:  # payments and tax settlements use the first bank account
            found += [((BANK, "PAYMENT", p.id, p.amount if p.kind in MONEY_IN else -p.amount),
                       DAY) for p in self.model.payments.values() if not p.voided]
            found += [((BANK, "TAX_SETTLEMENT", index + 1, -due),
                       period.end + dt.timedelta(days=20))
                      for index, (period, due) in enumerate(self.model.settled)]
        return found

    def uncleared(self, account: str, through: dt.date) -> Counter[Posting]:
        dated = Counter(p for p, day in self.bank_postings(account) if day <= through)
        return dated - self.recon.cleared()

    def as_posting(self, account: str, posting) -> Posting:
        return (account, posting.source_type.value, posting.source_id,
                minor(posting.amount.amount))

    def reconciliations_seen(self):
        return [(r.id, r.account_code, r.statement_date, r.statement_balance, r.undone,
                 r.cleared) for r in list_reconciliations(self.book)]

    def refused_reconciling(self, action, error=ValidationFailed) -> None:
        """Refused, with neither the ledger nor the reconciliations changed."""
        before = self.reconciliations_seen()
        self.refused_without_change(action, error)
        assert self.reconciliations_seen() == before

    @rule(data=st.data(), account=st.sampled_from([BANK, BANK, SAVINGS]),
          when=st.sampled_from(STATEMENT_DATES), off=st.sampled_from([0] * 3 + [1, -1]))
    def reconcile_a_statement(self, data, account, when, off) -> None:
        """Everything live and uncleared by the statement date is on it; a balance off by
        anything is refused, and so is a statement before the last one reconciled."""
        code, last = self.codes[account], self.recon.last(account)
        if last is not None and when < last.date:
            self.refused_reconciling(lambda: start_reconciliation(
                self.book, code, when, money(last.balance)))
            return
        opening = last.balance if last else 0
        due = self.uncleared(account, when)
        balance = opening + sum(p[3] * n for p, n in due.items())
        draft = start_reconciliation(self.book, code, when, money(balance))
        assert Counter(self.as_posting(account, p) for p in draft.candidates) == due
        assert minor(draft.opening.amount) == opening
        if off:
            wrong = money(balance + off * data.draw(cents))
            self.refused_reconciling(lambda: finish_reconciliation(
                self.book, code, when, wrong, draft.all_ids))
            return
        done = finish_reconciliation(self.book, code, when, money(balance), draft.all_ids)
        self.recon.recs.append(ModelReconciliation(done.id, account, when, balance, opening, due))

    @rule(account=st.sampled_from([BANK, SAVINGS]), twice=st.booleans())
    def import_the_banks_own_statement(self, account, twice) -> None:
        """The bank's statement of everything the book holds, imported with every
        suggestion accepted (twice, or once), records nothing and changes nothing: every
        line is already in the book, cleared or not."""
        code = self.codes[account]
        lines = statement_postings(self.book, code).postings
        path = self.dir / f"statement-{code}.csv"
        with open(path, "w", newline="", encoding="utf-8") as out:
            write_csv(STATEMENT_COLUMNS, lines, out)
        before, seen = self.snapshot(), self.reconciliations_seen()
        for _ in range(2 if twice else 1):
            found = import_file(self.book, path, ImportKind.BANK, None, ImportOptions(
                accept_suggestions=True, bank_account=code))
            assert found.ok and found.created == [], found.problems
            assert sum(m.posting is not None for m in found.matches) == len(lines)
        assert self.snapshot() == before and self.reconciliations_seen() == seen

    def cleared_records(self) -> list[tuple[str, int]]:
        """Payments and journals a standing reconciliation cleared, but not those the lock
        refuses to void first (a journal dated inside it: the lock is the older rule)."""
        return sorted({(source, source_id) for _, source, source_id, _ in self.recon.cleared()
                       if source == "PAYMENT" or (source == "MANUAL" and (
                           self.lock is None or self.model.journals[source_id].date > self.lock))})

    @precondition(lambda self: bool(self.cleared_records()))
    @rule(data=st.data())
    def voiding_a_cleared_record_is_refused(self, data) -> None:
        """The void of a payment or journal a standing reconciliation cleared: refused,
        naming that reconciliation, and nothing changes."""
        source, source_id = data.draw(st.sampled_from(self.cleared_records()))
        void = void_payment if source == "PAYMENT" else void_journal
        before = self.reconciliations_seen()
        self.refused_reconciling(lambda: void(self.book, source_id, DAY), Cleared)
        standing = [r.id for r in self.recon.recs if not r.undone
                    and any(p[1:3] == (source, source_id) for p in r.cleared)]
        assert before == self.reconciliations_seen()
        with pytest.raises(Cleared) as refused:
            void(self.book, source_id, DAY)
        # A journal on both bank accounts may be cleared by one reconciliation of each.
        assert refused.value.reconciliation.id in standing

    @precondition(lambda self: bool(self.recon.recs))
    @rule(data=st.data())
    def undo_a_reconciliation(self, data) -> None:
        """Only the latest standing reconciliation of its account; then its postings are
        uncleared, and their records may be voided again."""
        rec = data.draw(st.sampled_from(self.recon.recs))
        if rec.undone or self.recon.last(rec.account) is not rec:
            self.refused_reconciling(lambda: undo_reconciliation(self.book, rec.id), NotAllowed)
            return
        assert undo_reconciliation(self.book, rec.id).undone
        rec.undone = True

    @invariant()
    def reconciliations_agree_with_the_model(self) -> None:
        first = {now: was for was, now in self.codes.items()}
        seen = self.reconciliations_seen()
        assert [(i, first[code], day, minor(bal.amount), undone, n)
                for i, code, day, bal, undone, n in seen] == [
            (r.id, r.account, r.date, r.balance, r.undone, sum(r.cleared.values()))
            for r in self.recon.recs]
        for rec in self.recon.recs:
            if not rec.undone:
                _, postings = reconciliation_postings(self.book, rec.id)
                assert Counter(self.as_posting(rec.account, p) for p in postings) == rec.cleared

    # --- invariants --------------------------------------------------------------------
    @invariant()
    def book_agrees_with_the_model(self) -> None:
        with self.book.read() as tx:
            fresh = tx.open_documents(list(self.model.docs))
        listed = {d.id: d for d in self.book.queries().list_documents(list(DocumentKind))}
        assert set(fresh) == set(self.model.docs) == set(listed)
        for doc_id, doc in self.model.docs.items():
            seen = fresh[doc_id]
            assert listed[doc_id].lifecycle is doc.lifecycle, (doc, listed[doc_id])
            assert seen.authorised == (doc.lifecycle is Lifecycle.AUTHORISED)
            assert minor(seen.total.amount) == doc.total, (doc, seen)
            assert seen.number == (doc.number or "")  # drafts, even voided, have none
            if doc.lifecycle is Lifecycle.AUTHORISED:
                book_outstanding = minor(seen.outstanding.amount)
                assert book_outstanding == self.model.outstanding(doc_id), (doc, seen)
                assert 0 <= book_outstanding <= doc.total

    @invariant()
    def ledger_rules_hold(self) -> None:
        queries = self.book.queries()
        for entry in queries.journal():
            assert entry.is_balanced(), entry
        balances = {r.code: minor(r.balance.amount) for r in queries.trial_balance()}
        assert sum(balances.values()) == 0

        def signed_outstanding(sales: bool) -> int:
            return sum(
                (1 if d.kind in DEBIT_KINDS else -1) * self.model.outstanding(d.id)
                for d in self.model.docs.values()
                if d.lifecycle is Lifecycle.AUTHORISED and (d.kind in SALES) == sales
            )

        assert balances.get(self.codes[RECEIVABLE], 0) == signed_outstanding(True)
        assert -balances.get(self.codes[PAYABLE], 0) == signed_outstanding(False)  # a credit
        paid_tax = sum(amount for _, amount in self.model.settled)
        bank = sum((1 if p.kind in MONEY_IN else -1) * p.amount
                   for p in self.model.payments.values() if not p.voided)
        assert balances.get(self.codes[BANK], 0) == (bank + self.model.journalled(BANK)
                                                     - paid_tax)
        assert -balances.get(self.codes[SALES_TAX], 0) == self.model.tax_due() - paid_tax
        for code in JOURNAL_ACCOUNTS[1:3]:  # savings and equipment: only journals move them
            assert balances.get(self.codes[code], 0) == self.model.journalled(code)

    @invariant()
    def journals_listed_as_recorded(self) -> None:
        journals = self.book.journals()
        rows = journals.journal_page(JournalQuery(), 0, 1000)
        assert {r.id: (r.number, r.voided) for r in rows} == {
            j.id: (j.number, j.voided) for j in self.model.journals.values()}
        for row in rows:
            debits = sum(c for _, c in self.model.journals[row.id].lines if c > 0)
            assert minor(row.total.amount) == debits

    @invariant()
    def the_opening_day_is_what_was_entered(self) -> None:
        """Nothing else is dated on or before it, and a void is dated after it."""
        shown = {r.code: minor(r.balance.amount)
                 for r in self.book.queries().trial_balance(OPENING) if not r.balance.is_zero}
        assert shown == {self.codes[code]: c for code, c in self.model.opening.items() if c}
        opened = self.model.opening_journal
        assert opening_balances_of(self.book) == (None if opened is None else (OPENING, opened))

    @invariant()
    def aging_on_any_date_is_a_scan_of_every_document(self) -> None:
        """The settlement days only skip documents that owe nothing on the date: the aging
        and its documents equal a scan of every document and allocation, before, on and
        after the days the machine writes on (check_book holds the days themselves)."""
        conn = sqlite3.connect(self.dir / "sm.book")

        def answers(side: Side, day: dt.date, every: bool) -> tuple[list, list]:
            params = {"as_of": day.isoformat(), "contact": None, "home": "EUR"}
            return (conn.execute(aging_sql(side, AgingBuckets(), False, every),
                                 params).fetchall(),
                    conn.execute(aging_documents_sql(side, False, every), params).fetchall())

        try:
            for side, day in itertools.product(Side, AGING_DATES):
                assert answers(side, day, False) == answers(side, day, True)
        finally:
            conn.close()

    @invariant()
    def book_checks_clean(self) -> None:
        report = check_book(self.book)
        assert report.ok, (report.integrity, report.invariants)


LedgerMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=50, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestLedgerInvariants = LedgerMachine.TestCase
