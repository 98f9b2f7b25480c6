"""What only Xero does: bodies against its published spec, its refusal in its own words, and
a void as ``{"Status": "DELETED"}``.  The shared behaviour is in ``test_sync_push``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from remote_specs import FULL, SUBSET

from ledgerdesk.domain.sync import OutboxAction, OutboxState
from ledgerdesk.services.payments import void_payment
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


@pytest.mark.parametrize("spec", [SUBSET, FULL], ids=["payments-subset", "full-spec"])
def test_every_body_passes_the_published_spec(xero_book, linked, customer, pay, spec) -> None:
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
