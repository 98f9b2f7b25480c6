"""Sync use cases: add a connection, link documents and accounts, list and retry the outbox.

The drain itself is ``services.sync_drain``; what recording a payment queues is
``services.outbox``.  Secrets never pass through here: the composition root stores them in
the keyring under the connection's ``secret_ref`` before calling ``add_connection``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import cast

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.domain.sync import Connection, Link, LinkKind, OutboxItem, OutboxState, Provider
from ledgerdesk.services.document_lookup import numbered
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.sync_ports import PaymentGateway, SyncTransaction

LINKABLE = (DocumentKind.SALES_INVOICE, DocumentKind.BILL)


@dataclass(frozen=True, slots=True)
class LinkResult:
    number: str
    link: Link | None
    message: str


def add_connection(book: Book, connection: Connection) -> int:
    with book.write() as tx:
        return cast(SyncTransaction, tx).add_connection(connection)


def connections(book: Book, provider: Provider | None = None) -> list[Connection]:
    with book.read() as tx:
        return cast(SyncTransaction, tx).connections(provider)


def choose_connection(book: Book, provider: Provider | None, connection_id: int | None = None
                      ) -> Connection:
    """The one connection meant: by id, else the only one (of ``provider``)."""
    found = connections(book, provider)
    if connection_id is not None:
        found = [c for c in found if c.id == connection_id]
        if not found:
            raise NotFound(_("There is no connection {connection_id} in this book.").format(
                               connection_id=connection_id))
    if not found:
        what = provider.label if provider else _("a remote service")
        raise NotFound(_("This book has no connection to {what}; add one with ledgerdesk "
                         "connect.").format(
                           what=what))
    if len(found) > 1:
        raise NotAllowed(_("This book has several connections; name one with --connection ID."))
    return found[0]


def link_documents(book: Book, gateway: PaymentGateway, numbers: list[str]) -> list[LinkResult]:
    """Find each local invoice or bill by number through the remote and keep the link."""
    connection_id = gateway.connection.id
    assert connection_id is not None
    provider = gateway.connection.provider.label
    results = []
    for number in numbers:
        with book.read() as tx:
            document = numbered(tx, number)
        if document is None or document.kind not in LINKABLE or document.id is None:
            results.append(LinkResult(number, None, _("{number}: no invoice or bill has this "
                                                      "number here.").format(number=number)))
            continue
        if not gateway.finds_by_number:
            results.append(LinkResult(number, None, _("{number}: {provider} cannot look it up "
                                                      "by number; link it with --document "
                                                      "{number}=ID.").format(
                                                        number=number, provider=provider)))
            continue
        remote = gateway.find_document(number)
        if remote is None:
            results.append(LinkResult(number, None, _("{number}: {provider} has no invoice with "
                                                      "this number.").format(
                                                        number=number, provider=provider)))
            continue
        link = Link(connection_id, LinkKind.DOCUMENT, str(document.id), remote.remote_id,
                    remote.number)
        with book.write() as tx:
            cast(SyncTransaction, tx).set_link(link)
        due = f", {remote.amount_due} due" if remote.amount_due is not None else ""
        results.append(LinkResult(number, link, _("{number}: linked to {provider} {remote_id} "
                                                  "({status}{due}).").format(
                                                    number=number, provider=provider,
                                                    remote_id=remote.remote_id,
                                                    status=remote.status, due=due)))
    return results


def link_by_ids(book: Book, connection_id: int, accounts: list[tuple[str, str]],
                documents: list[tuple[str, str]], payments: list[tuple[int, str]]) -> None:
    """Links the user names by the remote's own ids, all in one transaction: one that
    cannot be made (an unknown account, number or payment) refuses them all."""
    with book.write() as tx:
        for code, remote in accounts:
            _link_account(tx, connection_id, code, remote)
        for number, remote in documents:
            _link_document(tx, connection_id, number, remote)
        for payment_id, remote in payments:
            _match_transaction(tx, connection_id, payment_id, remote)


def link_document_to(book: Book, connection_id: int, number: str, remote_id: str) -> Link:
    """Link a local invoice or bill to a remote document the user names by its id."""
    with book.write() as tx:
        return _link_document(tx, connection_id, number, remote_id)


def _link_document(tx: Transaction, connection_id: int, number: str, remote_id: str) -> Link:
    document = numbered(tx, number)
    if document is None or document.kind not in LINKABLE or document.id is None:
        raise NotFound(_("{number}: no invoice or bill has this number here.").format(
                           number=number))
    link = Link(connection_id, LinkKind.DOCUMENT, str(document.id), remote_id)
    cast(SyncTransaction, tx).set_link(link)
    return link


def match_transaction(book: Book, connection_id: int, payment_id: int, remote_id: str) -> Link:
    """The remote bank transaction a payment came from (DayZero pays bills from them); the
    payment's rows that waited for it go back in the queue."""
    with book.write() as tx:
        return _match_transaction(tx, connection_id, payment_id, remote_id)


def _match_transaction(tx: Transaction, connection_id: int, payment_id: int,
                       remote_id: str) -> Link:
    if tx.get_payment(payment_id) is None:
        raise NotFound(_("There is no payment {payment_id}.").format(payment_id=payment_id))
    sync = cast(SyncTransaction, tx)
    link = Link(connection_id, LinkKind.BANK_TRANSACTION, str(payment_id), remote_id)
    sync.set_link(link)
    for row in sync.outbox_of_payment(payment_id):
        if row.connection_id == connection_id and row.state is OutboxState.NEEDS_YOU:
            sync.save_outbox(dataclasses.replace(row, state=OutboxState.PENDING,
                                                 user_message="", remote_message=""))
    return link


def link_account(book: Book, connection_id: int, code: str, remote: str) -> Link:
    """Payments from bank account ``code`` go to the remote account ``remote`` (id or code)."""
    with book.write() as tx:
        return _link_account(tx, connection_id, code, remote)


def _link_account(tx: Transaction, connection_id: int, code: str, remote: str) -> Link:
    if code not in tx.accounts():
        raise NotFound(_("There is no account {code} in this book's chart.").format(code=code))
    link = Link(connection_id, LinkKind.ACCOUNT, code, remote, remote)
    cast(SyncTransaction, tx).set_link(link)
    return link


def outbox(book: Book, connection_id: int | None = None,
           states: tuple[OutboxState, ...] | None = None) -> list[OutboxItem]:
    with book.read() as tx:
        return cast(SyncTransaction, tx).outbox(connection_id, states)


def retry(book: Book, outbox_id: int) -> OutboxItem:
    """Put a failed or "needs you" row back in the queue (after the user fixed the cause)."""
    return retry_rows(book, [outbox_id])[0]


def retry_rows(book: Book, outbox_ids: list[int]) -> list[OutboxItem]:
    """``retry`` for several rows in one transaction: one that cannot be retried refuses
    them all."""
    with book.write() as tx:
        return [_retry(cast(SyncTransaction, tx), outbox_id) for outbox_id in outbox_ids]


def _retry(sync: SyncTransaction, outbox_id: int) -> OutboxItem:
    item = sync.get_outbox(outbox_id)
    if item is None:
        raise NotFound(_("There is no outbox row {outbox_id}.").format(outbox_id=outbox_id))
    if item.state not in (OutboxState.FAILED, OutboxState.NEEDS_YOU):
        raise NotAllowed(_("Outbox row {outbox_id} is {label}; only failed or needs-you rows are "
                           "retried.").format(
            outbox_id=outbox_id,
            label=item.state.label))
    again = dataclasses.replace(item, state=OutboxState.PENDING, user_message="",
                                remote_message="")
    sync.save_outbox(again)
    return again
