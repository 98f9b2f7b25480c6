"""Pushing payments, the same for every provider (``remote_book`` runs each test against the
fake Xero and the fake Clockify): once, refusals before posting, voids as deletes.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.domain.sync import OutboxAction, OutboxState
from ledgerdesk.services.payments import record_payment, void_payment
from ledgerdesk.services.sync import outbox
from ledgerdesk.services.sync_drain import drain


@pytest.fixture
def linked(remote_book, customer, issue):
    """A local invoice of 100.00 linked to its remote twin (100.00 due there too)."""
    document_id, number = issue(customer, "100")
    remote_id = remote_book.remote.add_invoice(number, "100.00")
    [result] = remote_book.link([number])
    link = getattr(result, "link", result)
    assert link is not None and link.remote_id == remote_id, result
    return document_id, number, remote_id


def _row(book):
    [row] = outbox(book)
    return row


def _on_the_post(remote_book, fault: str) -> list[str | None]:
    """Faults for the next requests so that ``fault`` hits the post: after the amount-due
    read where the provider makes one."""
    return [None, fault] if remote_book.gateway().reads_amount_due else [fault]


def test_recording_a_payment_queues_it_in_the_same_transaction(
    remote_book, linked, customer, command
) -> None:
    document_id, _, _ = linked
    recorded = record_payment(remote_book.book, command(customer, "40", (document_id, "40")))
    row = _row(remote_book.book)
    assert (row.payment_id, row.document_id, row.action, row.state, row.amount.amount) == (
        recorded.payment_id, document_id, OutboxAction.CREATE, OutboxState.PENDING,
        Decimal("40.00"))
    assert len(row.client_token) >= 32


def test_a_refused_payment_writes_no_outbox_row(remote_book, linked, customer, command) -> None:
    document_id, _, _ = linked
    with pytest.raises(ValidationFailed):
        record_payment(remote_book.book, command(customer, "150", (document_id, "150")))
    assert outbox(remote_book.book) == []


def test_unlinked_documents_queue_nothing(remote_book, customer, issue, pay) -> None:
    document_id, _ = issue(customer, "80")
    pay(customer, "80", (document_id, "80"))
    assert outbox(remote_book.book) == []


def test_a_payment_arrives_once_with_its_amount(remote_book, linked, customer, pay) -> None:
    document_id, _, remote_id = linked
    pay(customer, "40", (document_id, "40"), reference="BANK 991")
    report = drain(remote_book.book, remote_book.gateway())
    row = _row(remote_book.book)
    assert row.state is OutboxState.SENT and row.remote_id
    assert remote_book.remote.live_amounts(row.client_token) == [Decimal("40.00")]
    assert remote_book.remote.amount_due(remote_id) == Decimal("60.00")
    assert report.counts[OutboxState.SENT] == 1
    assert drain(remote_book.book, remote_book.gateway()).lines == []  # nothing left to do
    assert remote_book.remote.violations == []


def test_overpaying_remotely_needs_you_and_posts_nothing(
    remote_book, linked, customer, pay
) -> None:
    document_id, number, remote_id = linked
    if not remote_book.remote.refuses_overpayment:
        # A Strapi payments collection has no balance to overpay: the payment is recorded.
        pay(customer, "40", (document_id, "40"))
        drain(remote_book.book, remote_book.gateway())
        assert _row(remote_book.book).state is OutboxState.SENT
        return
    remote_book.remote.invoices[remote_id].paid_elsewhere = Decimal("70")  # entered by hand
    pay(customer, "40", (document_id, "40"))
    drain(remote_book.book, remote_book.gateway())
    row = _row(remote_book.book)
    provider = remote_book.connection.provider.label
    assert row.state is OutboxState.NEEDS_YOU
    assert "would overpay" in row.user_message and number in row.user_message
    assert remote_book.remote.posts[row.client_token] == 0
    posted = any(r.method == "POST" for r in remote_book.remote.requests
                 if r.url.path.endswith("ayments"))
    if remote_book.gateway().reads_amount_due:
        assert f"{number} has 30.00 EUR due in {provider}" in row.user_message
        assert not posted
    else:  # DayZero shows no amount due: its own refusal, in its words, stops the payment
        assert posted and "remaining balance" in row.remote_message


def test_a_response_lost_after_commit_is_found_not_reposted(
    remote_book, linked, customer, pay
) -> None:
    document_id, _, remote_id = linked
    pay(customer, "40", (document_id, "40"))
    remote_book.remote.next_faults = _on_the_post(remote_book, "lost")
    drain(remote_book.book, remote_book.gateway())
    row = _row(remote_book.book)
    assert row.state is OutboxState.SENT and row.remote_id
    assert remote_book.remote.posts[row.client_token] == 1
    assert remote_book.remote.amount_due(remote_id) == Decimal("60.00")


def test_voiding_a_sent_payment_deletes_it_remotely(
    remote_book, linked, customer, pay, day
) -> None:
    document_id, _, remote_id = linked
    recorded = pay(customer, "40", (document_id, "40"))
    drain(remote_book.book, remote_book.gateway())
    void_payment(remote_book.book, recorded.payment_id, day)
    drain(remote_book.book, remote_book.gateway())
    create, delete = outbox(remote_book.book)
    assert delete.action is OutboxAction.DELETE and delete.state is OutboxState.SENT
    assert remote_book.remote.live_amounts(create.client_token) == []
    assert remote_book.remote.amount_due(remote_id) == Decimal("100.00")


def test_voiding_before_any_sync_cancels_without_a_call(
    remote_book, linked, customer, pay, day
) -> None:
    document_id, _, _ = linked
    recorded = pay(customer, "40", (document_id, "40"))
    void_payment(remote_book.book, recorded.payment_id, day)
    assert _row(remote_book.book).state is OutboxState.CANCELLED
    before = len(remote_book.remote.requests)
    assert drain(remote_book.book, remote_book.gateway()).lines == []
    assert len(remote_book.remote.requests) == before


@pytest.mark.parametrize(("fault", "arrived"), [("timeout", False), ("lost", True)])
def test_voiding_after_an_unanswered_attempt_looks_it_up_and_deletes_what_arrived(
    remote_book, linked, customer, pay, day, fault, arrived
) -> None:
    document_id, _, remote_id = linked
    recorded = pay(customer, "40", (document_id, "40"))
    remote_book.remote.next_faults = _on_the_post(remote_book, fault)
    drain(remote_book.book, remote_book.gateway(tries=1))  # no answer: the outcome is unknown
    token = _row(remote_book.book).client_token
    assert remote_book.remote.posts[token] == (1 if arrived else 0)
    void_payment(remote_book.book, recorded.payment_id, day)
    create, delete = outbox(remote_book.book)
    assert create.state is OutboxState.CANCELLED and delete.state is OutboxState.PENDING
    drain(remote_book.book, remote_book.gateway())
    create, delete = outbox(remote_book.book)
    assert delete.state is OutboxState.SENT
    assert remote_book.remote.amount_due(remote_id) == Decimal("100.00")
    assert remote_book.remote.live_amounts(token) == []
    if not arrived:
        assert "Nothing to delete" in delete.user_message


def test_an_unlinked_bank_account_needs_you_where_the_remote_names_one(
    remote_book, linked, customer, pay
) -> None:
    document_id, _, _ = linked
    pay(customer, "40", (document_id, "40"), bank_account_code="1010")
    gateway = remote_book.gateway()
    drain(remote_book.book, gateway)
    row = _row(remote_book.book)
    if gateway.needs_bank_account:  # Xero: Account{Code} in every payment
        assert row.state is OutboxState.NEEDS_YOU
        assert "Link bank account 1010 Savings" in row.user_message
    else:
        assert row.state is OutboxState.SENT


def test_two_syncs_at_once_never_both_send_a_row(remote_book, linked, customer, pay) -> None:
    from ledgerdesk.services.sync_drain import BookAttemptLog
    from ledgerdesk.services.sync_ports import Superseded

    document_id, _, _ = linked
    pay(customer, "40", (document_id, "40"))
    seen_by_both = _row(remote_book.book)  # both syncs read the row before either starts
    log = BookAttemptLog(remote_book.book)
    log.started(seen_by_both, 1, remote_book.clock.now())
    with pytest.raises(Superseded):
        log.started(seen_by_both, 1, remote_book.clock.now())
    assert _row(remote_book.book).attempts == 1


def test_payments_recorded_inside_a_larger_transaction_are_queued_with_it(
    xero_book, customer, issue, command
) -> None:
    """An import records many payments in one transaction (``record_payment_in``): its
    outbox rows commit, or roll back, with it."""
    from ledgerdesk.services.payments import record_payment_in

    document_id, number = issue(customer, "100")
    xero_book.remote.add_invoice(number, "100.00")
    xero_book.link([number])
    with pytest.raises(RuntimeError), xero_book.book.write() as tx:
        record_payment_in(tx, command(customer, "10", (document_id, "10")))
        raise RuntimeError("a later row of the import failed")
    assert outbox(xero_book.book) == []
    with xero_book.book.write() as tx:
        record_payment_in(tx, command(customer, "10", (document_id, "10")))
        record_payment_in(tx, command(customer, "20", (document_id, "20")))
    assert [row.amount.amount for row in outbox(xero_book.book)] == [Decimal("10.00"),
                                                                      Decimal("20.00")]


def test_an_imported_bank_statement_queues_its_payments_on_linked_documents(
    xero_book, customer, issue, tmp_path
) -> None:
    """The batched import writes payments without ``record_payment_in``: its outbox rows
    must still be written in the import's transaction."""
    from ledgerdesk.services.imports import ImportKind, ImportOptions, import_file

    _, linked = issue(customer, "100")
    _, unlinked = issue(customer, "70")
    xero_book.remote.add_invoice(linked, "100.00")
    xero_book.link([linked])
    statement = tmp_path / "statement.csv"
    statement.write_text("date,amount,reference,counterparty\n"
                         f"2026-11-20,100.00,{linked},Acme Retail\n"
                         f"2026-11-20,70.00,{unlinked},Acme Retail\n", encoding="utf-8")
    preview = import_file(xero_book.book, statement, ImportKind.BANK,
                          options=ImportOptions(accept_suggestions=True))
    assert preview.ok, preview.problems
    assert [(row.action, row.amount.amount) for row in outbox(xero_book.book)] == [
        (OutboxAction.CREATE, Decimal("100.00"))]
