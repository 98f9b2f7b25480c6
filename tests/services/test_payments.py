"""Recording, checking and voiding payments through the services, on a real book file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.services.payments import check_payment, open_items, record_payment, void_payment
from ledgerdesk.services.queries import check_book

D = Decimal
AR, AP, BANK, TAX = "1100", "2000", "1000", "2200"


def healthy(book) -> None:
    report = check_book(book)
    assert report.ok, (report.integrity, report.invariants)


def summary(book, document_id: int):
    (doc,) = [d for d in book.queries().list_documents(list(DocumentKind)) if d.id == document_id]
    return doc


# --- happy paths -------------------------------------------------------------------------


def test_one_receipt_settles_several_invoices(book, customer, issue, pay, owed, balances, day):
    first, _ = issue(customer, "100")
    second, _ = issue(customer, "50", tax_rate="20")  # 60.00
    third, _ = issue(customer, "10")

    result = pay(customer, "160", (first, "100"), (second, "60"))

    assert result.credit_id is None and not result.already_recorded
    assert owed(first) == 0 and owed(second) == 0 and owed(third) == 10
    assert summary(book, first).status(day) == "paid"
    assert summary(book, second).status(day) == "paid"
    assert balances()[BANK] == D("160")
    assert balances()[AR] == D("10")  # only the third invoice is still owed
    (payment,) = book.queries().list_payments()
    assert payment.allocated.amount == D("160")
    assert set(payment.documents.split(", ")) == {"INV-00001", "INV-00002"}
    healthy(book)


def test_partial_payment_leaves_the_rest_outstanding(
    book, customer, issue, pay, owed, balances, day
):
    invoice, _ = issue(customer, "100", due_date=day + dt.timedelta(days=30))
    pay(customer, "40", (invoice, "40"))
    assert owed(invoice) == D("60")
    assert summary(book, invoice).status(day) == "partly paid"
    assert summary(book, invoice).status(day + dt.timedelta(days=31)) == "overdue"
    pay(customer, "60", (invoice, "60"))
    assert owed(invoice) == 0
    assert summary(book, invoice).status(day + dt.timedelta(days=31)) == "paid"
    assert balances()[AR] == 0 and balances()[BANK] == D("100")
    healthy(book)


def test_excess_kept_as_credit_becomes_a_prepayment_that_can_be_applied(
    book, customer, issue, pay, owed, balances, day
):
    from ledgerdesk.services.commands import AllocationInput, ApplyCredit
    from ledgerdesk.services.credits import apply_credit

    first, _ = issue(customer, "100")
    result = pay(customer, "150", (first, "100"), keep=True)

    assert result.credit_id is not None and result.credit_number == "CC-00001"
    assert owed(first) == 0
    assert owed(result.credit_id) == D("50")
    credit = summary(book, result.credit_id)
    assert credit.kind is DocumentKind.CUSTOMER_PREPAYMENT
    assert credit.total.amount == D("50") and credit.lifecycle is Lifecycle.AUTHORISED
    assert balances()[AR] == D("-50")  # the customer is owed 50
    assert balances()[BANK] == D("150")
    healthy(book)

    second, _ = issue(customer, "80")
    apply_credit(book, ApplyCredit(credit_id=result.credit_id, date=day, allocations=[
        AllocationInput(document_id=second, amount=D("50"))]))
    assert owed(result.credit_id) == 0
    assert owed(second) == D("30")
    assert balances()[AR] == D("30")  # applying a credit moves nothing in the ledger
    assert balances()[BANK] == D("150")
    healthy(book)


def test_credit_kept_without_any_allocation(book, customer, pay, owed, balances):
    result = pay(customer, "25", keep=True)
    assert owed(result.credit_id) == D("25")
    assert balances()[AR] == D("-25")
    healthy(book)


def test_refund_of_a_credit_note(book, customer, issue, pay, owed, balances):
    note, number = issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE)
    assert number == "CN-00001"
    assert balances()[AR] == D("-30")
    pay(customer, "30", (note, "30"), kind=PaymentKind.CUSTOMER_REFUND)
    assert owed(note) == 0
    assert balances()[BANK] == D("-30")  # the money went out
    assert balances()[AR] == 0
    healthy(book)


def test_refund_of_a_kept_credit(book, customer, pay, owed, balances):
    kept = pay(customer, "40", keep=True)
    pay(customer, "15", (kept.credit_id, "15"), kind=PaymentKind.CUSTOMER_REFUND)
    assert owed(kept.credit_id) == D("25")
    assert balances()[BANK] == D("25")
    assert balances()[AR] == D("-25")
    healthy(book)


def test_supplier_side_mirrors(book, supplier, issue, pay, owed, balances):
    bill, number = issue(supplier, "200", DocumentKind.BILL, tax_rate="10")  # 220.00
    assert number == "BILL-00001"
    assert balances()[AP] == D("-220")  # a credit balance: the business owes 220
    assert balances()[TAX] == D("20")  # input tax
    result = pay(supplier, "250", (bill, "220"), kind=PaymentKind.SUPPLIER_PAYMENT, keep=True)
    assert owed(bill) == 0
    assert summary(book, result.credit_id).kind is DocumentKind.SUPPLIER_PREPAYMENT
    assert result.credit_number == "SC-00001"
    assert balances()[BANK] == D("-250")
    assert balances()[AP] == D("30")  # the supplier owes 30 back
    note, _ = issue(supplier, "10", DocumentKind.PURCHASE_CREDIT_NOTE)
    pay(supplier, "40", (note, "10"), (result.credit_id, "30"),
        kind=PaymentKind.SUPPLIER_REFUND)
    assert owed(note) == 0 and owed(result.credit_id) == 0
    assert balances()[AP] == 0
    assert balances()[BANK] == D("-210")
    healthy(book)


def test_open_items_lists_what_a_payment_can_settle_oldest_first(book, customer, issue, pay, day):
    late, _ = issue(customer, "10", due_date=day + dt.timedelta(days=60))
    early, _ = issue(customer, "20", due_date=day + dt.timedelta(days=5))
    paid, _ = issue(customer, "30", due_date=day)
    pay(customer, "30", (paid, "30"))
    issue(customer, "5", DocumentKind.SALES_CREDIT_NOTE)
    items = open_items(book, customer, PaymentKind.CUSTOMER_RECEIPT)
    assert [(i.id, i.outstanding.amount) for i in items] == [(early, D("20")), (late, D("10"))]
    refunds = open_items(book, customer, PaymentKind.CUSTOMER_REFUND)
    assert [i.kind for i in refunds] == [DocumentKind.SALES_CREDIT_NOTE]


# --- idempotency -------------------------------------------------------------------------


def test_the_same_client_token_records_once(book, customer, issue, owed, balances, command):
    invoice, _ = issue(customer, "100")
    cmd = command(customer, "120", (invoice, "70"), keep=True,
                              client_token="token-0001")
    first = record_payment(book, cmd)
    again = record_payment(book, cmd)
    assert again.already_recorded and not first.already_recorded
    assert again.payment_id == first.payment_id
    assert again.credit_id == first.credit_id and again.credit_number == first.credit_number
    assert len(list(book.queries().list_payments())) == 1
    assert owed(invoice) == D("30")
    assert balances()[BANK] == D("120")
    healthy(book)


def test_a_retry_after_the_invoice_was_paid_still_reports_the_first_payment(
    book, customer, issue, owed, command
):
    # A retry must not be re-validated against balances its own first attempt changed.
    invoice, _ = issue(customer, "100")
    cmd = command(customer, "100", (invoice, "100"), client_token="token-0002")
    first = record_payment(book, cmd)
    assert record_payment(book, cmd).payment_id == first.payment_id
    assert owed(invoice) == 0


# --- refusals change nothing ---------------------------------------------------------------


def test_over_allocation_is_refused_with_the_numbers_and_changes_nothing(
    book, customer, issue, pay, state
):
    invoice, number = issue(customer, "100")
    pay(customer, "70", (invoice, "70"))
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        pay(customer, "50", (invoice, "50"))
    (problem,) = failed.value.problems
    assert problem.field == "allocations[0].amount"
    assert problem.numbers == {"outstanding": D("30"), "attempted": D("50"), "maximum": D("30")}
    assert number in problem.message
    assert state() == before
    healthy(book)


def test_every_problem_of_a_payment_is_reported(book, customer, add_contact, issue, draft, pay,
                                                state):
    other = add_contact("Other Ltd")
    mine, _ = issue(customer, "100")
    theirs, _ = issue(other, "100")
    unauthorised = draft(customer, "10")
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        pay(customer, "500", (mine, "150"), (theirs, "10"), (unauthorised, "10"), (9999, "1"))
    found = {(p.field, p.code) for p in failed.value.problems}
    assert found == {
        ("allocations[0].amount", "exceeds_outstanding"),
        ("allocations[1].document", "other_contact"),
        ("allocations[2].document", "not_open"),
        ("allocations[3].document", "not_found"),
        ("amount", "unallocated"),
    }
    assert state() == before


def test_unknown_contact_and_non_bank_account_are_problems(book, customer, issue, state, command):
    invoice, _ = issue(customer, "10")
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        record_payment(book, command(9999, "10", (invoice, "10"),
                                             bank_account_code="4000"))
    fields = {p.field for p in failed.value.problems}
    assert {"contact", "bank_account"} <= fields
    assert state() == before


@pytest.mark.parametrize("amount", ["0", "-10"])
def test_a_payment_must_be_more_than_zero(book, customer, issue, pay, state, amount):
    invoice, _ = issue(customer, "100")
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        pay(customer, amount, (invoice, "10"))
    assert [(p.field, p.code) for p in failed.value.problems] == [("amount", "not_positive")]
    assert state() == before


def test_a_payment_finer_than_a_cent_is_a_problem_not_rounded(book, customer, issue, pay, state):
    # 10.005 EUR cannot be paid.  Rounding it silently to 10.01 records money the user did
    # not enter; the payment must be refused with a problem on its amount.
    invoice, _ = issue(customer, "100")
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        pay(customer, "10.005", (invoice, "10.005"))
    assert "amount" in {p.field for p in failed.value.problems}
    assert state() == before


def test_refund_cannot_keep_credit(book, customer, issue, pay, state):
    note, _ = issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE)
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        pay(customer, "40", (note, "30"), kind=PaymentKind.CUSTOMER_REFUND, keep=True)
    assert [p.field for p in failed.value.problems] == ["keep_excess_as_credit"]
    assert state() == before


def test_check_payment_returns_problems_and_changes_nothing(book, customer, issue, state, command):
    invoice, _ = issue(customer, "100")
    before = state()
    revision = book.revision
    bad = command(customer, "150", (invoice, "150"))
    problems = check_payment(book, bad)
    assert {(p.field, p.code) for p in problems} == {
        ("allocations[0].amount", "exceeds_outstanding")}
    assert problems[0].numbers["maximum"] == D("100")
    good = command(customer, "100", (invoice, "100"))
    assert check_payment(book, good) == []
    assert state() == before
    assert book.revision == revision
    # and the checked command can still be recorded afterwards
    record_payment(book, good)
    assert state() != before


# --- voiding -----------------------------------------------------------------------------


def test_void_payment_restores_outstanding_and_posts_a_reversal(
    book, customer, issue, pay, owed, balances, day
):
    first, _ = issue(customer, "100")
    second, _ = issue(customer, "50")
    before = balances()
    result = pay(customer, "120", (first, "100"), (second, "20"))
    void_payment(book, result.payment_id, day + dt.timedelta(days=1))

    assert owed(first) == D("100") and owed(second) == D("50")
    assert summary(book, first).status(day) == "open"
    assert {k: v for k, v in balances().items() if v} == {k: v for k, v in before.items() if v}
    with book.read() as tx:
        original, reversal = tx.entries_for(SourceType.PAYMENT, result.payment_id)
    assert reversal.reverses_id == original.id
    assert reversal.date == day + dt.timedelta(days=1)
    assert sorted((ln.account_code, -ln.amount) for ln in original.lines) == sorted(
        (ln.account_code, ln.amount) for ln in reversal.lines)
    (listed,) = book.queries().list_payments()
    assert listed.voided
    healthy(book)
    # the invoices can be paid again in full
    pay(customer, "150", (first, "100"), (second, "50"))
    assert owed(first) == 0 and owed(second) == 0
    healthy(book)


def test_voiding_a_payment_voids_its_unused_credit(book, customer, issue, pay, owed, balances, day):
    invoice, _ = issue(customer, "100")
    result = pay(customer, "130", (invoice, "100"), keep=True)
    void_payment(book, result.payment_id, day)
    assert summary(book, result.credit_id).lifecycle is Lifecycle.VOIDED
    assert owed(invoice) == D("100")
    assert balances()[AR] == D("100")
    assert balances()[BANK] == 0
    healthy(book)


def test_voiding_a_payment_whose_credit_was_used_is_refused(book, customer, issue, pay, state, day):
    from ledgerdesk.services.commands import AllocationInput, ApplyCredit
    from ledgerdesk.services.credits import apply_credit

    result = pay(customer, "30", keep=True)
    invoice, _ = issue(customer, "100")
    apply_credit(book, ApplyCredit(credit_id=result.credit_id, date=day, allocations=[
        AllocationInput(document_id=invoice, amount=D("10"))]))
    before = state()
    with pytest.raises(NotAllowed, match="CC-00001"):
        void_payment(book, result.payment_id, day)
    assert state() == before
    healthy(book)


def test_voiding_twice_or_an_unknown_payment_is_refused(book, customer, issue, pay, state, day):
    invoice, _ = issue(customer, "100")
    result = pay(customer, "100", (invoice, "100"))
    void_payment(book, result.payment_id, day)
    before = state()
    with pytest.raises(NotAllowed):
        void_payment(book, result.payment_id, day)
    with pytest.raises(NotFound):
        void_payment(book, 9999, day)
    assert state() == before
    healthy(book)


def test_a_receipt_from_a_supplier_only_contact_is_refused(book, supplier, state, command):
    # A customer credit kept for a supplier could never be applied to an invoice.
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        record_payment(book, command(supplier, "50", keep=True))
    assert [p.field for p in failed.value.problems] == ["contact"]
    assert "not a customer" in failed.value.problems[0].message
    assert state() == before
