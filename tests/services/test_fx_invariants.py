"""Foreign money under random sequences of user actions (issue 15): a hypothesis state
machine keeps rates, issues invoices, bills and credit notes in USD, JPY and the home
currency (EUR) at typed or looked-up rates, pays them in part or in full into a USD bank
account at random rates or from the home bank with whatever home amount arrived, applies
credits, keeps excesses as credit, voids payments and applications, and over-allocates on
purpose.  It keeps its own model of what each document still owes in its own currency.
After every step:
- each document's outstanding is the model's, in its currency;
- each control account holds, in each foreign currency, exactly what the open documents
  in that currency still owe (signed as the account holds them);
- ``check_book`` finds nothing wrong: every entry balances, the control accounts equal the
  open documents at their booked rates at home, a settled document holds nothing at home,
  each foreign posting is its foreign amount at its rate.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import ValidationFailed
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
from ledgerdesk.services.documents import create_document
from ledgerdesk.services.payments import record_payment, void_payment
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.rates import save_rate
from ledgerdesk.services.setup import add_account, initialise_book
from ledgerdesk.storage.book import create_book

DAY = dt.date(2025, 3, 1)
USD_BANK, HOME_BANK = "1020", "1000"
CURRENCIES = ("USD", "JPY", "EUR")
KINDS = (DocumentKind.SALES_INVOICE, DocumentKind.BILL, DocumentKind.SALES_CREDIT_NOTE,
         DocumentKind.PURCHASE_CREDIT_NOTE)
CONTROL = {Side.SALES: "1100", Side.PURCHASES: "2000"}
rates = st.decimals(Decimal("0.003"), Decimal("3"), places=6)
shares = st.integers(1, 100)  # percent of what is owed


@dataclass
class Doc:
    kind: DocumentKind
    currency: str
    owed: Decimal  # in its own currency

    @property
    def sign(self) -> int:
        side = 1 if self.kind.side is Side.SALES else -1
        return side * (-1 if self.kind.is_credit else 1)


def _part(owed: Decimal, percent: int, currency: str) -> Decimal:
    places = Money.zero(currency).amount.as_tuple().exponent
    return (owed * percent / 100).quantize(Decimal(1).scaleb(places)) or owed


class ForeignMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="ledgerdesk-fx-"))
        self.book = create_book(self.folder / "fx.book")
        initialise_book(self.book, "FX Co", "EUR")
        add_account(self.book, Account(USD_BANK, "USD Account", AccountType.ASSET,
                                       AccountRole.BANK, currency="USD"))
        self.contact = add_contact(self.book, NewContact(name="Globex", role=ContactRole.BOTH))
        self.docs: dict[int, Doc] = {}
        self.payments: dict[int, list[tuple[int, Decimal]]] = {}
        self.applications: dict[int, list[tuple[int, Decimal]]] = {}
        self.day = DAY

    def teardown(self) -> None:
        self.book.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @initialize(usd=rates, jpy=rates)
    def first_rates(self, usd, jpy) -> None:
        save_rate(self.book, "USD", usd, DAY)
        save_rate(self.book, "JPY", jpy / 100, DAY)

    @rule(currency=st.sampled_from(("USD", "JPY")), rate=rates)
    def a_new_rate(self, currency, rate) -> None:
        self.day += dt.timedelta(days=1)
        save_rate(self.book, currency, rate / (100 if currency == "JPY" else 1), self.day)

    @rule(kind=st.sampled_from(KINDS), currency=st.sampled_from(CURRENCIES),
          price=st.integers(1, 500_000), typed=st.none() | rates)
    def issue(self, kind, currency, price, typed) -> None:
        amount = Decimal(price) if currency == "JPY" else Decimal(price).scaleb(-2)
        account = "4000" if kind.side is Side.SALES else "6100"
        rate = None if currency == "EUR" or typed is None else typed
        doc_id, _ = create_document(self.book, DocumentDraft(
            kind=kind, contact_id=self.contact, issue_date=self.day, currency=currency,
            exchange_rate=rate, lines=[LineInput(description="x", unit_price=amount,
                                                 account_code=account)]))
        self.docs[doc_id] = Doc(kind, currency, amount)

    def _open(self, kinds, currency=None) -> list[int]:
        return sorted(i for i, d in self.docs.items() if d.kind in kinds and d.owed > 0
                      and (currency is None or d.currency == currency))

    @precondition(lambda self: any(d.owed > 0 for d in self.docs.values()))
    @rule(data=st.data(), share=shares, rate=rates, from_home=st.booleans())
    def pay(self, data, share, rate, from_home) -> None:
        doc_id = data.draw(st.sampled_from(sorted(i for i, d in self.docs.items()
                                                  if d.owed > 0)))
        doc = self.docs[doc_id]
        kind = {DocumentKind.SALES_INVOICE: PaymentKind.CUSTOMER_RECEIPT,
                DocumentKind.BILL: PaymentKind.SUPPLIER_PAYMENT,
                DocumentKind.SALES_CREDIT_NOTE: PaymentKind.CUSTOMER_REFUND,
                DocumentKind.PURCHASE_CREDIT_NOTE: PaymentKind.SUPPLIER_REFUND}[doc.kind]
        part = _part(doc.owed, share, doc.currency)
        if doc.currency == "USD" and not from_home:
            bank, amount, typed = USD_BANK, part, rate
        else:  # the home bank: what arrived (or left) in EUR
            bank, typed = HOME_BANK, None
            amount = part if doc.currency == "EUR" else max(
                (part * rate).quantize(Decimal("0.01")), Decimal("0.01"))
        recorded = record_payment(self.book, RecordPayment(
            kind=kind, contact_id=self.contact, date=self.day, amount=amount,
            bank_account_code=bank, exchange_rate=typed,
            allocations=[AllocationInput(document_id=doc_id, amount=part)]))
        doc.owed -= part
        self.payments[recorded.payment_id] = [(doc_id, part)]

    @precondition(lambda self: any(d.owed > 0 for d in self.docs.values()))
    @rule(data=st.data(), extra=st.integers(1, 5000))
    def over_allocate_on_purpose(self, data, extra) -> None:
        doc_id = data.draw(st.sampled_from(self._open(
            (DocumentKind.SALES_INVOICE, DocumentKind.BILL))
            or sorted(i for i, d in self.docs.items() if d.owed > 0)))
        doc = self.docs[doc_id]
        too_much = doc.owed + (Decimal(extra) if doc.currency == "JPY"
                               else Decimal(extra).scaleb(-2))
        kind = (PaymentKind.CUSTOMER_RECEIPT if doc.kind is DocumentKind.SALES_INVOICE
                else PaymentKind.SUPPLIER_PAYMENT)
        before = self.book.queries().trial_balance()
        try:
            record_payment(self.book, RecordPayment(
                kind=kind, contact_id=self.contact, date=self.day, amount=Decimal("1.00"),
                allocations=[AllocationInput(document_id=doc_id, amount=too_much)]))
        except ValidationFailed:
            pass
        else:
            raise AssertionError("an over-allocation was recorded")
        assert self.book.queries().trial_balance() == before

    @rule(data=st.data(), share=shares)
    def apply_a_credit(self, data, share) -> None:
        pairs = [(c, t) for c in self._open((DocumentKind.SALES_CREDIT_NOTE,
                                             DocumentKind.PURCHASE_CREDIT_NOTE))
                 for t in self._open((DocumentKind.SALES_INVOICE, DocumentKind.BILL),
                                     self.docs[c].currency)
                 if self.docs[t].kind.side is self.docs[c].kind.side]
        if not pairs:
            return
        credit, target = data.draw(st.sampled_from(pairs))
        part = _part(min(self.docs[credit].owed, self.docs[target].owed), share,
                     self.docs[credit].currency)
        application = apply_credit(self.book, ApplyCredit(
            credit_id=credit, date=self.day,
            allocations=[AllocationInput(document_id=target, amount=part)]))
        self.docs[credit].owed -= part
        self.docs[target].owed -= part
        self.applications[application] = [(credit, part), (target, part)]

    @precondition(lambda self: bool(self.payments) or bool(self.applications))
    @rule(data=st.data())
    def void_a_payment_or_an_application(self, data) -> None:
        what = data.draw(st.sampled_from(
            [("payment", i) for i in sorted(self.payments)]
            + [("application", i) for i in sorted(self.applications)]))
        if what[0] == "payment":
            void_payment(self.book, what[1], self.day)
            released = self.payments.pop(what[1])
        else:
            void_credit_application(self.book, what[1])
            released = self.applications.pop(what[1])
        for doc_id, part in released:
            self.docs[doc_id].owed += part

    @invariant()
    def documents_owe_what_the_model_says(self) -> None:
        with self.book.read() as tx:
            found = tx.open_documents(list(self.docs))
        for doc_id, doc in self.docs.items():
            assert found[doc_id].outstanding == Money(doc.owed, doc.currency)

    @invariant()
    def control_accounts_hold_the_foreign_money_owed(self) -> None:
        held: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for entry in self.book.queries().journal():
            for line in entry.lines:
                if line.foreign is not None and line.account_code in CONTROL.values():
                    held[line.account_code, line.foreign.currency] += line.foreign.amount
        owed: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for doc in self.docs.values():
            if doc.currency != "EUR":
                owed[CONTROL[doc.kind.side], doc.currency] += doc.sign * doc.owed
        assert {k: v for k, v in held.items() if v} == {k: v for k, v in owed.items() if v}

    @invariant()
    def the_book_checks(self) -> None:
        report = check_book(self.book)
        assert report.ok, report.invariants


ForeignMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestForeignInvariants = ForeignMachine.TestCase
