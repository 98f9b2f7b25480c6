"""validate_document, validate_contact and document numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import Contact, ContactRole, validate_contact
from ledgerdesk.domain.document_rules import validate_document
from ledgerdesk.domain.documents import Document, DocumentKind, LineItem, TaxMode
from ledgerdesk.domain.ledger import DEFAULT_CHART
from ledgerdesk.domain.numbering import format_number

D = Decimal
DAY = dt.date(2024, 4, 1)
ACCOUNTS = {a.code: a for a in DEFAULT_CHART}
CUSTOMER = Contact("Acme", ContactRole.CUSTOMER, id=1)
SUPPLIER = Contact("Paper Co", ContactRole.SUPPLIER, id=2)
BOTH = Contact("Both Ltd", ContactRole.BOTH, id=3)
GOOD_LINE = LineItem("goods", D("2"), D("10"), "4000", D("20"))


def make(kind=DocumentKind.SALES_INVOICE, lines=(GOOD_LINE,), **changes) -> Document:
    fields = {"kind": kind, "contact_id": 1, "issue_date": DAY, "due_date": DAY,
              "currency": "EUR", "lines": tuple(lines)}
    fields.update(changes)
    return Document(**fields)


def check(doc, contact=CUSTOMER, *, authorising=True, **options):
    return validate_document(doc, contact, ACCOUNTS, base_currency="EUR", authorising=authorising,
                             **options)


def fields(problems) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


def test_a_complete_document_has_no_problems():
    assert check(make()) == []
    assert check(make(kind=DocumentKind.BILL, lines=(LineItem("r", D(1), D(5), "6000"),)),
                 SUPPLIER) == []
    assert check(make(kind=DocumentKind.SALES_CREDIT_NOTE), BOTH) == []
    assert check(make(kind=DocumentKind.PURCHASE_CREDIT_NOTE), BOTH) == []


def test_contact_is_required_and_must_have_the_right_role():
    assert fields(check(make(), None)) == [("contact", "required")]
    assert fields(check(make(), SUPPLIER)) == [("contact", "role")]
    assert fields(check(make(kind=DocumentKind.SALES_CREDIT_NOTE), SUPPLIER)) == [
        ("contact", "role")]
    assert fields(check(make(kind=DocumentKind.BILL), CUSTOMER)) == [("contact", "role")]
    assert fields(check(make(kind=DocumentKind.PURCHASE_CREDIT_NOTE), CUSTOMER)) == [
        ("contact", "role")]
    assert "Paper Co" in check(make(), SUPPLIER)[0].message


def test_due_date_before_issue_date():
    assert fields(check(make(due_date=DAY - dt.timedelta(days=1)))) == [
        ("due_date", "before_issue")]


def test_a_document_brought_in_may_have_fallen_due_before_its_date_here():
    """An invoice recorded as it stands elsewhere (imported as issued, or open on the
    opening day) was issued before its date here, so it may be overdue already."""
    overdue = make(due_date=DAY - dt.timedelta(days=31))
    assert check(overdue, brought_in=True) == []
    assert fields(check(overdue)) == [("due_date", "before_issue")]  # typed here: a slip
    assert check(make(currency="USD", exchange_rate=D("0.9")), brought_in=True) == []


def test_currency_problems():
    assert fields(check(make(currency="eur"), authorising=False)) == [("currency", "invalid")]
    assert fields(check(make(currency="XYZ"))) == [("currency", "invalid")]  # not ISO 4217
    assert check(make(currency="USD", exchange_rate=D("0.9"))) == []  # foreign, at a rate
    assert fields(check(make(currency="USD", exchange_rate=D("0")))) == [
        ("exchange_rate", "not_positive")]
    assert fields(check(make(exchange_rate=D("1.1")))) == [("exchange_rate", "not_one")]


def test_invalid_currency_is_not_reported_as_a_too_large_total():
    # 20.00 + tax is a small total; the only thing wrong is the currency code.  Building
    # Money in "eur" raises ValueError, which the total check reads as "too large".
    assert fields(check(make(currency="eur"))) == [("currency", "invalid")]


def test_every_line_problem_at_once_with_paths():
    lines = (
        GOOD_LINE,
        LineItem("a", D("1"), D("1"), "9999"),  # no such account
        LineItem("b", D("1"), D("1"), "1100"),  # receivable is kept by the books
        LineItem("c", D("1"), D("1"), "1000"),  # bank too
        LineItem("d", D("0"), D("-1"), "4000", D("101"), D("-5")),
    )
    problems = check(make(lines=lines), authorising=False)
    assert fields(problems) == [
        ("lines[1].account_code", "not_found"),
        ("lines[2].account_code", "control"),
        ("lines[3].account_code", "control"),
        ("lines[4].quantity", "out_of_range"),
        ("lines[4].unit_price", "out_of_range"),
        ("lines[4].discount_percent", "out_of_range"),
        ("lines[4].tax_rate", "out_of_range"),
    ]
    numbers = {p.field: p.numbers for p in problems[3:]}
    assert numbers["lines[4].quantity"] == {"attempted": D("0")}
    assert numbers["lines[4].unit_price"] == {"attempted": D("-1")}
    assert numbers["lines[4].discount_percent"] == {"attempted": D("-5")}
    assert numbers["lines[4].tax_rate"] == {"attempted": D("101")}


def test_boundaries_that_are_allowed():
    lines = (LineItem("free", D("1"), D("0"), "4000", D("100"), D("100")),
             LineItem("x", D("0.001"), D("10"), "2200"))  # the tax account accepts lines
    assert check(make(lines=lines), authorising=False) == []


def test_all_kinds_of_problem_together():
    doc = make(due_date=DAY - dt.timedelta(days=1), currency="USD", exchange_rate=D("-1"),
               lines=(LineItem("a", D("-1"), D("1"), "9999"),))
    assert fields(check(doc, None, authorising=False)) == [
        ("contact", "required"), ("due_date", "before_issue"), ("exchange_rate", "not_positive"),
        ("lines[0].account_code", "not_found"), ("lines[0].quantity", "out_of_range"),
    ]


def test_a_draft_may_be_empty_but_not_an_authorised_document():
    assert check(make(lines=()), authorising=False) == []
    assert fields(check(make(lines=()))) == [("lines", "required")]


def test_authorising_needs_a_positive_total():
    free = make(lines=(LineItem("free", D("1"), D("0"), "4000"),))
    assert check(free, authorising=False) == []
    problems = check(free)
    assert fields(problems) == [("lines", "not_positive")]
    assert problems[0].numbers == {"total": D("0")}
    discounted = make(lines=(LineItem("x", D("1"), D("50"), "4000", D(0), D(100)),),
                      tax_mode=TaxMode.INCLUSIVE)
    assert fields(check(discounted)) == [("lines", "not_positive")]


def test_authorising_a_total_too_large_is_a_problem_not_a_crash():
    huge = LineItem("x", D("999999999"), D("9999999999999"), "4000")
    assert fields(check(make(lines=(huge,)))) == [("lines", "too_large")]
    # each line fits, the sum does not
    big = LineItem("x", D("1"), D("6000000000000"), "4000")
    assert fields(check(make(lines=(big, big)))) == [("lines", "too_large")]


# --- contacts ----------------------------------------------------------------------------


def test_contact_validation():
    assert validate_contact(Contact("Acme", ContactRole.CUSTOMER, email="a@b.c")) == []
    assert fields(validate_contact(Contact("  ", ContactRole.CUSTOMER))) == [("name", "required")]
    assert fields(validate_contact(Contact("x" * 201, ContactRole.BOTH))) == [("name", "too_long")]
    assert validate_contact(Contact("x" * 200, ContactRole.BOTH)) == []
    bad = Contact("", ContactRole.SUPPLIER, email="nope", payment_terms_days=366)
    assert fields(validate_contact(bad)) == [
        ("name", "required"), ("payment_terms_days", "out_of_range"), ("email", "invalid")]
    assert fields(validate_contact(Contact("A", ContactRole.SUPPLIER, payment_terms_days=-1))) == [
        ("payment_terms_days", "out_of_range")]


def test_contact_roles():
    assert ContactRole.BOTH.is_customer and ContactRole.BOTH.is_supplier
    assert ContactRole.CUSTOMER.is_customer and not ContactRole.CUSTOMER.is_supplier
    assert ContactRole.SUPPLIER.is_supplier and not ContactRole.SUPPLIER.is_customer


# --- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "seq", "expected"),
    [("INV-", 1, "INV-00001"), ("BILL-", 42, "BILL-00042"), ("INV-", 123456, "INV-123456")],
)
def test_format_number(prefix, seq, expected):
    assert format_number(prefix, seq) == expected


@pytest.mark.parametrize("seq", [0, -1])
def test_numbers_start_at_one(seq):
    with pytest.raises(ValueError):
        format_number("INV-", seq)


def test_numbers_sort_in_order_within_the_width():
    numbers = [format_number("INV-", n) for n in (1, 2, 10, 99, 100, 99999)]
    assert sorted(numbers) == numbers
