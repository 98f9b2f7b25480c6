"""Customer statements (the interim source behind the printed statement): the running
balance ends at what the customer owes, whatever the period, and only customers get one."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.demo import generate_demo
from ledgerdesk.services.statements import interim_statement

TODAY = dt.date(2025, 6, 30)
EVER = dt.date(2000, 1, 1)


def test_every_customer_closes_at_what_the_book_says_they_owe(book):
    generate_demo(book, today=TODAY)
    customers = [c for c in book.queries().list_contacts() if c.role.is_customer]
    assert len(customers) >= 20
    for customer in customers:
        whole = interim_statement(book, customer.id, EVER, TODAY)
        assert whole.opening.is_zero
        assert whole.closing == customer.receivable, customer.name
        start = TODAY - dt.timedelta(days=120)
        recent = interim_statement(book, customer.id, start, TODAY)
        charges = sum((line.charges.amount for line in recent.lines), 0)
        payments = sum((line.payments.amount for line in recent.lines), 0)
        assert recent.opening.amount + charges - payments == recent.closing.amount
        assert recent.closing == whole.closing
        assert all(start <= line.date <= TODAY for line in recent.lines)


def test_lines_run_by_date_with_credit_notes_and_kept_credit(book, customer, issue, pay):
    invoice, _ = issue(customer, "100", issue_date=dt.date(2024, 1, 10))
    issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE, issue_date=dt.date(2024, 1, 20))
    pay(customer, "150", (invoice, "100"), keep=True, date=dt.date(2024, 2, 1))
    figures = interim_statement(book, customer, dt.date(2024, 1, 15), dt.date(2024, 2, 28))
    assert figures.opening.amount == 100
    assert [(line.date.day, line.charges.amount, line.payments.amount, line.balance.amount)
            for line in figures.lines] == [(20, -30, 0, 70), (1, 0, 150, -80)]
    assert figures.closing.amount == -80  # in credit: 30 credit note + 50 kept


def test_suppliers_and_backwards_periods_are_refused(book, supplier, customer):
    with pytest.raises(NotAllowed, match="is a supplier"):
        interim_statement(book, supplier, EVER, TODAY)
    with pytest.raises(NotAllowed, match="ends before it"):
        interim_statement(book, customer, TODAY, EVER)
