"""Line and document totals: tax exclusive, inclusive and none, discounts, per-line rounding.

Every expected number here was worked out by hand; the comment beside it shows how.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import (
    Document,
    DocumentKind,
    LineItem,
    TaxMode,
    line_amounts,
)
from ledgerdesk.domain.money import Money

D = Decimal


def line(qty: str, price: str, tax: str = "0", discount: str = "0", account: str = "4000"):
    return LineItem("x", D(qty), D(price), account, D(tax), D(discount))


def amounts(ln: LineItem, mode: TaxMode = TaxMode.EXCLUSIVE, currency: str = "EUR"):
    a = line_amounts(ln, currency, mode)
    return a.net.amount, a.tax.amount, a.gross.amount


def doc(*lines: LineItem, mode=TaxMode.EXCLUSIVE, currency="EUR", kind=DocumentKind.SALES_INVOICE):
    day = dt.date(2024, 1, 1)
    return Document(kind, 1, day, day, currency, tuple(lines), mode)


def totals_of(document: Document) -> tuple[Decimal, Decimal, Decimal]:
    t = document.totals()
    return t.net.amount, t.tax.amount, t.total.amount


# --- one line ------------------------------------------------------------------------


def test_exclusive_line():
    # 3 x 19.99 = 59.97; 20 % of it = 11.994 -> 11.99; gross 71.96
    assert amounts(line("3", "19.99", "20")) == (D("59.97"), D("11.99"), D("71.96"))


def test_exclusive_line_tax_rounds_half_up():
    # 1 x 0.10 at 5 % = 0.005 -> 0.01
    assert amounts(line("1", "0.10", "5")) == (D("0.10"), D("0.01"), D("0.11"))


def test_extended_amount_rounds_half_up():
    # 0.5 x 0.01 = 0.005 -> 0.01
    assert amounts(line("0.5", "0.01")) == (D("0.01"), D("0"), D("0.01"))
    # 3 x 0.335 = 1.005 -> 1.01
    assert amounts(line("3", "0.335")) == (D("1.01"), D("0"), D("1.01"))


def test_inclusive_line_carves_the_tax_out():
    # 120.00 incl. 20 %: tax = 120 * 20 / 120 = 20.00, net 100.00
    assert amounts(line("1", "120", "20"), TaxMode.INCLUSIVE) == (D("100"), D("20"), D("120"))
    # 10.00 incl. 20 %: tax = 10 * 20 / 120 = 1.666.. -> 1.67, net 8.33, gross stays 10.00
    assert amounts(line("1", "10", "20"), TaxMode.INCLUSIVE) == (D("8.33"), D("1.67"), D("10"))


def test_no_tax_ignores_the_lines_rate():
    assert amounts(line("2", "12.50", "20"), TaxMode.NO_TAX) == (D("25"), D("0"), D("25"))


def test_discount_then_tax():
    # 3 x 3.33 = 9.99; less 10 % = 8.991 -> 8.99; 20 % tax = 1.798 -> 1.80; gross 10.79
    assert amounts(line("3", "3.33", "20", "10")) == (D("8.99"), D("1.80"), D("10.79"))
    # 100 % discount: nothing to pay
    assert amounts(line("5", "10", "20", "100")) == (D("0"), D("0"), D("0"))


def test_discount_inclusive():
    # 1 x 240 less 50 % = 120 incl. 20 %: tax 20, net 100
    assert amounts(line("1", "240", "20", "50"), TaxMode.INCLUSIVE) == (
        D("100"), D("20"), D("120"))


def test_zero_decimal_currency():
    # 3 x 333 JPY = 999; 8 % = 79.92 -> 80; gross 1079
    assert amounts(line("3", "333", "8"), currency="JPY") == (D("999"), D("80"), D("1079"))
    # 1 x 0.5 JPY -> 1 (half up to whole yen)
    assert amounts(line("1", "0.5"), currency="JPY") == (D("1"), D("0"), D("1"))


def test_three_decimal_currency():
    # 1 x 1.2345 KWD -> 1.235; 5 % = 0.06175 -> 0.062; gross 1.297
    assert amounts(line("1", "1.2345", "5"), currency="KWD") == (
        D("1.235"), D("0.062"), D("1.297"))


# --- whole documents ---------------------------------------------------------------------


def test_document_totals_exclusive():
    # nets 100.00 + 33.33 + 10.00 = 143.33; taxes 20.00 + 0 + 0.55 = 20.55; total 163.88
    d = doc(line("2", "50", "20"), line("1", "33.33"), line("1", "10", "5.5"))
    assert totals_of(d) == (D("143.33"), D("20.55"), D("163.88"))


def test_document_rounds_per_line_not_on_the_sum():
    # three lines of 0.10 at 5 %: each 0.005 -> 0.01, so 0.03 tax (0.015 -> 0.02 on the sum)
    d = doc(*[line("1", "0.10", "5")] * 3)
    assert totals_of(d) == (D("0.30"), D("0.03"), D("0.33"))


def test_document_totals_inclusive():
    # two lines of 10.00 incl. 20 %: each 8.33 + 1.67; total 20.00 exactly
    d = doc(line("1", "10", "20"), line("1", "10", "20"), mode=TaxMode.INCLUSIVE)
    assert totals_of(d) == (D("16.66"), D("3.34"), D("20.00"))


def test_document_totals_no_tax():
    d = doc(line("2", "50", "20"), line("1", "0.99", "10"), mode=TaxMode.NO_TAX)
    assert totals_of(d) == (D("100.99"), D("0"), D("100.99"))


def test_document_totals_with_discounts_mixed_rates():
    # 10 x 9.95 = 99.50 less 15 % = 84.575 -> 84.58; tax 20 % = 16.916 -> 16.92
    # 4 x 2.49 = 9.96 less 0 %; tax 7 % = 0.6972 -> 0.70
    # net 94.54, tax 17.62, total 112.16
    d = doc(line("10", "9.95", "20", "15"), line("4", "2.49", "7"))
    assert totals_of(d) == (D("94.54"), D("17.62"), D("112.16"))


def test_empty_document_totals_zero():
    assert totals_of(doc()) == (0, 0, 0)
    assert doc().totals().total == Money.zero("EUR")


def test_totals_are_in_the_document_currency():
    t = doc(line("1", "1000", "10"), currency="JPY").totals()
    assert {t.net.currency, t.tax.currency, t.total.currency} == {"JPY"}
    assert t.total.amount == 1100


@pytest.mark.parametrize(
    "kind", [DocumentKind.CUSTOMER_PREPAYMENT, DocumentKind.SUPPLIER_PREPAYMENT]
)
def test_prepayment_total_is_its_kept_amount(kind):
    day = dt.date(2024, 1, 1)
    credit = Document(kind, 1, day, day, "EUR", prepayment_amount=Money(D("50"), "EUR"))
    assert totals_of(credit) == (D("50"), D("0"), D("50"))
    assert Document(kind, 1, day, day, "EUR").totals().total.is_zero


def test_kinds():
    assert DocumentKind.SALES_INVOICE.side is DocumentKind.SALES_CREDIT_NOTE.side
    assert DocumentKind.BILL.side is DocumentKind.SUPPLIER_PREPAYMENT.side
    assert DocumentKind.SALES_INVOICE.side is not DocumentKind.BILL.side
    credits = {k for k in DocumentKind if k.is_credit}
    assert credits == set(DocumentKind) - {DocumentKind.SALES_INVOICE, DocumentKind.BILL}
    assert {k for k in DocumentKind if k.is_prepayment} == {
        DocumentKind.CUSTOMER_PREPAYMENT, DocumentKind.SUPPLIER_PREPAYMENT}
