"""The journal entries documents and payments post: balanced, right accounts, right signs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledgerdesk.domain.documents import (
    EDITABLE_KINDS,
    Document,
    DocumentKind,
    LineItem,
    TaxMode,
)
from ledgerdesk.domain.ledger import JournalEntry, JournalLine, SourceType, merge_lines
from ledgerdesk.domain.money import Money, minor_exponent
from ledgerdesk.domain.payments import Allocation, Payment, PaymentKind
from ledgerdesk.domain.postings import ChartRoles, document_entry, payment_entry

D = Decimal
DAY = dt.date(2024, 5, 2)
ROLES = ChartRoles(receivable="1100", payable="2000", sales_tax="2200")


def eur(amount) -> Money:
    return Money(D(amount), "EUR")


def make_doc(kind: DocumentKind, *lines: LineItem, mode=TaxMode.EXCLUSIVE, currency="EUR"):
    return Document(kind, 3, DAY, DAY + dt.timedelta(days=30), currency, tuple(lines), mode,
                    number="N-00001", id=42)


def by_account(entry: JournalEntry) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for ln in entry.lines:
        result[ln.account_code] = result.get(ln.account_code, D(0)) + ln.amount.amount
    return result


SALES_LINES = (
    LineItem("goods", D("2"), D("50"), "4000", D("20")),  # 100 net, 20 tax
    LineItem("service", D("1"), D("30"), "4100", D("0")),  # 30 net
)
PURCHASE_LINES = (
    LineItem("rent", D("2"), D("50"), "6000", D("20")),
    LineItem("paper", D("1"), D("30"), "6100", D("0")),
)


@pytest.mark.parametrize(
    ("kind", "lines", "expected"),
    [
        # invoice: Dr Receivable 150 / Cr Sales 100 / Cr Services 30 / Cr Sales Tax 20
        (DocumentKind.SALES_INVOICE, SALES_LINES,
         {"1100": D("150"), "4000": D("-100"), "4100": D("-30"), "2200": D("-20")}),
        # credit note mirrors it: Cr Receivable, Dr income, Dr tax
        (DocumentKind.SALES_CREDIT_NOTE, SALES_LINES,
         {"1100": D("-150"), "4000": D("100"), "4100": D("30"), "2200": D("20")}),
        # bill: Dr expenses and input tax / Cr Payable 150
        (DocumentKind.BILL, PURCHASE_LINES,
         {"2000": D("-150"), "6000": D("100"), "6100": D("30"), "2200": D("20")}),
        # supplier credit note mirrors the bill: Dr Payable
        (DocumentKind.PURCHASE_CREDIT_NOTE, PURCHASE_LINES,
         {"2000": D("150"), "6000": D("-100"), "6100": D("-30"), "2200": D("-20")}),
    ],
)
def test_document_entry_accounts_and_signs(kind, lines, expected):
    entry = document_entry(make_doc(kind, *lines), ROLES)
    assert entry.is_balanced()
    assert by_account(entry) == expected
    assert entry.source_type is SourceType.DOCUMENT
    assert entry.source_id == 42
    assert entry.date == DAY
    assert entry.reverses_id is None
    assert "N-00001" in entry.memo


def test_invoice_memo_names_the_kind_and_number():
    assert document_entry(make_doc(DocumentKind.SALES_INVOICE, *SALES_LINES),
                          ROLES).memo == "Invoice N-00001"


def test_document_entry_without_tax_has_no_tax_line():
    entry = document_entry(
        make_doc(DocumentKind.SALES_INVOICE, *SALES_LINES, mode=TaxMode.NO_TAX), ROLES
    )
    assert by_account(entry) == {"1100": D("130"), "4000": D("-100"), "4100": D("-30")}


def test_document_entry_merges_lines_on_the_same_account():
    lines = (LineItem("a", D("1"), D("10"), "4000"), LineItem("b", D("2"), D("5"), "4000"))
    entry = document_entry(make_doc(DocumentKind.SALES_INVOICE, *lines), ROLES)
    assert [(ln.account_code, ln.amount) for ln in entry.lines] == [
        ("1100", eur("20")), ("4000", eur("-20"))]


def test_inclusive_document_entry():
    # 10.00 incl. 20 %: 8.33 income, 1.67 tax
    lines = (LineItem("a", D("1"), D("10"), "4000", D("20")),)
    entry = document_entry(make_doc(DocumentKind.SALES_INVOICE, *lines, mode=TaxMode.INCLUSIVE),
                           ROLES)
    assert by_account(entry) == {"1100": D("10"), "4000": D("-8.33"), "2200": D("-1.67")}


def test_unsaved_documents_and_prepayments_do_not_post():
    with pytest.raises(ValueError):
        document_entry(dataclasses.replace(make_doc(DocumentKind.SALES_INVOICE, *SALES_LINES),
                                           id=None), ROLES)
    credit = Document(DocumentKind.CUSTOMER_PREPAYMENT, 3, DAY, DAY, "EUR",
                      prepayment_amount=eur("10"), id=5)
    with pytest.raises(ValueError):
        document_entry(credit, ROLES)


def _payment(kind: PaymentKind, amount="100", allocs=(), keep=False, reference=""):
    return Payment(kind, 3, DAY, eur(amount), "1010", tuple(allocs), keep, reference, id=9)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (PaymentKind.CUSTOMER_RECEIPT, {"1010": D("100"), "1100": D("-100")}),  # Dr Bank
        (PaymentKind.SUPPLIER_PAYMENT, {"1010": D("-100"), "2000": D("100")}),  # Cr Bank
        (PaymentKind.CUSTOMER_REFUND, {"1010": D("-100"), "1100": D("100")}),
        (PaymentKind.SUPPLIER_REFUND, {"1010": D("100"), "2000": D("-100")}),
    ],
)
def test_payment_entry_accounts_and_signs(kind, expected):
    entry = payment_entry(_payment(kind), ROLES, "Acme")
    assert entry.is_balanced()
    assert by_account(entry) == expected
    assert entry.source_type is SourceType.PAYMENT
    assert entry.source_id == 9
    assert entry.date == DAY


def test_payment_entry_posts_the_whole_amount_even_when_excess_is_kept():
    p = _payment(PaymentKind.CUSTOMER_RECEIPT, "150", [Allocation(1, eur("100"))], keep=True)
    assert by_account(payment_entry(p, ROLES)) == {"1010": D("150"), "1100": D("-150")}


def test_payment_memo_names_contact_and_reference():
    memo = payment_entry(_payment(PaymentKind.CUSTOMER_RECEIPT, reference="R-7"), ROLES,
                         "Acme").memo
    assert "Acme" in memo and "R-7" in memo


def test_unsaved_payment_does_not_post():
    with pytest.raises(ValueError):
        payment_entry(dataclasses.replace(_payment(PaymentKind.CUSTOMER_RECEIPT), id=None), ROLES)


# --- ledger primitives -------------------------------------------------------------------


def test_reversal_negates_every_line_and_points_back():
    entry = dataclasses.replace(
        document_entry(make_doc(DocumentKind.SALES_INVOICE, *SALES_LINES), ROLES), id=77
    )
    later = DAY + dt.timedelta(days=3)
    undo = entry.reversal(later, "Void it")
    assert undo.reverses_id == 77
    assert undo.date == later and undo.memo == "Void it"
    assert undo.source_type is entry.source_type and undo.source_id == entry.source_id
    assert [(ln.account_code, ln.amount) for ln in undo.lines] == [
        (ln.account_code, -ln.amount) for ln in entry.lines]
    assert undo.is_balanced()
    combined = by_account(entry)
    for code, amount in by_account(undo).items():
        combined[code] += amount
    assert set(combined.values()) == {0}


def test_only_posted_entries_can_be_reversed():
    entry = document_entry(make_doc(DocumentKind.SALES_INVOICE, *SALES_LINES), ROLES)
    with pytest.raises(ValueError):
        entry.reversal(DAY, "x")


def test_is_balanced():
    def entry(*amounts: str) -> JournalEntry:
        lines = tuple(JournalLine(str(i), eur(a)) for i, a in enumerate(amounts))
        return JournalEntry(DAY, "", SourceType.MANUAL, None, lines)

    assert entry("10", "-10").is_balanced()
    assert entry("10", "-4", "-6").is_balanced()
    assert not entry("10", "-9.99").is_balanced()
    assert not entry().is_balanced()  # an empty entry posts nothing and is refused


def test_merge_lines_sums_per_account_in_first_seen_order_and_drops_zeros():
    lines = [JournalLine("A", eur("5")), JournalLine("B", eur("3")), JournalLine("A", eur("2")),
             JournalLine("C", eur("1")), JournalLine("C", eur("-1"))]
    assert [(ln.account_code, ln.amount) for ln in merge_lines(lines)] == [
        ("A", eur("7")), ("B", eur("3"))]


# --- property: any document posts a balanced entry ---------------------------------------


@st.composite
def documents(draw):
    currency = draw(st.sampled_from(["EUR", "JPY", "KWD"]))
    places = minor_exponent(currency) + 2

    def dec(lo, hi, p):
        return st.decimals(min_value=D(lo), max_value=D(hi), places=p,
                           allow_nan=False, allow_infinity=False)

    lines = draw(st.lists(
        st.builds(
            LineItem,
            description=st.just("x"),
            quantity=dec("0.001", "10000", 3),
            unit_price=dec("0", "100000", places),
            account_code=st.sampled_from(["4000", "4100", "5000", "6000", "6100"]),
            tax_rate=st.one_of(st.sampled_from([D(0), D(5), D("5.5"), D("7.7"), D(20), D(100)]),
                               dec("0", "100", 3)),
            discount_percent=st.one_of(st.just(D(0)), dec("0", "100", 2)),
        ),
        min_size=1, max_size=8,
    ))
    kind = draw(st.sampled_from(EDITABLE_KINDS))
    mode = draw(st.sampled_from(list(TaxMode)))
    return Document(kind, 1, DAY, DAY, currency, tuple(lines), mode, number="X-1", id=1)


@settings(max_examples=300)
@given(documents())
def test_any_document_entry_balances_and_matches_its_totals(doc):
    totals = doc.totals()
    amounts = doc.line_amounts()
    assert totals.total == totals.net + totals.tax
    assert totals.net.amount == sum(a.net.amount for a in amounts)
    assert totals.tax.amount == sum(a.tax.amount for a in amounts)
    for ln, a in zip(doc.lines, amounts, strict=True):
        assert a.gross == a.net + a.tax
        assert not a.tax.amount < 0 and not a.net.amount < 0
        extended = Money(ln.quantity * ln.unit_price * (100 - ln.discount_percent) / 100,
                         doc.currency)
        assert (a.gross if doc.tax_mode is TaxMode.INCLUSIVE else a.net) == extended
        if doc.tax_mode is TaxMode.NO_TAX:
            assert a.tax.is_zero

    entry = document_entry(doc, ROLES)
    accounts = by_account(entry)
    if totals.total.is_zero:
        return
    assert entry.is_balanced()
    sign = 1 if doc.kind in (DocumentKind.SALES_INVOICE, DocumentKind.PURCHASE_CREDIT_NOTE) else -1
    control = "1100" if doc.kind.side.value == "SALES" else "2000"
    assert accounts[control] == sign * totals.total.amount
    assert accounts.get("2200", D(0)) == -sign * totals.tax.amount
    others = sum(v for k, v in accounts.items() if k not in (control, "2200"))
    assert others == -sign * totals.net.amount
    assert all(not ln.amount.is_zero for ln in entry.lines)
