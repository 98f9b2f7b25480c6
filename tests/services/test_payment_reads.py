"""A payment's detail: its documents with their outstanding now, its kept credit, and the
command that records it again (what undoing a void does)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.commands import (
    AllocationInput,
    DocumentDraft,
    LineInput,
    NewContact,
    RecordPayment,
)
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.services.documents import create_document
from ledgerdesk.services.payment_detail import load_payment, record_again
from ledgerdesk.services.payments import record_payment, void_payment
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage.book import create_book

DAY = dt.date(2024, 1, 15)


def test_detail_shows_each_document_with_what_it_took_and_owes_now(
        book, customer, issue, pay):
    first, first_number = issue(customer, "100")
    second, second_number = issue(customer, "50")
    paid = pay(customer, "130", (first, "100"), (second, "20"), keep=True, reference="stmt 7")
    detail = load_payment(book, paid.payment_id)
    assert detail.contact_name == "Acme Retail"
    assert detail.payment.reference == "stmt 7"
    assert [(d.document.number, d.amount.amount, d.document.outstanding.amount)
            for d in detail.documents] == [(first_number, 100, 0), (second_number, 20, 30)]
    assert detail.kept_credit is not None and detail.kept_credit.outstanding.amount == 10
    assert not detail.kept_credit_used
    assert detail.bank_account.startswith(detail.payment.bank_account_code)


def test_recording_again_after_a_void_restores_every_allocation(
        book, customer, issue, pay, owed, day):
    first, _ = issue(customer, "100")
    second, _ = issue(customer, "50")
    paid = pay(customer, "160", (first, "100"), (second, "50"), keep=True)
    void_payment(book, paid.payment_id, day)
    assert (owed(first), owed(second)) == (100, 50)
    detail = load_payment(book, paid.payment_id)
    assert detail.payment.voided and detail.kept_credit is not None
    again = record_payment(book, record_again(detail.payment))
    assert again.payment_id != paid.payment_id and again.credit_id != paid.credit_id
    assert (owed(first), owed(second), owed(again.credit_id)) == (0, 0, 10)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(invoices=st.lists(st.integers(1, 50_000), min_size=1, max_size=4),
       shares=st.lists(st.integers(0, 100), min_size=4, max_size=4),
       kept=st.integers(0, 5_000))
def test_void_then_record_again_puts_every_balance_back(tmp_path_factory, invoices, shares,
                                                        kept):
    """Whatever the allocations, voiding a payment and recording it again leaves every
    document's outstanding, every account balance and the book's invariants as they were."""
    book = create_book(tmp_path_factory.mktemp("again") / "t.book")
    try:
        initialise_book(book, "Test Co", "EUR")
        customer = add_contact(book, NewContact(name="Acme", role=ContactRole.CUSTOMER))
        ids = [create_document(book, DocumentDraft(
            kind=DocumentKind.SALES_INVOICE, contact_id=customer, issue_date=DAY,
            lines=[LineInput(unit_price=Decimal(cents) / 100, account_code="4000")]))[0]
            for cents in invoices]
        allocs = [AllocationInput(document_id=doc, amount=Decimal(cents * share // 100) / 100)
                  for doc, cents, share in zip(ids, invoices, shares, strict=False)
                  if cents * share // 100]
        total = sum((a.amount for a in allocs), Decimal(0)) + Decimal(kept) / 100
        assume(total > 0)
        paid = record_payment(book, RecordPayment(
            kind=PaymentKind.CUSTOMER_RECEIPT, contact_id=customer, date=DAY, amount=total,
            allocations=allocs, keep_excess_as_credit=kept > 0))
        before = state(book, ids)
        void_payment(book, paid.payment_id, DAY)
        record_payment(book, record_again(load_payment(book, paid.payment_id).payment))
        assert state(book, ids) == before
        assert check_book(book).ok
    finally:
        book.close()


def state(book, ids):
    """Each document's outstanding and every account's balance."""
    with book.read() as tx:
        owed = {doc.id: doc.outstanding for doc in tx.open_documents(ids).values()}
    return owed, {row.code: row.balance for row in book.queries().trial_balance()}
