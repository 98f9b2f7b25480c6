"""The payment rule: every problem at once, with its field path and the numbers involved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.allocation import (
    allocate_oldest_first,
    validate_allocations,
    validate_payment,
)
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import (
    Allocation,
    OpenDocument,
    Payment,
    PaymentKind,
    payment_kind_for,
)

D = Decimal
DAY = dt.date(2024, 3, 1)
CUSTOMER = 7
OTHER = 8


def eur(amount) -> Money:
    return Money(D(amount), "EUR")


def open_doc(
    doc_id: int,
    outstanding: str,
    *,
    total: str | None = None,
    kind: DocumentKind = DocumentKind.SALES_INVOICE,
    contact: int = CUSTOMER,
    authorised: bool = True,
    currency: str = "EUR",
    due: dt.date = DAY,
    issue: dt.date = DAY,
) -> OpenDocument:
    return OpenDocument(
        id=doc_id, kind=kind, number=f"DOC-{doc_id}", contact_id=contact, currency=currency,
        total=Money(D(total or outstanding), currency),
        outstanding=Money(D(outstanding), currency),
        authorised=authorised, due_date=due, issue_date=issue,
    )


def payment(
    amount: str,
    *allocs: tuple[int, str],
    kind: PaymentKind = PaymentKind.CUSTOMER_RECEIPT,
    keep: bool = False,
    contact: int = CUSTOMER,
) -> Payment:
    return Payment(
        kind=kind, contact_id=contact, date=DAY, amount=eur(amount), bank_account_code="1000",
        allocations=tuple(Allocation(doc_id, eur(a)) for doc_id, a in allocs),
        keep_excess_as_credit=keep,
    )


def docs(*items: OpenDocument) -> dict[int, OpenDocument]:
    return {d.id: d for d in items}


def by_field(problems) -> dict[str, list]:
    result: dict[str, list] = {}
    for p in problems:
        result.setdefault(p.field, []).append(p)
    return result


# --- valid payments ----------------------------------------------------------------------


def test_exact_payment_of_several_documents_is_valid():
    books = docs(open_doc(1, "100"), open_doc(2, "50", total="80"))
    assert validate_payment(payment("150", (1, "100"), (2, "50")), books) == []


def test_partial_payment_is_valid():
    assert validate_payment(payment("40", (1, "40")), docs(open_doc(1, "100"))) == []


def test_excess_kept_as_credit_is_valid():
    p = payment("150", (1, "100"), keep=True)
    assert validate_payment(p, docs(open_doc(1, "100"))) == []
    assert p.excess == eur("50")
    assert p.allocated == eur("100")


def test_unallocated_payment_kept_entirely_as_credit_is_valid():
    assert validate_payment(payment("75", keep=True), {}) == []


@pytest.mark.parametrize(
    ("kind", "target"),
    [
        (PaymentKind.CUSTOMER_RECEIPT, DocumentKind.SALES_INVOICE),
        (PaymentKind.SUPPLIER_PAYMENT, DocumentKind.BILL),
        (PaymentKind.CUSTOMER_REFUND, DocumentKind.SALES_CREDIT_NOTE),
        (PaymentKind.CUSTOMER_REFUND, DocumentKind.CUSTOMER_PREPAYMENT),
        (PaymentKind.SUPPLIER_REFUND, DocumentKind.PURCHASE_CREDIT_NOTE),
        (PaymentKind.SUPPLIER_REFUND, DocumentKind.SUPPLIER_PREPAYMENT),
    ],
)
def test_each_kind_settles_its_own_documents(kind, target):
    p = payment("30", (1, "30"), kind=kind)
    assert validate_payment(p, docs(open_doc(1, "30", kind=target))) == []


# --- problems ----------------------------------------------------------------------------


def test_every_problem_is_reported_at_once_with_paths_and_numbers():
    books = docs(
        open_doc(1, "100", contact=OTHER),
        open_doc(2, "50", total="70"),
        open_doc(3, "20", kind=DocumentKind.BILL),
        open_doc(4, "20", authorised=False),
        # 5 does not exist
    )
    p = payment("100", (1, "10"), (2, "80"), (3, "10"), (4, "10"), (5, "10"))
    problems = validate_payment(p, books)
    found = by_field(problems)

    assert [x.code for x in found["allocations[0].document"]] == ["other_contact"]
    assert [x.code for x in found["allocations[2].document"]] == ["wrong_kind"]
    assert [x.code for x in found["allocations[3].document"]] == ["not_open"]
    assert [x.code for x in found["allocations[4].document"]] == ["not_found"]

    (over,) = found["allocations[1].amount"]
    assert over.code == "exceeds_outstanding"
    assert over.numbers == {"outstanding": D("50"), "attempted": D("80"), "maximum": D("50")}
    assert "50" in over.message and "80" in over.message and "DOC-2" in over.message

    # 10 + 80 + 10 + 10 + 10 = 120 allocated of a 100 payment
    (too_much,) = found["allocations"]
    assert too_much.code == "exceeds_amount"
    assert too_much.numbers == {"amount": D("100"), "attempted": D("120"), "maximum": D("100")}
    assert len(problems) == 6


def test_maximum_counts_other_allocations_to_the_same_document():
    p = payment("120", (1, "60"), (1, "60"))
    problems = validate_payment(p, docs(open_doc(1, "100")))
    assert [(x.field, x.code) for x in problems] == [
        ("allocations[1].amount", "exceeds_outstanding")
    ]
    assert problems[0].numbers == {
        "outstanding": D("100"), "attempted": D("60"), "maximum": D("40")
    }


def test_maximum_is_never_negative():
    p = payment("160", (1, "150"), (1, "10"))
    problems = validate_payment(p, docs(open_doc(1, "100")))
    maxima = {x.field: x.numbers["maximum"] for x in problems}
    assert maxima == {"allocations[0].amount": D("100"), "allocations[1].amount": D("0")}
    # A Decimal, as every other number of a problem: a form formats it as an amount (an int
    # 0 here made the payment form fail with a traceback).
    assert all(isinstance(m, Decimal) for m in maxima.values())


def test_fully_paid_document_takes_nothing_more():
    problems = validate_payment(payment("10", (1, "10")), docs(open_doc(1, "0", total="50")))
    assert [(x.field, x.code) for x in problems] == [("allocations[0].amount",
                                                      "exceeds_outstanding")]
    assert problems[0].numbers["maximum"] == 0
    assert problems[0].numbers["outstanding"] == 0


def test_maximum_per_allocation_is_capped_by_the_payment_amount():
    # A 50.00 payment cannot put more than 50.00 on any document, whatever it owes: the
    # form must name 50 as the maximum for this field, not the 60 outstanding.
    problems = validate_payment(payment("50", (1, "80")), docs(open_doc(1, "60")))
    (over,) = by_field(problems)["allocations[0].amount"]
    assert over.numbers["outstanding"] == D("60")
    assert over.numbers["attempted"] == D("80")
    assert over.numbers["maximum"] == D("50")


def test_allocations_over_the_payment_amount():
    books = docs(open_doc(1, "80"), open_doc(2, "80"))
    problems = validate_payment(payment("100", (1, "70"), (2, "50")), books)
    assert [(x.field, x.code) for x in problems] == [("allocations", "exceeds_amount")]
    assert problems[0].numbers == {"amount": D("100"), "attempted": D("120"),
                                   "maximum": D("100")}


def test_excess_without_keeping_it_as_credit_is_a_problem():
    problems = validate_payment(payment("150", (1, "100")), docs(open_doc(1, "100")))
    assert [(x.field, x.code) for x in problems] == [("amount", "unallocated")]
    assert problems[0].numbers == {"amount": D("150"), "allocated": D("100"), "excess": D("50")}
    assert "credit" in problems[0].message


def test_unallocated_payment_without_credit_is_a_problem():
    problems = validate_payment(payment("75"), {})
    assert [(x.field, x.code) for x in problems] == [("amount", "unallocated")]
    assert problems[0].numbers["excess"] == D("75")


@pytest.mark.parametrize(
    ("kind", "target"),
    [(PaymentKind.CUSTOMER_REFUND, DocumentKind.SALES_CREDIT_NOTE),
     (PaymentKind.SUPPLIER_REFUND, DocumentKind.PURCHASE_CREDIT_NOTE)],
)
def test_refunds_cannot_keep_credit(kind, target):
    books = docs(open_doc(1, "30", kind=target))
    kept = validate_payment(payment("50", (1, "30"), kind=kind, keep=True), books)
    assert [(x.field, x.code) for x in kept] == [("keep_excess_as_credit", "not_for_refunds")]
    assert kept[0].numbers == {"amount": D("50"), "allocated": D("30")}
    not_kept = validate_payment(payment("50", (1, "30"), kind=kind), books)
    assert [(x.field, x.code) for x in not_kept] == [("amount", "unallocated")]
    assert "credit" not in not_kept[0].message.split(";")[1]  # refunds aren't offered credit


@pytest.mark.parametrize("amount", ["0", "-5"])
def test_payment_amount_must_be_positive(amount):
    problems = validate_payment(payment(amount, (1, "10")), docs(open_doc(1, "10")))
    assert [(x.field, x.code) for x in problems] == [("amount", "not_positive")]
    assert problems[0].numbers == {"attempted": D(amount)}


@pytest.mark.parametrize("amount", ["0", "-5"])
def test_allocation_amount_must_be_positive(amount):
    problems = validate_payment(
        payment("10", (1, "10"), (2, amount), keep=True), docs(open_doc(1, "10"), open_doc(2, "10"))
    )
    assert [(x.field, x.code) for x in problems] == [("allocations[1].amount", "not_positive")]


@pytest.mark.parametrize(
    ("kind", "target"),
    [
        (PaymentKind.CUSTOMER_RECEIPT, DocumentKind.SALES_CREDIT_NOTE),
        (PaymentKind.CUSTOMER_RECEIPT, DocumentKind.BILL),
        (PaymentKind.CUSTOMER_RECEIPT, DocumentKind.CUSTOMER_PREPAYMENT),
        (PaymentKind.SUPPLIER_PAYMENT, DocumentKind.SALES_INVOICE),
        (PaymentKind.CUSTOMER_REFUND, DocumentKind.SALES_INVOICE),
        (PaymentKind.CUSTOMER_REFUND, DocumentKind.PURCHASE_CREDIT_NOTE),
        (PaymentKind.SUPPLIER_REFUND, DocumentKind.BILL),
    ],
)
def test_wrong_kind_of_document(kind, target):
    problems = validate_payment(payment("10", (1, "10"), kind=kind), docs(open_doc(1, "10",
                                                                                 kind=target)))
    assert [(x.field, x.code) for x in problems] == [("allocations[0].document", "wrong_kind")]


def test_other_contacts_document():
    problems = validate_payment(payment("10", (1, "10")), docs(open_doc(1, "10", contact=OTHER)))
    assert [(x.field, x.code) for x in problems] == [("allocations[0].document", "other_contact")]


def test_document_not_authorised():
    problems = validate_payment(payment("10", (1, "10")), docs(open_doc(1, "10",
                                                                          authorised=False)))
    assert [(x.field, x.code) for x in problems] == [("allocations[0].document", "not_open")]


def test_document_in_another_currency():
    problems = validate_payment(payment("10", (1, "10")), docs(open_doc(1, "10", currency="USD")))
    assert [(x.field, x.code) for x in problems] == [("allocations[0].amount", "currency")]


def test_validation_does_not_change_the_draft_or_the_documents():
    books = docs(open_doc(1, "50"))
    p = payment("80", (1, "80"))
    first = validate_payment(p, books)
    assert validate_payment(p, books) == first
    assert books[1].outstanding == eur("50")
    assert p.amount == eur("80") and p.allocations == (Allocation(1, eur("80")),)


def test_credit_allocations_limited_by_the_credits_remaining():
    books = docs(open_doc(1, "100"), open_doc(2, "100"))
    problems = validate_allocations(
        [Allocation(1, eur("30")), Allocation(2, eur("30"))], books,
        contact_id=CUSTOMER, currency="EUR",
        allowed_kinds=frozenset({DocumentKind.SALES_INVOICE}), what="credit note",
        available=eur("50"),
    )
    assert [(x.field, x.code) for x in problems] == [("allocations", "exceeds_amount")]
    assert problems[0].numbers["maximum"] == D("50")
    assert problems[0].numbers["attempted"] == D("60")


def test_payment_kinds():
    assert payment_kind_for(Side.SALES, False) is PaymentKind.CUSTOMER_RECEIPT
    assert payment_kind_for(Side.SALES, True) is PaymentKind.CUSTOMER_REFUND
    assert payment_kind_for(Side.PURCHASES, False) is PaymentKind.SUPPLIER_PAYMENT
    assert payment_kind_for(Side.PURCHASES, True) is PaymentKind.SUPPLIER_REFUND
    assert PaymentKind.CUSTOMER_RECEIPT.money_in and PaymentKind.SUPPLIER_REFUND.money_in
    assert not PaymentKind.SUPPLIER_PAYMENT.money_in
    assert not PaymentKind.CUSTOMER_REFUND.money_in
    assert PaymentKind.CUSTOMER_RECEIPT.prepayment_kind is DocumentKind.CUSTOMER_PREPAYMENT
    assert PaymentKind.SUPPLIER_PAYMENT.prepayment_kind is DocumentKind.SUPPLIER_PREPAYMENT
    assert PaymentKind.CUSTOMER_REFUND.prepayment_kind is None
    assert PaymentKind.SUPPLIER_REFUND.prepayment_kind is None


# --- oldest first ------------------------------------------------------------------------


def _spread(amount: str, items: list[OpenDocument]) -> list[tuple[int, Decimal]]:
    return [(a.document_id, a.amount.amount) for a in allocate_oldest_first(eur(amount), items)]


def test_allocate_oldest_first():
    items = [
        open_doc(1, "100", due=dt.date(2024, 3, 1)),
        open_doc(2, "50", due=dt.date(2024, 1, 1)),
        open_doc(3, "0", total="10", due=dt.date(2024, 2, 1)),  # paid: skipped
        open_doc(4, "30", due=dt.date(2024, 2, 15)),
    ]
    assert _spread("120", items) == [(2, D("50")), (4, D("30")), (1, D("40"))]
    assert _spread("50", items) == [(2, D("50"))]
    assert _spread("10", items) == [(2, D("10"))]
    # more than everything owed: every document paid in full, the rest left for the user
    assert _spread("500", items) == [(2, D("50")), (4, D("30")), (1, D("100"))]
    assert _spread("0", items) == []


def test_allocate_oldest_first_breaks_ties_by_issue_date_then_id():
    due = dt.date(2024, 1, 31)
    items = [
        open_doc(9, "10", due=due, issue=dt.date(2024, 1, 2)),
        open_doc(5, "10", due=due, issue=dt.date(2024, 1, 2)),
        open_doc(7, "10", due=due, issue=dt.date(2024, 1, 1)),
    ]
    assert [doc_id for doc_id, _ in _spread("30", items)] == [7, 5, 9]


def test_proposal_from_oldest_first_is_valid():
    items = [open_doc(1, "100", due=dt.date(2024, 3, 1)), open_doc(2, "50",
                                                                   due=dt.date(2024, 1, 1))]
    p = Payment(PaymentKind.CUSTOMER_RECEIPT, CUSTOMER, DAY, eur("120"), "1000",
                allocate_oldest_first(eur("120"), items))
    assert validate_payment(p, docs(*items)) == []
