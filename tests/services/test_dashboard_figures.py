"""The dashboard's figures agree with the reports and the ledger, and say what needs doing.

- on random books (the report invariants' generator), on any date: each side's bucket
  amounts are the aging report's totals, the overdue count is the number of invoices or
  bills the aging drill puts in an overdue bucket, and each month's money in less money out
  is the change in the bank accounts over that month;
- by hand: refunds count against their own side and a voided payment is taken back in the
  month of its void; "Needs attention" lists overdue documents most overdue first, payments
  whose kept credit is unused, and credit notes with credit left, a page at a time.
"""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_report_invariants import (  # noqa: F401 (template is a fixture)
    action,
    apply_actions,
    balance,
    day,
    days,
    issue,
    template,
)

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services import reports
from ledgerdesk.services.dashboard import (
    AttentionKind,
    aging_summary,
    attention,
    money_by_month,
)
from ledgerdesk.services.documents import void_document
from ledgerdesk.services.payments import void_payment
from ledgerdesk.storage.book import open_book


def bank(book, as_of: dt.date) -> Decimal:
    return (balance(book, as_of, "1000") + balance(book, as_of, "1010")).amount


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.lists(issue, min_size=2, max_size=6),
       then=st.lists(action, min_size=2, max_size=14), probe=days)
def test_figures_agree_with_the_aging_report_and_the_bank(template, tmp_path_factory,  # noqa: F811
                                                         first, then, probe) -> None:
    path = tmp_path_factory.mktemp("dash") / "random.book"
    shutil.copyfile(template, path)
    with open_book(path) as book:
        apply_actions(book, first + then)
        as_of = day(probe)
        for side in Side:
            summary = aging_summary(book, side, as_of)
            report = reports.aging(book, side, as_of)
            assert summary.amounts == report.totals
            assert summary.total == report.total
            assert summary.overdue == sum(report.totals[2:], report.totals[1])
            owing = [doc for doc in reports.aging_documents(book, side, as_of)
                     if not doc.kind.is_credit and doc.outstanding.is_positive]
            assert summary.overdue_count == sum(doc.bucket > 0 for doc in owing)
            assert summary.counts[0] == sum(doc.bucket == 0 for doc in owing)
        months = money_by_month(book, day(160), 8)
        assert len(months) == 8
        for flow in months:
            before = flow.month - dt.timedelta(days=1)
            end = (flow.month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            change = bank(book, end) - bank(book, before)
            assert flow.money_in.amount - flow.money_out.amount == change, flow


def test_refunds_and_voids_count_in_their_own_month(book, customer, supplier, issue, pay):
    invoice, _ = issue(customer, "300", issue_date=dt.date(2024, 1, 2))
    bill, _ = issue(supplier, "80", DocumentKind.BILL, issue_date=dt.date(2024, 1, 2))
    note, _ = issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE,
                    issue_date=dt.date(2024, 2, 1))
    pay(customer, "100", (invoice, "100"), date=dt.date(2024, 1, 10))
    voided = pay(customer, "50", (invoice, "50"), date=dt.date(2024, 1, 20))
    pay(supplier, "80", (bill, "80"), kind=PaymentKind.SUPPLIER_PAYMENT,
        date=dt.date(2024, 1, 25))
    pay(customer, "30", (note, "30"), kind=PaymentKind.CUSTOMER_REFUND,
        date=dt.date(2024, 2, 5))
    void_payment(book, voided.payment_id, dt.date(2024, 3, 3))
    months = money_by_month(book, dt.date(2024, 4, 15), 5)
    assert [(m.month, m.money_in.amount, m.money_out.amount) for m in months] == [
        (dt.date(2023, 12, 1), 0, 0),
        (dt.date(2024, 1, 1), Decimal(150), Decimal(80)),  # the voided 50 counted then
        (dt.date(2024, 2, 1), Decimal(-30), 0),  # a refund to a customer: money in goes down
        (dt.date(2024, 3, 1), Decimal(-50), 0),  # the void takes the 50 back
        (dt.date(2024, 4, 1), 0, 0),
    ]


def test_needs_attention_lists_what_to_chase_and_what_to_apply(book, customer, supplier,
                                                              issue, pay):
    today = dt.date(2024, 6, 1)
    late, _ = issue(customer, "100", issue_date=dt.date(2024, 1, 1))  # due 31 January
    later, _ = issue(supplier, "40", DocumentKind.BILL, issue_date=dt.date(2024, 3, 1))
    issue(customer, "70", issue_date=dt.date(2024, 5, 20))  # not due yet
    gone, _ = issue(customer, "90", issue_date=dt.date(2024, 2, 1))
    void_document(book, gone, dt.date(2024, 2, 2))
    kept = pay(customer, "125", (late, "25"), keep=True, date=dt.date(2024, 4, 1))
    note, number = issue(customer, "15", DocumentKind.SALES_CREDIT_NOTE,
                         issue_date=dt.date(2024, 4, 2))

    overdue = attention(book, AttentionKind.OVERDUE, today)
    assert [(i.document_id, i.amount.amount) for i in overdue.items] == [
        (late, Decimal(75)), (later, Decimal(40))]  # most overdue first, voids left out
    unallocated = attention(book, AttentionKind.UNALLOCATED, today).items
    assert [(i.payment_id, i.number, i.amount.amount) for i in unallocated] == [
        (kept.payment_id, f"PAY-{kept.payment_id:05d}", Decimal(100))]
    credits = attention(book, AttentionKind.CREDIT, today).items
    assert [(i.document_id, i.number, i.amount.amount) for i in credits] == [
        (note, number, Decimal(15))]
    page = attention(book, AttentionKind.OVERDUE, today, offset=1, limit=1)
    assert (page.total, [i.document_id for i in page.items], page.more) == (2, [later], 0)
    assert attention(book, AttentionKind.OVERDUE, today, limit=1).more == 1


def test_the_months_and_buckets_stay_on_the_calendar(book):
    early = money_by_month(book, dt.date(1, 3, 15))
    assert [flow.month for flow in early] == [dt.date(1, 1, 1), dt.date(1, 2, 1),
                                              dt.date(1, 3, 1)]
    late = money_by_month(book, dt.date(9999, 12, 31))
    assert len(late) == 12 and late[-1].month == dt.date(9999, 12, 1)
    for as_of in (dt.date.min, dt.date.max):
        assert aging_summary(book, Side.SALES, as_of).total.is_zero
