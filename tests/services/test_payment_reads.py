"""A payment's detail: its documents with their outstanding now, its kept credit, and the
command that records it again (what undoing a void does)."""

from __future__ import annotations

from ledgerdesk.services.payment_detail import load_payment, record_again
from ledgerdesk.services.payments import record_payment, void_payment


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
