"""Statements (the source behind the printed statement): the report service's statement of
a customer's or a supplier's account.  The running balance ends at what the contact owes or
is owed, whatever the period; voids count until the day they were voided."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services.demo import generate_demo
from ledgerdesk.services.payments import void_payment
from ledgerdesk.services.statements import statement_figures

TODAY = dt.date(2025, 6, 30)
EVER = dt.date(2000, 1, 1)


def test_every_contact_closes_at_what_the_book_says_they_owe(book):
    generate_demo(book, today=TODAY)
    contacts = list(book.queries().list_contacts())
    assert sum(c.role.is_customer for c in contacts) >= 20
    assert sum(c.role is ContactRole.SUPPLIER for c in contacts) >= 5
    for contact in contacts:
        side = Side.SALES if contact.role.is_customer else Side.PURCHASES
        whole = statement_figures(book, contact.id, EVER, TODAY)
        assert whole.side is side and whole.opening.is_zero
        owed = contact.receivable if side is Side.SALES else contact.payable
        assert whole.closing == owed, contact.name
        start = TODAY - dt.timedelta(days=120)
        recent = statement_figures(book, contact.id, start, TODAY)
        charges = sum((line.charges.amount for line in recent.lines), 0)
        credits = sum((line.credits.amount for line in recent.lines), 0)
        assert recent.opening.amount + charges - credits == recent.closing.amount
        assert all(line.charges.amount >= 0 and line.credits.amount >= 0
                   for line in recent.lines)
        assert recent.closing == whole.closing
        assert all(start <= line.date <= TODAY for line in recent.lines)


def test_lines_run_by_date_with_credit_notes_and_kept_credit(book, customer, issue, pay):
    invoice, _ = issue(customer, "100", issue_date=dt.date(2024, 1, 10))
    issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE, issue_date=dt.date(2024, 1, 20))
    pay(customer, "150", (invoice, "100"), keep=True, date=dt.date(2024, 2, 1))
    figures = statement_figures(book, customer, dt.date(2024, 1, 15), dt.date(2024, 2, 28))
    assert figures.opening.amount == 100
    assert [(line.date.day, line.charges.amount, line.credits.amount, line.balance.amount)
            for line in figures.lines] == [(20, 0, 30, 70), (1, 0, 150, -80)]
    assert figures.closing.amount == -80  # in credit: 30 credit note + 50 kept


def test_a_payment_voided_later_counts_until_its_void(book, customer, issue, pay):
    invoice, _ = issue(customer, "100", issue_date=dt.date(2024, 1, 10))
    paid = pay(customer, "100", (invoice, "100"), date=dt.date(2024, 1, 20))
    void_payment(book, paid.payment_id, dt.date(2024, 3, 5))
    february = statement_figures(book, customer, dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert (february.opening.amount, february.lines, february.closing.amount) == (0, (), 0)
    march = statement_figures(book, customer, dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    assert [(line.date, line.charges.amount, line.credits.amount, line.balance.amount)
            for line in march.lines] == [(dt.date(2024, 3, 5), 100, 0, 100)]  # the void
    assert march.closing.amount == 100


def test_a_supplier_statement_shows_what_we_owe(book, supplier, issue, pay):
    bill, number = issue(supplier, "80", DocumentKind.BILL, issue_date=dt.date(2024, 1, 5))
    pay(supplier, "50", (bill, "50"), kind=PaymentKind.SUPPLIER_PAYMENT,
        date=dt.date(2024, 1, 25), reference="BACS-7")
    figures = statement_figures(book, supplier, dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert figures.side is Side.PURCHASES
    assert [(line.reference, line.charges.amount, line.credits.amount, line.balance.amount)
            for line in figures.lines] == [(number, 80, 0, 80), ("PAY-00001", 0, 50, 30)]
    assert figures.closing.amount == 30


def test_a_contact_who_is_both_has_both_statements(book, add_contact, issue):
    both = add_contact("Two Way Ltd", ContactRole.BOTH)
    issue(both, "40", issue_date=dt.date(2024, 1, 5))
    issue(both, "25", DocumentKind.BILL, issue_date=dt.date(2024, 1, 6))
    end = dt.date(2024, 1, 31)
    assert statement_figures(book, both, EVER, end).closing.amount == 40
    assert statement_figures(book, both, EVER, end, Side.PURCHASES).closing.amount == 25


def test_wrong_sides_and_backwards_periods_are_refused(book, supplier, customer):
    with pytest.raises(NotAllowed, match="is not a customer"):
        statement_figures(book, supplier, EVER, TODAY, Side.SALES)
    with pytest.raises(NotAllowed, match="ends before it"):
        statement_figures(book, customer, TODAY, EVER)
