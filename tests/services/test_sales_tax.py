"""The sales tax report an accountant files: only documents that are not void, one row per
tax rate on each side with its net and tax, and the totals.

Acme (customer): A, 2024-01-10: 100 at 20 % and 50 at 7.5 %; B, 2024-02-01: 200 at 20 %,
voided on 2024-04-05 (after the quarter: still excluded, the report leaves void documents
out entirely); C, 2024-03-01: 40 with no tax (its line says 20 %, the document says none);
a credit note, 2024-03-05: 10 at 20 %; a draft: 999 at 20 %.  Paper (supplier): a bill,
2024-01-12: 300 at 10 %.  An invoice of 1000 at 20 % on 2024-04-02 is after the quarter.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side, TaxMode
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.periods import Period
from ledgerdesk.services import reports
from ledgerdesk.services.documents import void_document

D = dt.date
Q1 = Period(D(2024, 1, 1), D(2024, 3, 31))


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def line(price: str, rate: str, account: str = "4000") -> dict:
    return {"description": "item", "unit_price": Decimal(price), "account_code": account,
            "tax_rate": Decimal(rate)}


@pytest.fixture
def taxed(book, add_contact, issue, draft) -> dict[str, int]:
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    paper = add_contact("Paper", ContactRole.SUPPLIER)
    issue(acme, lines=[line("100", "20"), line("50", "7.5")], issue_date=D(2024, 1, 10))
    voided, _ = issue(acme, "200", tax_rate="20", issue_date=D(2024, 2, 1))
    issue(acme, lines=[line("40", "20")], tax_mode=TaxMode.NO_TAX, issue_date=D(2024, 3, 1))
    issue(acme, "10", DocumentKind.SALES_CREDIT_NOTE, tax_rate="20", issue_date=D(2024, 3, 5))
    draft(acme, "999", tax_rate="20", issue_date=D(2024, 2, 2))
    issue(paper, "300", DocumentKind.BILL, tax_rate="10", issue_date=D(2024, 1, 12))
    issue(acme, "1000", tax_rate="20", issue_date=D(2024, 4, 2))
    void_document(book, voided, D(2024, 4, 5))
    return {"voided": voided}


def test_one_row_per_rate_per_side_and_no_void_document(book, taxed) -> None:
    summary = reports.sales_tax_summary(book, Q1)
    rows = [(r.side, r.rate, r.documents, r.net, r.tax) for r in summary.rows]
    assert rows == [
        (Side.SALES, Decimal("0"), 1, eur("40"), eur("0")),
        (Side.SALES, Decimal("7.5"), 1, eur("50"), eur("3.75")),
        (Side.SALES, Decimal("20"), 2, eur("90"), eur("18")),  # A's line less the credit note
        (Side.PURCHASES, Decimal("10"), 1, eur("300"), eur("30")),
    ]
    assert (summary.net_sales, summary.output_tax) == (eur("180"), eur("21.75"))
    assert (summary.net_purchases, summary.input_tax) == (eur("300"), eur("30"))
    assert summary.tax_due == eur("-8.25")


def test_the_void_documents_quarter_is_not_changed_by_its_reversal_either(book, taxed) -> None:
    q2 = reports.sales_tax_summary(book, Period(D(2024, 4, 1), D(2024, 6, 30)))
    # Only the April invoice: the reversal of B (dated in April) is left out too.
    assert [(r.side, r.rate, r.documents, r.net, r.tax) for r in q2.rows] == [
        (Side.SALES, Decimal("20"), 1, eur("1000"), eur("200"))]
    assert q2.tax_due == eur("200")


def test_the_tax_of_the_documents_counted_is_what_they_posted(book, taxed) -> None:
    summary = reports.sales_tax_summary(book, Q1)
    ledger = reports.general_ledger(book, "2200", Q1)
    voided = taxed["voided"]
    posted = sum((ln.credit - ln.debit for ln in ledger.lines
                  if ln.source_type == "DOCUMENT" and ln.source_id != voided), eur("0"))
    assert summary.tax_due == posted
