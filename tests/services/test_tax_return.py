"""The tax return of a period: output and input tax by code and rate, the net due, and the
documents behind each row.

Q1 2024.  Acme (customer): A, 10 Jan: 100 on Standard 20% and 50 on Reduced 5%; B, 1 Feb:
200 on Standard 20%, voided after the quarter (left out); C, 1 Mar: 40 with no tax; a
credit note, 5 Mar: 10 on Standard 20%; a draft of 999 (left out).  "Zero-rated" is a second
sales code at 0 %: D, 7 Mar, 30 on it.  Paper (supplier): a bill, 12 Jan, 300 on Standard 20%.
An invoice of 1000 on 2 Apr is after the quarter.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side, TaxMode
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.reports.periods import Period
from ledgerdesk.services.documents import void_document
from ledgerdesk.services.settings import set_tax_rounding
from ledgerdesk.services.tax_codes import list_tax_codes, save_tax_code
from ledgerdesk.services.tax_return import tax_return, tax_return_documents

D = dt.date
Q1 = Period(D(2024, 1, 1), D(2024, 3, 31))


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def line(price: str, code: str = "", account: str = "4000", **extra) -> dict:
    return {"description": "item", "unit_price": Decimal(price), "account_code": account,
            "tax_code": code, **extra}


@pytest.fixture
def taxed(book, add_contact, issue, draft) -> dict[str, int]:
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    paper = add_contact("Paper", ContactRole.SUPPLIER)
    save_tax_code(book, "Zero-rated", Decimal(0), Side.SALES)
    a, _ = issue(acme, lines=[line("100", "Standard 20%"), line("50", "Reduced 5%")],
                 issue_date=D(2024, 1, 10))
    voided, _ = issue(acme, lines=[line("200", "Standard 20%")], issue_date=D(2024, 2, 1))
    c, _ = issue(acme, lines=[line("40", "Standard 20%")], tax_mode=TaxMode.NO_TAX,
                 issue_date=D(2024, 3, 1))
    note, _ = issue(acme, kind=DocumentKind.SALES_CREDIT_NOTE,
                    lines=[line("10", "Standard 20%")], issue_date=D(2024, 3, 5))
    d, _ = issue(acme, lines=[line("30", "Zero-rated")], issue_date=D(2024, 3, 7))
    draft(acme, lines=[line("999", "Standard 20%")], issue_date=D(2024, 2, 2))
    bill, _ = issue(paper, kind=DocumentKind.BILL, issue_date=D(2024, 1, 12),
                    lines=[line("300", "Standard 20%", "6000")])
    issue(acme, lines=[line("1000", "Standard 20%")], issue_date=D(2024, 4, 2))
    void_document(book, voided, D(2024, 4, 5))
    return {"a": a, "c": c, "note": note, "d": d, "bill": bill}


def test_one_row_per_code_on_each_side_with_the_net_due(book, taxed) -> None:
    found = tax_return(book, Q1)
    rows = [(r.side, r.code, r.rate, r.documents, r.net, r.tax) for r in found.rows]
    assert rows == [
        (Side.SALES, "No tax 0%", Decimal(0), 1, eur("40"), eur("0")),
        (Side.SALES, "Zero-rated", Decimal(0), 1, eur("30"), eur("0")),
        (Side.SALES, "Reduced 5%", Decimal(5), 1, eur("50"), eur("2.50")),
        (Side.SALES, "Standard 20%", Decimal(20), 2, eur("90"), eur("18")),  # A less the note
        (Side.PURCHASES, "Standard 20%", Decimal(20), 1, eur("300"), eur("60")),
    ]
    assert (found.output_tax, found.input_tax) == (eur("20.50"), eur("60"))
    assert found.net_due == eur("-39.50")  # more input tax than output: a refund is due
    assert found.due_by_account() == {"2200": eur("-39.50")}


def test_each_row_drills_down_to_its_documents(book, taxed) -> None:
    codes = {(c.side, c.name): c.id for c in list_tax_codes(book)}
    documents = list(tax_return_documents(book, Q1, codes[Side.SALES, "Standard 20%"]))
    assert [(d.document_id, d.number, d.issue_date, d.contact, d.net, d.tax)
            for d in documents] == [
        (taxed["a"], "INV-00001", D(2024, 1, 10), "Acme", eur("100"), eur("20")),
        (taxed["note"], "CN-00001", D(2024, 3, 5), "Acme", eur("-10"), eur("-2")),
    ]
    assert [d.number for d in tax_return_documents(
        book, Q1, codes[Side.PURCHASES, "Standard 20%"])] == ["BILL-00001"]


def test_a_period_without_documents_owes_nothing(book) -> None:
    found = tax_return(book, Period(D(2023, 1, 1), D(2023, 12, 31)))
    assert found.rows == () and found.net_due == eur("0")


def test_per_document_rounding_reaches_the_return(book, add_contact, issue) -> None:
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    save_tax_code(book, "Books 5.5%", Decimal("5.5"), Side.SALES)
    twenty = [line("0.09", "Books 5.5%") for _ in range(20)]
    issue(acme, lines=twenty, issue_date=D(2024, 1, 5))  # per line (the default): no tax
    assert set_tax_rounding(book, TaxRounding.PER_DOCUMENT)
    issue(acme, lines=twenty, issue_date=D(2024, 1, 6))  # per document: 0.099 -> 0.10
    found = tax_return(book, Q1)
    assert [(r.code, r.documents, r.net, r.tax) for r in found.rows] == [
        ("Books 5.5%", 2, eur("3.60"), eur("0.10"))]
