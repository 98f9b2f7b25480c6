"""Pushing payments to (a fake) Xero: exactly once, refusals before posting, voids as deletes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xero_spec import FULL, SUBSET

from ledgerdesk.domain.sync import OutboxAction, OutboxState
from ledgerdesk.services.payments import record_payment, void_payment
from ledgerdesk.services.sync import link_documents, outbox
from ledgerdesk.services.sync_drain import drain


@pytest.fixture
def linked(xero_book, customer, issue):
    """A local invoice of 100.00 linked to its Xero twin (100.00 due there too)."""
    document_id, number = issue(customer, "100")
    remote_id = xero_book.xero.add_invoice(number, "100.00")
    [result] = link_documents(xero_book.book, xero_book.gateway(), [number])
    assert result.link is not None, result.message
    return document_id, number, remote_id


def test_recording_a_payment_queues_it_in_the_same_transaction(
    xero_book, linked, customer, command, day
) -> None:
    document_id, _, _ = linked
    recorded = record_payment(xero_book.book, command(customer, "40", (document_id, "40")))
    [row] = outbox(xero_book.book)
    assert (row.payment_id, row.document_id, row.action, row.state, row.amount.amount) == (
        recorded.payment_id, document_id, OutboxAction.CREATE, OutboxState.PENDING,
        Decimal("40.00"))
    assert len(row.client_token) >= 32


def test_a_refused_payment_writes_no_outbox_row(xero_book, linked, customer, command) -> None:
    from ledgerdesk.domain.problems import ValidationFailed

    document_id, _, _ = linked
    with pytest.raises(ValidationFailed):
        record_payment(xero_book.book, command(customer, "150", (document_id, "150")))
    assert outbox(xero_book.book) == []


def test_unlinked_documents_queue_nothing(xero_book, customer, issue, pay) -> None:
    document_id, _ = issue(customer, "80")
    pay(customer, "80", (document_id, "80"))
    assert outbox(xero_book.book) == []


@pytest.mark.parametrize("spec", [SUBSET, FULL], ids=["payments-subset", "full-spec"])
def test_a_payment_arrives_once_with_its_amount(xero_book, linked, customer, pay, spec) -> None:
    xero_book.xero.spec = spec  # every body is checked against this spec file
    document_id, _, remote_id = linked
    pay(customer, "40", (document_id, "40"), reference="BANK 991")
    report = drain(xero_book.book, xero_book.gateway())
    [row] = outbox(xero_book.book)
    assert row.state is OutboxState.SENT and row.remote_id
    assert xero_book.xero.payments[row.remote_id]["Amount"] == Decimal("40.00")
    assert xero_book.xero.amount_due(remote_id) == Decimal("60.00")
    assert report.counts[OutboxState.SENT] == 1
    assert "BANK 991" in xero_book.xero.payments[row.remote_id]["Reference"]
    assert drain(xero_book.book, xero_book.gateway()).lines == []  # nothing left to do
    assert xero_book.xero.violations == []


def test_overpaying_in_xero_needs_you_and_posts_nothing(xero_book, linked, customer, pay) -> None:
    document_id, number, remote_id = linked
    xero_book.xero.invoices[remote_id].paid_elsewhere = Decimal("70")  # entered there by hand
    pay(customer, "40", (document_id, "40"))
    drain(xero_book.book, xero_book.gateway())
    [row] = outbox(xero_book.book)
    assert row.state is OutboxState.NEEDS_YOU
    assert "30.00 EUR due in Xero" in row.user_message and "overpay" in row.user_message
    assert number in row.user_message
    assert not any(r.method == "POST" and r.url.path.endswith("/Payments")
                   for r in xero_book.xero.requests)


def test_the_remotes_own_refusal_is_kept_in_its_words(xero_book, linked, customer, pay) -> None:
    document_id, _, remote_id = linked
    pay(customer, "40", (document_id, "40"))
    handle = xero_book.xero.handle

    def someone_pays_in_xero_first(request):  # between our amount-due read and our post
        if request.method == "POST" and request.url.path.endswith("/Payments"):
            xero_book.xero.invoices[remote_id].paid_elsewhere = Decimal("90")
        return handle(request)

    xero_book.xero.handle = someone_pays_in_xero_first
    gateway = xero_book.gateway()
    drain(xero_book.book, gateway)
    [row] = outbox(xero_book.book)
    assert row.state is OutboxState.NEEDS_YOU
    assert row.remote_message == "Payment amount exceeds the amount outstanding on this document"
    assert "would overpay" in row.user_message


def test_voiding_a_sent_payment_deletes_it_in_xero(xero_book, linked, customer, pay, day) -> None:
    document_id, _, remote_id = linked
    recorded = pay(customer, "40", (document_id, "40"))
    drain(xero_book.book, xero_book.gateway())
    void_payment(xero_book.book, recorded.payment_id, day)
    drain(xero_book.book, xero_book.gateway())
    create, delete = outbox(xero_book.book)
    assert delete.action is OutboxAction.DELETE and delete.state is OutboxState.SENT
    assert xero_book.xero.payments[create.remote_id]["Status"] == "DELETED"
    assert xero_book.xero.amount_due(remote_id) == Decimal("100.00")
    body = next(r for r in xero_book.xero.requests if r.url.path.endswith(create.remote_id)
            and r.method == "POST").content
    assert body == b'{"Status":"DELETED"}'


def test_voiding_before_any_sync_cancels_without_a_call(xero_book, linked, customer, pay,
                                                        day) -> None:
    document_id, _, _ = linked
    recorded = pay(customer, "40", (document_id, "40"))
    void_payment(xero_book.book, recorded.payment_id, day)
    [row] = outbox(xero_book.book)
    assert row.state is OutboxState.CANCELLED
    before = len(xero_book.xero.requests)
    assert drain(xero_book.book, xero_book.gateway()).lines == []
    assert len(xero_book.xero.requests) == before


def test_an_unlinked_bank_account_needs_you(xero_book, linked, customer, pay) -> None:
    document_id, _, _ = linked
    pay(customer, "40", (document_id, "40"), bank_account_code="1010")
    drain(xero_book.book, xero_book.gateway())
    [row] = outbox(xero_book.book)
    assert row.state is OutboxState.NEEDS_YOU
    assert "Link bank account 1010 Savings" in row.user_message


@pytest.mark.parametrize(("fault", "in_xero"), [("timeout", False), ("lost", True)])
def test_voiding_after_an_unanswered_attempt_looks_it_up_and_deletes_what_arrived(
    xero_book, linked, customer, pay, day, fault, in_xero
) -> None:
    document_id, _, remote_id = linked
    recorded = pay(customer, "40", (document_id, "40"))
    xero_book.xero.next_faults = [None, fault]
    drain(xero_book.book, xero_book.gateway(tries=1))  # no answer: the outcome is unknown
    assert (len(xero_book.xero.payments) == 1) is in_xero
    void_payment(xero_book.book, recorded.payment_id, day)
    create, delete = outbox(xero_book.book)
    assert create.state is OutboxState.CANCELLED and delete.state is OutboxState.PENDING
    drain(xero_book.book, xero_book.gateway())
    create, delete = outbox(xero_book.book)
    assert delete.state is OutboxState.SENT
    assert xero_book.xero.amount_due(remote_id) == Decimal("100.00")
    assert all(p["Status"] == "DELETED" for p in xero_book.xero.payments.values())
    if not in_xero:
        assert "Nothing to delete" in delete.user_message
