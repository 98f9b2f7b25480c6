"""A statement as an accountant reads it: Charges (debits) and Credits (credits) columns,
each amount positive, and the running balance.  A credit note, a receipt and an invoice's
void are credits; an invoice, a refund paid out to the customer and a payment's void are
charges.  A supplier's statement mirrors it from our side: bills and their refunds to us
are charges, supplier credit notes and our payments credits.

Acme: INV-00001 100 on 01-10, INV-00002 40 on 01-12 (voided 02-15), CN-00001 30 on 01-20,
a receipt of 150 on 02-01 paying INV-00001 and keeping 50, a refund of 20 on 02-10 paid
out against the credit note.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.reports.periods import Period
from ledgerdesk.reports.report_views import statement_view
from ledgerdesk.services import reports
from ledgerdesk.services.documents import void_document

D = dt.date
WINTER = Period(D(2024, 1, 1), D(2024, 2, 28))


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


@pytest.fixture
def account(book, customer, issue, pay) -> int:
    invoice, _ = issue(customer, "100", issue_date=D(2024, 1, 10))
    voided, _ = issue(customer, "40", issue_date=D(2024, 1, 12))
    note, _ = issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE, issue_date=D(2024, 1, 20))
    pay(customer, "150", (invoice, "100"), keep=True, date=D(2024, 2, 1))
    pay(customer, "20", (note, "20"), kind=PaymentKind.CUSTOMER_REFUND, date=D(2024, 2, 10))
    void_document(book, voided, D(2024, 2, 15))
    return customer


def test_customer_statement_lines_are_charges_and_credits_all_positive(book, account):
    statement = reports.statement(book, Side.SALES, account, WINTER)
    lines = [(ln.date.isoformat(), ln.reference, ln.charges, ln.credits, ln.balance)
             for ln in statement.lines]
    assert lines == [
        ("2024-01-10", "INV-00001", eur("100"), eur("0"), eur("100")),
        ("2024-01-12", "INV-00002", eur("40"), eur("0"), eur("140")),
        ("2024-01-20", "CN-00001", eur("0"), eur("30"), eur("110")),  # a credit, not -30
        ("2024-02-01", "PAY-00001", eur("0"), eur("150"), eur("-40")),
        ("2024-02-10", "PAY-00002", eur("20"), eur("0"), eur("-20")),  # the refund: a charge
        ("2024-02-15", "INV-00002", eur("0"), eur("40"), eur("-60")),  # its void: a credit
    ]
    assert (statement.opening, statement.charges, statement.credits, statement.closing) == (
        eur("0"), eur("160"), eur("220"), eur("-60"))


def test_supplier_statement_mirrors_it(book, supplier, issue, pay):
    bill, _ = issue(supplier, "80", DocumentKind.BILL, issue_date=D(2024, 1, 5))
    note, _ = issue(supplier, "10", DocumentKind.PURCHASE_CREDIT_NOTE, issue_date=D(2024, 1, 8))
    pay(supplier, "50", (bill, "50"), kind=PaymentKind.SUPPLIER_PAYMENT, date=D(2024, 1, 25))
    pay(supplier, "5", (note, "5"), kind=PaymentKind.SUPPLIER_REFUND, date=D(2024, 2, 2))
    statement = reports.statement(book, Side.PURCHASES, supplier, WINTER)
    assert [(ln.reference, ln.charges, ln.credits, ln.balance) for ln in statement.lines] == [
        ("BILL-00001", eur("80"), eur("0"), eur("80")),
        ("SCN-00001", eur("0"), eur("10"), eur("70")),
        ("PAY-00001", eur("0"), eur("50"), eur("20")),
        ("PAY-00002", eur("5"), eur("0"), eur("25")),  # their refund to us
    ]
    assert (statement.charges, statement.credits, statement.closing) == (
        eur("85"), eur("60"), eur("25"))


def test_the_statement_csv_has_charges_and_credits_columns(book, account, run_csv):
    text = run_csv(statement_view(reports.statement(book, Side.SALES, account, WINTER),
                                  ("current", "1-30", "31-60", "61-90", "over 90")))
    rows = [line.split(",") for line in text.splitlines()]
    assert rows[0] == ["date", "document", "description", "charges", "credits", "balance"]
    by_document = {row[1]: row for row in rows[1:]}
    assert by_document["CN-00001"][3:] == ["", "30.00", "110.00"]
    assert by_document["PAY-00002"][3:] == ["20.00", "", "-20.00"]


@pytest.fixture
def run_csv():
    import io

    from ledgerdesk.reports.csv_format import write_csv

    def _write(view) -> str:
        out = io.StringIO()
        write_csv(view.columns, view.rows, out)
        return out.getvalue()

    return _write
