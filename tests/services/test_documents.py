"""Drafts, authorising, gap-free numbers, immutability and voiding, on a real book file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.services.commands import AllocationInput, ApplyCredit, DocumentDraft, LineInput
from ledgerdesk.services.credits import apply_credit
from ledgerdesk.services.documents import (
    authorise_document,
    create_document,
    save_draft,
    void_document,
)
from ledgerdesk.services.payments import void_payment
from ledgerdesk.services.queries import check_book, list_documents

D = Decimal
AR, AP, BANK, TAX, SALES = "1100", "2000", "1000", "2200", "4000"


def document_summaries(book):
    return list(list_documents(book, "invoices"))


def healthy(book) -> None:
    report = check_book(book)
    assert report.ok, (report.integrity, report.invariants)


def get(book, document_id):
    with book.read() as tx:
        return tx.get_document(document_id)


def one_line(contact_id, price, day, kind=DocumentKind.SALES_INVOICE, **line):
    code = "6000" if kind in (DocumentKind.BILL, DocumentKind.PURCHASE_CREDIT_NOTE) else "4000"
    return DocumentDraft(kind=kind, contact_id=contact_id, issue_date=day, lines=[
        LineInput(unit_price=D(price), account_code=code, **line)])


# --- drafts and authorising --------------------------------------------------------------


def test_a_draft_posts_nothing_and_has_no_number(book, customer, draft, balances, owed):
    document_id = draft(customer, "100")
    doc = get(book, document_id)
    assert doc.lifecycle is Lifecycle.DRAFT and doc.number is None
    assert balances() == {}
    with book.read() as tx:
        assert tx.entries_for(SourceType.DOCUMENT, document_id) == []
    healthy(book)


def test_authorising_posts_the_invoice(book, customer, draft, balances, owed):
    document_id = draft(customer, "100", tax_rate="20")
    number = authorise_document(book, document_id)
    assert number == "INV-00001"
    doc = get(book, document_id)
    assert doc.lifecycle is Lifecycle.AUTHORISED and doc.number == number
    assert balances() == {AR: D("120"), SALES: D("-100"), TAX: D("-20")}
    assert owed(document_id) == D("120")
    (entry,) = get_entries(book, document_id)
    assert entry.is_balanced() and number in entry.memo
    healthy(book)


def get_entries(book, document_id):
    with book.read() as tx:
        return tx.entries_for(SourceType.DOCUMENT, document_id)


def test_due_date_defaults_to_the_contacts_terms(book, add_contact, day):
    contact = add_contact("Terms Ltd", payment_terms_days=14)
    document_id, _ = create_document(book, one_line(contact, "10", day))
    assert get(book, document_id).due_date == day + dt.timedelta(days=14)


def test_a_draft_can_be_edited_until_it_is_authorised(book, customer, draft, day, owed):
    document_id = draft(customer, "100")
    assert save_draft(book, one_line(customer, "250", day, quantity=D(2)), document_id) == \
        document_id
    doc = get(book, document_id)
    assert [(ln.quantity, ln.unit_price) for ln in doc.lines] == [(D(2), D(250))]
    authorise_document(book, document_id)
    assert owed(document_id) == D("500")


def test_posted_documents_are_immutable(book, customer, issue, day, state):
    document_id, number = issue(customer, "100")
    before = state()
    with pytest.raises(NotAllowed, match=number):
        save_draft(book, one_line(customer, "1", day), document_id)
    with pytest.raises(NotAllowed):
        authorise_document(book, document_id)
    assert state() == before
    assert [ln.unit_price for ln in get(book, document_id).lines] == [D("100")]
    void_document(book, document_id, day)
    with pytest.raises(NotAllowed):
        save_draft(book, one_line(customer, "1", day), document_id)


def test_draft_problems_are_all_reported_and_nothing_is_saved(book, add_contact, day, state):
    supplier_only = add_contact("Only Supplies", role=__import__(
        "ledgerdesk.domain.contacts", fromlist=["ContactRole"]).ContactRole.SUPPLIER)
    before = state()
    bad = DocumentDraft(
        kind=DocumentKind.SALES_INVOICE, contact_id=supplier_only, issue_date=day,
        due_date=day - dt.timedelta(days=1),
        lines=[LineInput(unit_price=D("-1"), account_code="1100", quantity=D(0))],
    )
    with pytest.raises(ValidationFailed) as failed:
        save_draft(book, bad)
    assert {p.field for p in failed.value.problems} == {
        "contact", "due_date", "lines[0].account_code", "lines[0].quantity", "lines[0].unit_price"}
    assert state() == before


def test_prepayments_cannot_be_drafted(book, customer, day):
    bad = one_line(customer, "10", day).model_copy(
        update={"kind": DocumentKind.CUSTOMER_PREPAYMENT})
    with pytest.raises(ValidationFailed):
        save_draft(book, bad)


def test_a_draft_too_large_to_total_is_a_validation_problem(book, customer, day, state):
    # 999,999,999 x 9,999,999,999,999 cannot be a Money amount; saving the draft must say so
    # as a problem on the lines, not crash with a bare ValueError.
    huge = one_line(customer, "9999999999999", day, quantity=D("999999999"))
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        save_draft(book, huge)
    assert any(p.field.startswith("lines") for p in failed.value.problems)
    assert state() == before


@pytest.mark.parametrize(
    ("quantity", "price"),
    [("999999999", "99999999999999999"), ("999999999", "999999999999999999")],
)
def test_an_absurd_line_is_a_validation_problem_not_a_crash(
    book, customer, day, state, quantity, price
):
    # Each number fits the command (18 digits); their product has 26+ digits.
    absurd = one_line(customer, price, day, quantity=D(quantity))
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        save_draft(book, absurd)
    assert "lines[0].unit_price" in {p.field for p in failed.value.problems}
    with pytest.raises(ValidationFailed):
        create_document(book, absurd)
    assert state() == before


def test_authorising_an_empty_or_zero_draft_is_refused(book, customer, draft, day):
    empty = save_draft(book, DocumentDraft(kind=DocumentKind.SALES_INVOICE, contact_id=customer,
                                           issue_date=day))
    with pytest.raises(ValidationFailed) as failed:
        authorise_document(book, empty)
    assert [p.field for p in failed.value.problems] == ["lines"]
    zero = draft(customer, "0")
    with pytest.raises(ValidationFailed):
        authorise_document(book, zero)
    assert get(book, zero).lifecycle is Lifecycle.DRAFT
    with pytest.raises(NotFound):
        authorise_document(book, 9999)


# --- gap-free numbers --------------------------------------------------------------------


def numbers(book, kind=DocumentKind.SALES_INVOICE) -> list[str]:
    return sorted(d.number for d in book.queries().list_documents([kind]) if d.number)


def test_numbers_are_consecutive_and_taken_only_on_authorise(book, customer, draft, day):
    a, _abandoned, c, d = (draft(customer, "10") for _ in range(4))
    assert numbers(book) == []
    assert authorise_document(book, d) == "INV-00001"  # numbered in authorising order
    zero = draft(customer, "0")
    with pytest.raises(ValidationFailed):  # a failed authorise consumes no number
        authorise_document(book, zero)
    assert authorise_document(book, a) == "INV-00002"
    first_id, first = create_document(book, one_line(customer, "5", day))
    assert first == "INV-00003"
    void_document(book, first_id, day)  # a voided document keeps its number
    assert authorise_document(book, c) == "INV-00004"
    assert numbers(book) == ["INV-00001", "INV-00002", "INV-00003", "INV-00004"]
    assert get(book, first_id).number == "INV-00003"


def test_a_draft_can_be_voided_and_takes_no_number(book, customer, draft, day, balances):
    # "Void an authorised document by posting a reversal; a draft is simply voided."
    discarded = draft(customer, "10")
    kept = draft(customer, "10")
    void_document(book, discarded, day)
    assert get(book, discarded).lifecycle is Lifecycle.VOIDED
    assert get(book, discarded).number is None
    assert authorise_document(book, kept) == "INV-00001"
    with pytest.raises(NotAllowed):
        authorise_document(book, discarded)
    assert balances()[AR] == D("10")
    healthy(book)


def test_a_failed_create_consumes_no_number(book, customer, day):
    with pytest.raises(ValidationFailed):
        create_document(book, one_line(customer, "0", day))
    assert create_document(book, one_line(customer, "1", day))[1] == "INV-00001"


def test_each_kind_has_its_own_series(book, customer, supplier, issue, pay):
    assert issue(customer, "10")[1] == "INV-00001"
    assert issue(customer, "10", DocumentKind.SALES_CREDIT_NOTE)[1] == "CN-00001"
    assert issue(supplier, "10", DocumentKind.BILL)[1] == "BILL-00001"
    assert issue(supplier, "10", DocumentKind.PURCHASE_CREDIT_NOTE)[1] == "SCN-00001"
    assert issue(customer, "10")[1] == "INV-00002"
    assert pay(customer, "5", keep=True).credit_number == "CC-00001"
    assert pay(supplier, "5", kind=PaymentKind.SUPPLIER_PAYMENT, keep=True).credit_number == \
        "SC-00001"
    assert issue(supplier, "10", DocumentKind.BILL)[1] == "BILL-00002"


# --- voiding documents -------------------------------------------------------------------


def test_voiding_an_unpaid_invoice_posts_a_reversal(book, customer, issue, day, balances):
    document_id, number = issue(customer, "100", tax_rate="20")
    void_document(book, document_id, day + dt.timedelta(days=2))
    doc = get(book, document_id)
    assert doc.lifecycle is Lifecycle.VOIDED and doc.number == number
    original, reversal = get_entries(book, document_id)
    assert reversal.reverses_id == original.id
    assert reversal.date == day + dt.timedelta(days=2)
    assert {k for k, v in balances().items() if v} == set()
    healthy(book)


def test_a_void_or_draft_document_is_listed_as_owing_nothing(book, customer, issue, draft, day):
    voided, _ = issue(customer, "100")
    void_document(book, voided, day)
    drafted = draft(customer, "50")
    open_id, _ = issue(customer, "30")
    owed = {s.id: s.outstanding.amount for s in document_summaries(book)}
    assert owed == {voided: D(0), drafted: D(0), open_id: D("30")}


def test_voiding_a_paid_invoice_is_refused_with_a_clear_message(
    book, customer, issue, pay, day, state
):
    document_id, number = issue(customer, "100")
    payment = pay(customer, "60", (document_id, "60"))
    before = state()
    with pytest.raises(NotAllowed) as refused:
        void_document(book, document_id, day)
    message = str(refused.value)
    assert number in message
    assert "payment" in message.lower() and "void" in message.lower()
    assert state() == before
    # once the payment is void, the invoice can be voided
    void_payment(book, payment.payment_id, day)
    void_document(book, document_id, day)
    assert get(book, document_id).lifecycle is Lifecycle.VOIDED
    healthy(book)


def test_voiding_an_applied_credit_note_is_refused(book, customer, issue, day, state):
    note, number = issue(customer, "20", DocumentKind.SALES_CREDIT_NOTE)
    invoice, _ = issue(customer, "100")
    apply_credit(book, ApplyCredit(credit_id=note, date=day, allocations=[
        AllocationInput(document_id=invoice, amount=D("20"))]))
    before = state()
    with pytest.raises(NotAllowed, match=number):
        void_document(book, note, day)
    with pytest.raises(NotAllowed):  # the invoice it was applied to neither
        void_document(book, invoice, day)
    assert state() == before
    healthy(book)


def test_void_twice_and_voiding_a_kept_credit_are_refused(book, customer, issue, pay, day):
    document_id, _ = issue(customer, "100")
    void_document(book, document_id, day)
    with pytest.raises(NotAllowed):
        void_document(book, document_id, day)
    kept = pay(customer, "10", keep=True)
    with pytest.raises(NotAllowed):
        void_document(book, kept.credit_id, day)
    with pytest.raises(NotFound):
        void_document(book, 9999, day)
    healthy(book)


def test_a_voided_document_cannot_be_paid(book, customer, issue, pay, day, state):
    document_id, _ = issue(customer, "100")
    void_document(book, document_id, day)
    before = state()
    with pytest.raises(ValidationFailed) as failed:
        pay(customer, "100", (document_id, "100"))
    assert [(p.field, p.code) for p in failed.value.problems] == [
        ("allocations[0].document", "not_open")]
    assert state() == before


# --- credits -----------------------------------------------------------------------------


def test_apply_credit_note_to_invoices(book, customer, issue, owed, balances, day):
    note, _ = issue(customer, "50", DocumentKind.SALES_CREDIT_NOTE)
    first, _ = issue(customer, "30")
    second, _ = issue(customer, "40")
    apply_credit(book, ApplyCredit(credit_id=note, date=day, allocations=[
        AllocationInput(document_id=first, amount=D("30")),
        AllocationInput(document_id=second, amount=D("20"))]))
    assert owed(note) == 0 and owed(first) == 0 and owed(second) == D("20")
    assert balances()[AR] == D("20")
    healthy(book)


def test_apply_credit_refusals(book, customer, add_contact, issue, draft, day, state):
    note, _ = issue(customer, "50", DocumentKind.SALES_CREDIT_NOTE)
    invoice, _ = issue(customer, "100")
    other_invoice, _ = issue(add_contact("Other"), "100")
    draft_note = draft(customer, "10", DocumentKind.SALES_CREDIT_NOTE)
    before = state()

    def apply(credit_id, *allocs):
        return apply_credit(book, ApplyCredit(credit_id=credit_id, date=day, allocations=[
            AllocationInput(document_id=d, amount=D(a)) for d, a in allocs]))

    with pytest.raises(ValidationFailed) as failed:
        apply(note, (invoice, "60"))  # more than the credit has
    assert [(p.field, p.code) for p in failed.value.problems] == [
        ("allocations", "exceeds_amount")]
    assert failed.value.problems[0].numbers["maximum"] == D("50")
    with pytest.raises(ValidationFailed) as failed:
        apply(note, (other_invoice, "10"))
    assert [p.code for p in failed.value.problems] == ["other_contact"]
    with pytest.raises(ValidationFailed) as failed:
        apply(note, (note, "10"))  # a credit is not applied to a credit
    assert [p.code for p in failed.value.problems] == ["wrong_kind"]
    with pytest.raises(ValidationFailed):
        apply(draft_note, (invoice, "10"))
    with pytest.raises(NotFound):
        apply(invoice, (invoice, "10"))  # an invoice is not a credit
    assert state() == before
    apply(note, (invoice, "50"))
    with pytest.raises(ValidationFailed):  # used up
        apply(note, (invoice, "1"))
    healthy(book)


@pytest.mark.parametrize(("issued", "due"), [
    (dt.date(9999, 12, 20), dt.date(9999, 12, 31)),  # 30 days' terms end with the calendar
    (dt.date(9999, 12, 31), dt.date(9999, 12, 31)),
    (dt.date(1, 1, 1), dt.date(1, 1, 31)),
])
def test_terms_that_run_past_the_calendar_fall_due_on_its_last_day(book, customer, issue,
                                                                     issued, due):
    document_id, _ = issue(customer, issue_date=issued)
    assert get(book, document_id).due_date == due
    healthy(book)
