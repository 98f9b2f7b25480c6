"""The outbox worker: push every open row of one connection through its gateway.

Headless and synchronous, so the CLI runs it directly and the app can run it off the GUI
thread.  Every state change is its own short write transaction: an attempt is committed
before its request is sent (``BookAttemptLog``), the outcome right after the answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import cast

from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import AccountRole
from ledgerdesk.domain.payments import Payment
from ledgerdesk.domain.sync import LinkKind, OutboxAction, OutboxItem, OutboxState
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import base_currency
from ledgerdesk.services.sync_ports import (
    PaymentGateway,
    PushJob,
    PushOutcome,
    Superseded,
    SyncTransaction,
)

OPEN_STATES = (OutboxState.PENDING, OutboxState.FAILED)


@dataclass(frozen=True, slots=True)
class SyncLine:
    item: OutboxItem
    document_number: str

    @property
    def text(self) -> str:
        verb = "delete" if self.item.action is OutboxAction.DELETE else "payment"
        message = self.item.user_message or self.item.remote_message
        parts = [_("{verb} {amount} on {document_number}").format(
                     verb=verb, amount=self.item.amount, document_number=self.document_number),
                         self.item.state.label]
        if self.item.remote_id:
            parts.append(_("remote id {remote_id}").format(remote_id=self.item.remote_id))
        if message:
            parts.append(message)
        if self.item.remote_message and self.item.remote_message != message:
            parts.append(_("the remote said: {remote_message}").format(
                             remote_message=self.item.remote_message))
        return f"#{self.item.id} " + " — ".join(parts)


@dataclass
class DrainReport:
    lines: list[SyncLine] = field(default_factory=list)
    stopped: str = ""  # why the run stopped early, if it did

    @property
    def counts(self) -> Counter[OutboxState]:
        return Counter(line.item.state for line in self.lines)


class BookAttemptLog:
    """Commits "attempt n with key series s, first used at t" before the request goes out.

    An attempt claims the row: it counts on from the attempts the caller last saw, so two
    syncs running at once (the app and the command line) never both send one row.
    """

    def __init__(self, book: Book) -> None:
        self._book = book

    def started(self, item: OutboxItem, key_series: int, first_used: dt.datetime) -> OutboxItem:
        with self._book.write() as tx:
            sync = cast(SyncTransaction, tx)
            assert item.id is not None
            fresh = sync.get_outbox(item.id)
            if fresh is None or fresh.state not in OPEN_STATES:
                raise Superseded(_("outbox row {id} is no longer open").format(id=item.id))
            if fresh.attempts != item.attempts:  # another sync (window, process) took it
                raise Superseded(_("outbox row {id} is being sent by another sync").format(
                                     id=item.id))
            updated = dataclasses.replace(
                fresh, attempts=fresh.attempts + 1, key_series=key_series,
                key_first_used=first_used,
            )
            sync.save_outbox(updated)
            return updated


def drain(
    book: Book, gateway: PaymentGateway, *,
    progress: Callable[[SyncLine], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> DrainReport:
    """Push every PENDING or FAILED row of the gateway's connection, oldest first."""
    connection_id = gateway.connection.id
    with book.read() as tx:
        work = [item.id for item in cast(SyncTransaction, tx).outbox(connection_id, OPEN_STATES)]
    report = DrainReport()
    log = BookAttemptLog(book)
    for outbox_id in work:
        if cancelled():
            report.stopped = "Cancelled."
            break
        job, number, problem = _job(book, gateway, outbox_id)
        if job is None:
            continue
        if problem:
            outcome = PushOutcome(OutboxState.NEEDS_YOU, user_message=problem)
        else:
            try:
                outcome = gateway.push(job, log)
            except Superseded:
                continue
        line = SyncLine(_settle(book, outbox_id, outcome), number)
        report.lines.append(line)
        if progress is not None:
            progress(line)
        if outcome.stop:
            report.stopped = outcome.user_message
            break
    return report


def _job(
    book: Book, gateway: PaymentGateway, outbox_id: int
) -> tuple[PushJob | None, str, str]:
    """The row as a push job (None: nothing to do), its document number, and the reason a
    person must act first, if any."""
    provider = gateway.connection.provider.label
    with book.read() as tx:
        sync = cast(SyncTransaction, tx)
        item = sync.get_outbox(outbox_id)
        if item is None or item.state not in OPEN_STATES:
            return None, "", ""
        document = tx.get_document(item.document_id)
        payment = tx.get_payment(item.payment_id)
        assert document is not None and payment is not None
        number = document.number or _("document {document_id}").format(
                                        document_id=item.document_id)
        creates = sync.get_outbox(item.creates_id) if item.creates_id else None
        doc_link = sync.find_link(item.connection_id, LinkKind.DOCUMENT, str(item.document_id))
        bank = payment.bank_account_code
        bank_link = sync.find_link(item.connection_id, LinkKind.ACCOUNT, bank)
        source = sync.find_link(item.connection_id, LinkKind.BANK_TRANSACTION,
                                str(item.payment_id))
        account = tx.accounts().get(bank) if bank_link is None else None
        claimed = sync.remote_ids_like(creates or item)
        home = base_currency(tx)
    job = PushJob(item, number, doc_link.remote_id if doc_link else "",
                  bank_link.remote_id if bank_link else "", creates,
                  source.remote_id if source else "", document.totals().total, document.due_date,
                  claimed, settlement_rate(payment, document.currency, home))
    if doc_link is None:
        return job, number, _("{number} is no longer linked to {provider}.").format(
                                number=number, provider=provider)
    if document.currency != home and not gateway.takes_foreign_currency:
        return job, number, _(
            "{provider} takes payments in {home} only, and {number} is in {currency}: record "
            "this payment of {amount} in {provider} by hand.").format(
                provider=provider, home=home, number=number, currency=document.currency,
                amount=item.amount)
    if bank_link is None and item.action is OutboxAction.CREATE and gateway.needs_bank_account:
        what = _("bank account") if account and account.role is AccountRole.BANK else "account"
        name = f"{bank} {account.name}" if account else bank
        return job, number, (_("Link {what} {name} to a {provider} account first (ledgerdesk "
                               "link PATH --account {bank}=CODE), then sync again.").format(
                                 what=what, name=name, provider=provider, bank=bank))
    return job, number, ""


def settlement_rate(payment: Payment, currency: str, home: str) -> Decimal | None:
    """Home units per one unit of ``currency`` at which ``payment`` settled a document in
    it: the payment's own rate, or for money in another currency the rate its amounts
    imply; None for the home currency."""
    if currency == home:
        return None
    if payment.amount.currency == currency:
        return payment.rate
    return at_rate(payment.amount, payment.rate, home).amount / payment.allocated.amount


def _settle(book: Book, outbox_id: int, outcome: PushOutcome) -> OutboxItem:
    with book.write() as tx:
        sync = cast(SyncTransaction, tx)
        fresh = sync.get_outbox(outbox_id)
        assert fresh is not None
        state = outcome.state
        if fresh.state is OutboxState.CANCELLED and state is not OutboxState.SENT:
            state = OutboxState.CANCELLED  # voided meanwhile; its DELETE row takes over
        settled = dataclasses.replace(
            fresh, state=state, remote_id=outcome.remote_id or fresh.remote_id,
            user_message=outcome.user_message, remote_message=outcome.remote_message,
        )
        sync.save_outbox(settled)
        if fresh.action is OutboxAction.DELETE and fresh.creates_id and outcome.remote_id:
            created = sync.get_outbox(fresh.creates_id)
            if created is not None and not created.remote_id:
                sync.save_outbox(dataclasses.replace(created, remote_id=outcome.remote_id))
        return settled
