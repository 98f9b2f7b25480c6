"""Managing connections from the app: edit, remove, resolve outbox rows, and the ``Remotes``
port through which the window reaches a remote service without importing ``sync``.

``Remotes`` is implemented in ``ledgerdesk.app.remotes`` over ``ledgerdesk.sync`` (httpx and
the keyring live there); the window only sees this protocol.  Secrets pass through it once,
from a password field to the keyring, and never come back.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Protocol, cast

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.domain.sync import Connection, OutboxAction, OutboxItem, OutboxState, is_web_address
from ledgerdesk.services.ports import Book
from ledgerdesk.services.sync import retry
from ledgerdesk.services.sync_ports import PaymentGateway, SyncTransaction


class SyncAdminTransaction(Protocol):
    def update_connection(self, connection: Connection) -> None: ...
    def remove_connection(self, connection_id: int) -> dict[OutboxState, int]: ...


class Remotes(Protocol):
    """The remote services as the window may use them (every call may block: run it off the
    GUI thread).  Failures raise exceptions whose message is one line for the user."""

    def gateway(self, connection: Connection) -> PaymentGateway: ...
    def new_secret_ref(self) -> str: ...
    def sign_in(self, connection: Connection, secret: str) -> None: ...
    def who(self, connection: Connection) -> str: ...  # "Connected as …", from the remote
    def forget(self, connection: Connection) -> str: ...  # its keyring entries; "" or what is left
    def start_browser_sign_in(self, connection: Connection, redirect_uri: str
                              ) -> tuple[str, str, str]: ...  # url, verifier, state
    def finish_browser_sign_in(self, connection: Connection, pasted: str, verifier: str,
                               state: str, redirect_uri: str) -> None: ...


class Resolution(enum.Enum):
    """What a person may do with a row that failed or needs them."""

    RETRY = "Retry after fixing"
    DONE_REMOTELY = "Mark as done remotely"
    CANCEL = "Cancel this push"


def edit_connection(book: Book, connection: Connection) -> None:
    if not is_web_address(connection.base_url):
        raise NotAllowed(_("{base_url!r} is not a web address (http:// or https://).").format(
                             base_url=connection.base_url))
    with book.write() as tx:
        if cast(SyncTransaction, tx).get_connection(connection.id or 0) is None:
            raise NotFound(_("There is no connection {id} in this book.").format(
                               id=connection.id))
        cast(SyncAdminTransaction, tx).update_connection(connection)


def remove_connection(book: Book, connection_id: int) -> dict[OutboxState, int]:
    """Remove the connection with its links and outbox rows; what the rows were, counted."""
    with book.write() as tx:
        if cast(SyncTransaction, tx).get_connection(connection_id) is None:
            raise NotFound(_("There is no connection {connection_id} in this book.").format(
                               connection_id=connection_id))
        return cast(SyncAdminTransaction, tx).remove_connection(connection_id)


def removal_consequences(book: Book, connection: Connection) -> str:
    """What removing ``connection`` does to its queued rows, in words, before it is done."""
    with book.read() as tx:
        rows = cast(SyncTransaction, tx).outbox(connection.id)
    waiting = sum(row.state not in (OutboxState.SENT, OutboxState.CANCELLED) for row in rows)
    sent = sum(row.state is OutboxState.SENT and row.action is OutboxAction.CREATE
               for row in rows)
    where = connection.provider.label
    parts = [_("Its sign-in is removed from the keyring and its links are forgotten.")]
    if waiting:
        parts.append(ngettext("{count} payment push still queued will never be sent to {where}.",
                              "{count} payment pushes still queued will never be sent to "
                              "{where}.", waiting).format(count=waiting, where=where))
    if sent:
        parts.append(ngettext("{count} payment already in {where} stays there.",
                              "{count} payments already in {where} stay there.",
                              sent).format(count=sent, where=where))
    parts.append(_("Payments in this book are not changed."))
    return " ".join(parts)


def resolve(book: Book, outbox_id: int, resolution: Resolution) -> OutboxItem:
    """Settle a failed or needs-you row the way the user chose."""
    if resolution is Resolution.RETRY:
        return retry(book, outbox_id)
    with book.write() as tx:
        sync = cast(SyncTransaction, tx)
        item = sync.get_outbox(outbox_id)
        if item is None:
            raise NotFound(_("There is no outbox row {outbox_id}.").format(outbox_id=outbox_id))
        if item.state in (OutboxState.SENT, OutboxState.CANCELLED):
            raise NotAllowed(_("Outbox row {outbox_id} is already {label}.").format(
                                 outbox_id=outbox_id,
                                 label=item.state.label))
        if resolution is Resolution.DONE_REMOTELY:
            settled = dataclasses.replace(item, state=OutboxState.SENT, remote_message="",
                                          user_message="Marked as done remotely by you.")
        else:
            note = (_("Cancelled by you; it may have reached the remote on an earlier try.")
                    if item.attempts else _("Cancelled by you before it was sent."))
            settled = dataclasses.replace(item, state=OutboxState.CANCELLED, user_message=note,
                                          remote_message="")
        sync.save_outbox(settled)
        return settled


def label_connection(book: Book, connection_id: int, label: str) -> None:
    """Keep what the remote last said about the connection ("Connected as …")."""
    with book.write() as tx:
        cast(SyncTransaction, tx).set_connection_label(connection_id, label)
