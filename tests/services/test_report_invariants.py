"""Reports agree with each other and with the ledger on random books, on any date.

Hypothesis writes a book through the services with documents, payments (some keeping an
excess as credit), credits applied and refunded, and voids, all on random dates, then asks
the reports about dates before, between and after them:

- aging total == the receivable (payable) control account's balance on that date;
- the balance sheet balances, and profit and loss of a period == the change in earnings;
- a statement's closing == opening + charges - payments == the contact's aging total;
- a general ledger closes on the trial balance; the tax summary's tax due == what the
  period's documents that are not void posted to the sales tax account.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import shutil
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.reports.periods import AgingBuckets, Period
from ledgerdesk.services import reports
from ledgerdesk.services.commands import (
    AllocationInput,
    ApplyCredit,
    DocumentDraft,
    LineInput,
    NewContact,
    RecordPayment,
)
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.services.credits import apply_credit
from ledgerdesk.services.documents import create_document, void_document
from ledgerdesk.services.payments import record_payment, void_payment
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage.book import create_book, open_book

START = dt.date(2024, 1, 1)
K = DocumentKind
TARGET = {K.SALES_INVOICE: PaymentKind.CUSTOMER_RECEIPT, K.BILL: PaymentKind.SUPPLIER_PAYMENT,
          K.SALES_CREDIT_NOTE: PaymentKind.CUSTOMER_REFUND,
          K.PURCHASE_CREDIT_NOTE: PaymentKind.SUPPLIER_REFUND,
          K.CUSTOMER_PREPAYMENT: PaymentKind.CUSTOMER_REFUND,
          K.SUPPLIER_PREPAYMENT: PaymentKind.SUPPLIER_REFUND}
ACCOUNT = {K.SALES_INVOICE: "4000", K.SALES_CREDIT_NOTE: "4000", K.BILL: "6000",
           K.PURCHASE_CREDIT_NOTE: "6000"}
KINDS = [K.SALES_INVOICE, K.SALES_INVOICE, K.BILL, K.BILL, K.SALES_CREDIT_NOTE,
         K.PURCHASE_CREDIT_NOTE]

days = st.integers(0, 150)
issue = st.tuples(st.just("issue"), st.sampled_from(KINDS), st.integers(0, 1),
                  st.integers(100, 90_000), st.sampled_from([0, 10, 20]), days)
pay = st.tuples(st.just("pay"), st.integers(0, 50), st.integers(1, 100), days,
                st.sampled_from([0, 0, 0, 500]))
action = st.one_of(
    issue, pay, pay,
    st.tuples(st.just("apply"), st.integers(0, 50), st.integers(0, 50), days),
    st.tuples(st.just("void_payment"), st.integers(0, 50), days),
    st.tuples(st.just("void_document"), st.integers(0, 50), days),
)


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> dt.date:
    path = tmp_path_factory.mktemp("reports") / "template.book"
    with create_book(path) as book:
        initialise_book(book, "Random Co", "EUR")
        for name in ("One", "Two"):
            add_contact(book, NewContact(name=name, role=ContactRole.BOTH))
    return path


def day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def apply_actions(book, actions) -> set[dt.date]:
    docs: list[tuple[int, DocumentKind, int]] = []  # id, kind, contact
    payments: list[int] = []
    dates = set()
    for act in actions:
        name, args = act[0], act[1:]
        with contextlib.suppress(ValidationFailed, NotAllowed, NotFound):
            done = _do(book, name, args, docs, payments)
            if done is not None:
                dates.add(done)
                event(name)  # --hypothesis-show-statistics: how often each one went through
    return dates


def _do(book, name, args, docs, payments) -> dt.date | None:
    if name == "issue":
        kind, contact, cents, tax, offset = args
        draft = DocumentDraft(kind=kind, contact_id=contact + 1, issue_date=day(offset), lines=[
            LineInput(description="item", unit_price=Decimal(cents) / 100,
                      account_code=ACCOUNT[kind], tax_rate=Decimal(tax))])
        doc_id, _ = create_document(book, draft)
        docs.append((doc_id, kind, contact + 1))
        return day(offset)
    if name == "pay" and docs:
        index, percent, offset, excess = args
        doc_id, kind, contact = docs[index % len(docs)]
        with book.read() as tx:
            owed = tx.open_documents([doc_id])[doc_id].outstanding.amount
        amount = max((owed * percent / 100).quantize(Decimal("0.01")), Decimal("0.01"))
        paid = amount + Decimal(excess) / 100
        result = record_payment(book, RecordPayment(
            kind=TARGET[kind], contact_id=contact, date=day(offset), amount=paid,
            keep_excess_as_credit=bool(excess),
            allocations=[AllocationInput(document_id=doc_id, amount=amount)]))
        payments.append(result.payment_id)
        if result.credit_id is not None:
            credit = K.CUSTOMER_PREPAYMENT if kind is K.SALES_INVOICE else K.SUPPLIER_PREPAYMENT
            docs.append((result.credit_id, credit, contact))
        return day(offset)
    if name == "apply" and docs:
        first, second, offset = args
        credits = [d for d in docs if d[1].is_credit]
        if not credits:
            return None
        credit_id, kind, contact = credits[first % len(credits)]
        targets = [d for d in docs if not d[1].is_credit and d[1].side is kind.side
                   and d[2] == contact]
        if not targets:
            return None
        target_id = targets[second % len(targets)][0]
        with book.read() as tx:
            open_docs = tx.open_documents([credit_id, target_id])
        most = min(d.outstanding.amount for d in open_docs.values())
        apply_credit(book, ApplyCredit(credit_id=credit_id, date=day(offset), allocations=[
            AllocationInput(document_id=target_id, amount=max(most, Decimal("0.01")))]))
        return day(offset)
    if name == "void_payment" and payments:
        index, offset = args
        void_payment(book, payments[index % len(payments)], day(offset))
        return day(offset)
    if name == "void_document" and docs:
        index, offset = args
        void_document(book, docs[index % len(docs)][0], day(offset))
        return day(offset)
    return None


def balance(book, as_of: dt.date, code: str) -> Money:
    rows = {r.code: r.balance for r in book.queries().trial_balance(as_of)}
    return rows.get(code, Money.zero("EUR"))


def earnings(book, as_of: dt.date) -> Money:
    sheet = reports.balance_sheet_report(book, as_of, as_of)
    assert sheet.balances, sheet
    return sum((r.amount for r in sheet.rows if r.code in ("", "3100")), Money.zero("EUR"))


def check_dates(book, dates: list[dt.date], buckets: AgingBuckets) -> None:
    for as_of in dates:
        assert reports.aging(book, Side.SALES, as_of).total == balance(book, as_of, "1100")
        payable = reports.aging(book, Side.PURCHASES, as_of, buckets)
        assert payable.total == -balance(book, as_of, "2000")
        # The drill (bucketed in Python) sums to the rows (bucketed in SQL), bucket by bucket;
        # a credit (and only a credit) is in no day bucket.
        by_bucket = [Money.zero("EUR")] * len(buckets)
        credits = Money.zero("EUR")
        for doc in reports.aging_documents(book, Side.PURCHASES, as_of, buckets):
            assert (doc.bucket is None) is doc.kind.is_credit
            if doc.bucket is None:
                credits += doc.outstanding
            else:
                by_bucket[doc.bucket] += doc.outstanding
        assert tuple(by_bucket) == payable.totals and credits == payable.credits
    for start, end in itertools.pairwise(dates):
        period = Period(start + dt.timedelta(days=1), end)
        pnl = reports.profit_and_loss_report(book, period)
        assert pnl.net_profit[0] == earnings(book, end) - earnings(book, start)
        tax = reports.sales_tax_summary(book, period)
        assert tax.tax_due == tax_posted(book, period)
        for code in ("1100", "2200"):
            ledger = reports.general_ledger(book, code, period)
            lines = list(ledger.lines)
            assert ledger.closing == balance(book, end, code)
            assert lines[-1].balance == ledger.closing if lines else ledger.opening == (
                ledger.closing)


def tax_posted(book, period: Period) -> Money:
    """What the period's postings added to the sales tax account's credit balance, less
    what documents now void posted (their original entry and their reversal): the tax
    summary leaves a void document out entirely."""
    void = {d.id for d in book.queries().list_documents(list(DocumentKind))
            if d.lifecycle is Lifecycle.VOIDED}
    result = Money.zero("EUR")
    for line in reports.general_ledger(book, "2200", period).lines:
        assert line.source_type == "DOCUMENT"  # only documents post tax in these books
        if line.source_id not in void:
            result += line.credit - line.debit
    return result


def check_statements(book, period: Period) -> None:
    for contact in (1, 2):
        for side in Side:
            report = reports.statement(book, side, contact, period)
            lines = list(report.lines)
            assert report.closing == report.opening + report.charges - report.credits
            assert all(not (ln.charges.is_positive and ln.credits.is_positive)
                       and ln.charges.amount >= 0 and ln.credits.amount >= 0 for ln in lines)
            assert report.closing == (lines[-1].balance if lines else report.opening)
            assert report.aging.total == report.closing


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.lists(issue, min_size=2, max_size=6),
       then=st.lists(action, min_size=2, max_size=14), probe=st.lists(days, max_size=3),
       limits=st.lists(st.integers(1, 120), min_size=1, max_size=4, unique=True).map(sorted))
def test_reports_agree_on_any_date(
    template, tmp_path_factory, first, then, probe, limits
) -> None:
    actions = first + then
    path = tmp_path_factory.mktemp("random") / "random.book"
    shutil.copyfile(template, path)
    with open_book(path) as book:
        dates = apply_actions(book, actions) | {day(p) for p in probe}
        ordered = sorted(dates)
        # The day before anything, a few of the book's own dates, and after everything.
        ordered = [START - dt.timedelta(days=1), *ordered[:: max(1, len(ordered) // 3)],
                   day(200)]
        check_dates(book, ordered, AgingBuckets(tuple(limits)))
        check_statements(book, Period(ordered[len(ordered) // 2], ordered[-1]))
