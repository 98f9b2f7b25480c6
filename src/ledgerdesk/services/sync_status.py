"""What the window shows about sync: the outbox with names people know, a payment's sync
state, a document's links.  Read-only; one read transaction each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, cast

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.sync import Connection, Link, LinkKind, OutboxItem, OutboxState
from ledgerdesk.services.ports import Book
from ledgerdesk.services.sync_ports import SyncTransaction

#: The state that speaks for a payment with several rows: the one most in need of a person.
URGENCY = (OutboxState.NEEDS_YOU, OutboxState.FAILED, OutboxState.PENDING, OutboxState.SENT,
           OutboxState.CANCELLED)


class OutboxStateReader(Protocol):
    def outbox_states(self, payment_ids: Iterable[int]) -> dict[int, set[OutboxState]]: ...


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    item: OutboxItem
    connection: Connection
    document_number: str
    payment_number: str


def outbox_entries(book: Book, states: Iterable[OutboxState] | None = None,
                   payment_id: int | None = None) -> list[OutboxEntry]:
    """Outbox rows, newest first, with the provider, document and payment they push."""
    with book.read() as tx:
        sync = cast(SyncTransaction, tx)
        connections = {c.id: c for c in sync.connections()}
        rows = (sync.outbox_of_payment(payment_id) if payment_id is not None
                else sync.outbox(None, states))
        numbers: dict[int, str] = {}
        entries = []
        for item in reversed(rows):
            if item.document_id not in numbers:
                document = tx.get_document(item.document_id)
                numbers[item.document_id] = (document.number if document and document.number
                                             else _("document {document_id}").format(
                                                      document_id=item.document_id))
            entries.append(OutboxEntry(item, connections[item.connection_id],
                                       numbers[item.document_id], payment_number(item.payment_id)))
    return entries


def payment_state(entries: Iterable[OutboxEntry]) -> OutboxState | None:
    """The one state that sums up a payment's rows, or None when nothing was queued."""
    return most_urgent({entry.item.state for entry in entries})


def most_urgent(states: set[OutboxState]) -> OutboxState | None:
    return next((state for state in URGENCY if state in states), None)


def payment_states(book: Book, payment_ids: Iterable[int]) -> dict[int, OutboxState]:
    """The state that sums up each payment's rows; payments with none are left out."""
    with book.read() as tx:
        found = cast(OutboxStateReader, tx).outbox_states(payment_ids)
    return {pid: state for pid, states in found.items()
            if (state := most_urgent(states)) is not None}


def document_links(book: Book, document_id: int) -> list[tuple[Connection, Link]]:
    """Each connection the document is linked through, with its link."""
    with book.read() as tx:
        sync = cast(SyncTransaction, tx)
        connections = {c.id: c for c in sync.connections()}
        links = sync.links_to_documents([document_id])
    return [(connections[link.connection_id], link) for link in links
            if link.kind is LinkKind.DOCUMENT]
