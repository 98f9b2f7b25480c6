"""Tax rounded per line or per document: the one function every face prices documents with.

Per line, each line's tax is rounded on its own.  Per document, the tax of each tax code is
computed on the sum of its lines' nets and rounded once, then shared out over the lines so
that every posting and report that sums line taxes agrees with that one rounded figure.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ledgerdesk.domain.documents import (
    Document,
    DocumentKind,
    LineItem,
    TaxMode,
)
from ledgerdesk.domain.postings import ChartRoles, document_entry
from ledgerdesk.domain.tax_rounding import TaxRounding, shared_out

D = Decimal
DAY = dt.date(2024, 5, 2)
PER_LINE, PER_DOCUMENT = TaxRounding.PER_LINE, TaxRounding.PER_DOCUMENT


def line(price: str, rate: str, code: int | None = None, qty: str = "1") -> LineItem:
    return LineItem("x", D(qty), D(price), "4000", D(rate), tax_code_id=code)


def doc(*lines: LineItem, rounding: TaxRounding, mode: TaxMode = TaxMode.EXCLUSIVE,
        kind: DocumentKind = DocumentKind.SALES_INVOICE) -> Document:
    return Document(kind, 1, DAY, DAY, "EUR", tuple(lines), mode, tax_rounding=rounding,
                    number="INV-00001", id=7)


TWENTY_SMALL_LINES = tuple(line("0.09", "5.5", code=1) for _ in range(20))


def test_twenty_lines_of_nine_cents_at_five_and_a_half_percent_carry_ten_cents_per_document():
    # 20 x 0.09 = 1.80; 5.5 % of 1.80 = 0.099 -> 0.10 (each line alone: 0.00495 -> 0.00)
    totals = doc(*TWENTY_SMALL_LINES, rounding=PER_DOCUMENT).totals()
    assert (totals.net.amount, totals.tax.amount, totals.total.amount) == (
        D("1.80"), D("0.10"), D("1.90"))


def test_the_same_lines_rounded_per_line_carry_no_tax():
    totals = doc(*TWENTY_SMALL_LINES, rounding=PER_LINE).totals()
    assert (totals.net.amount, totals.tax.amount, totals.total.amount) == (
        D("1.80"), D("0.00"), D("1.80"))


def test_a_documents_line_taxes_add_up_to_its_rounded_tax_per_code():
    amounts = doc(*TWENTY_SMALL_LINES, rounding=PER_DOCUMENT).line_amounts()
    assert sum(a.tax.amount for a in amounts) == D("0.10")
    assert sorted(a.tax.amount for a in amounts) == [D("0.00")] * 10 + [D("0.01")] * 10


def test_per_document_rounds_each_code_on_its_own():
    # code 1 at 20 %: 0.03 + 0.03 = 0.06 -> 0.012 -> 0.01; code 2 at 5.5 %: 0.09 -> 0.00495
    # -> 0.00.  Two codes at one rate are still two sums.
    lines = (line("0.03", "20", 1), line("0.03", "20", 1), line("0.09", "5.5", 2))
    assert doc(*lines, rounding=PER_DOCUMENT).totals().tax.amount == D("0.01")
    twins = (line("0.05", "5", 1), line("0.05", "5", 2))  # 0.0025 each: 0.00 + 0.00
    assert doc(*twins, rounding=PER_DOCUMENT).totals().tax.amount == D("0.00")
    assert doc(line("0.05", "5", 1), line("0.05", "5", 1),
               rounding=PER_DOCUMENT).totals().tax.amount == D("0.01")  # 0.005 -> 0.01


def test_per_document_with_prices_including_tax_keeps_the_gross_and_carves_out_once():
    # gross 20 x 1.05 = 21.00; tax 21.00 x 5/105 = 1.00 exactly; per line 0.05 x 20 = 1.00 too,
    # but 3 x 0.99 at 20 %: per line 0.165 -> 0.17 each = 0.51, per document 2.97/6 = 0.495
    # -> 0.50
    lines = tuple(line("0.99", "20", 1) for _ in range(3))
    per_doc = doc(*lines, rounding=PER_DOCUMENT, mode=TaxMode.INCLUSIVE).totals()
    per_line = doc(*lines, rounding=PER_LINE, mode=TaxMode.INCLUSIVE).totals()
    assert (per_doc.net.amount, per_doc.tax.amount, per_doc.total.amount) == (
        D("2.47"), D("0.50"), D("2.97"))
    assert (per_line.net.amount, per_line.tax.amount, per_line.total.amount) == (
        D("2.46"), D("0.51"), D("2.97"))


def test_no_tax_documents_carry_none_either_way():
    totals = doc(*TWENTY_SMALL_LINES, rounding=PER_DOCUMENT, mode=TaxMode.NO_TAX).totals()
    assert totals.tax.amount == 0 and totals.total.amount == D("1.80")


def test_the_posting_uses_the_documents_rounding():
    roles = ChartRoles(receivable="1100", payable="2000", sales_tax="2200")
    entry = document_entry(doc(*TWENTY_SMALL_LINES, rounding=PER_DOCUMENT), roles)
    amounts = {ln.account_code: ln.amount.amount for ln in entry.lines}
    assert amounts == {"1100": D("1.90"), "4000": D("-1.80"), "2200": D("-0.10")}


def test_the_posting_credits_each_codes_own_tax_account():
    roles = ChartRoles(receivable="1100", payable="2000", sales_tax="2200",
                       tax_accounts={2: "2210"})
    entry = document_entry(doc(line("100", "20", 1), line("10", "5", 2),
                               rounding=PER_DOCUMENT), roles)
    amounts = {ln.account_code: ln.amount.amount for ln in entry.lines}
    assert amounts == {"1100": D("130.50"), "4000": D("-110.00"), "2200": D("-20.00"),
                       "2210": D("-0.50")}


def test_shared_out_gives_the_largest_remainders_the_extra_cents():
    # exact 0.4, 0.4, 0.7 (minor units): total 1.5 -> 2; floors 0; the two largest get 1
    assert shared_out([D("0.4"), D("0.4"), D("0.7")], 2) == [1, 0, 1]
    assert shared_out([D("-0.4"), D("-0.7")], -1) == [0, -1]


def _quantize(amount: Decimal) -> Decimal:
    return amount.quantize(D("0.01"), rounding=ROUND_HALF_UP)


prices = st.decimals(min_value=D("-50"), max_value=D("500"), places=2)
rates = st.sampled_from([D(0), D("5.5"), D(7), D(10), D(20), D("2.1")])
lines_st = st.lists(st.tuples(prices, st.sampled_from([1, 2, 3]), rates), min_size=1,
                    max_size=25)


@settings(max_examples=300, deadline=None)
@given(lines_st)
def test_per_document_tax_is_the_rounding_of_the_exact_sum_per_code(drawn):
    # A code keeps one rate: the code's number is its rate's position among the rates.
    items = tuple(LineItem("x", D(1), price, "4000", rate, tax_code_id=code * 100 + int(rate))
                  for price, code, rate in drawn)
    document = doc(*items, rounding=PER_DOCUMENT)
    exact: dict[int | None, Decimal] = {}
    for item in items:
        exact[item.tax_code_id] = exact.get(item.tax_code_id, D(0)) + (
            item.unit_price * item.tax_rate / 100)
    assert document.totals().tax.amount == sum(_quantize(v) for v in exact.values())
    amounts = document.line_amounts()
    for code, value in exact.items():  # each code's shares add up to its one rounding
        shares = [a.tax.amount for a, i in zip(amounts, items, strict=True)
                  if i.tax_code_id == code]
        assert sum(shares) == _quantize(value)
    for item, amount in zip(items, amounts, strict=True):  # never a cent from the exact tax
        assert abs(amount.tax.amount - item.unit_price * item.tax_rate / 100) < D("0.01")
        assert amount.gross == amount.net + amount.tax


@settings(max_examples=200, deadline=None)
@given(lines_st)
def test_per_line_tax_is_the_sum_of_each_lines_rounding(drawn):
    items = tuple(LineItem("x", D(1), price, "4000", rate, tax_code_id=code)
                  for price, code, rate in drawn)
    expected = sum(_quantize(i.unit_price * i.tax_rate / 100) for i in items)
    assert doc(*items, rounding=PER_LINE).totals().tax.amount == expected
