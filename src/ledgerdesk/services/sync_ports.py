"""The ports sync needs: the book's sync tables, and a remote service's payment gateway.

Kept apart from ``ports.py``: a ``SqliteTransaction`` implements ``SyncTransaction`` as well
as ``Transaction``; ``ledgerdesk.sync`` implements ``PaymentGateway`` once per provider
(Xero first; Clockify, DayZero and Strapi follow the same shape).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from ledgerdesk.domain.money import Money
from ledgerdesk.domain.sync import Connection, Link, LinkKind, OutboxItem, OutboxState, Provider


class SyncTransaction(Protocol):
    """The sync half of a book transaction (``book.write()`` / ``book.read()``)."""

    def add_connection(self, connection: Connection) -> int: ...
    def get_connection(self, connection_id: int) -> Connection | None: ...
    def connections(self, provider: Provider | None = None) -> list[Connection]: ...
    def set_connection_label(self, connection_id: int, label: str) -> None: ...
    def set_link(self, link: Link) -> None: ...  # replaces the link of the same local record
    def find_link(self, connection_id: int, kind: LinkKind, local_key: str) -> Link | None: ...
    def links_to_documents(self, document_ids: Iterable[int]) -> list[Link]: ...  # every conn.
    def add_outbox(self, item: OutboxItem) -> int: ...
    def get_outbox(self, outbox_id: int) -> OutboxItem | None: ...
    def outbox_of_payment(self, payment_id: int) -> list[OutboxItem]: ...
    def remote_ids_like(self, item: OutboxItem) -> frozenset[str]: ...  # see PushJob.claimed
    def outbox(
        self, connection_id: int | None = None, states: Iterable[OutboxState] | None = None
    ) -> list[OutboxItem]: ...  # oldest first
    def save_outbox(self, item: OutboxItem) -> None: ...  # state, attempts, keys, messages


@dataclass(frozen=True, slots=True)
class RemoteDocument:
    """A remote invoice or bill as the remote reports it now."""

    remote_id: str
    number: str
    status: str
    is_open: bool  # payments may go on it
    amount_due: Money | None


@dataclass(frozen=True, slots=True)
class PushJob:
    """What a gateway needs to push one outbox row, resolved from the book."""

    item: OutboxItem
    document_number: str
    remote_document_id: str
    remote_account: str  # the linked bank account's remote id or code
    creates: OutboxItem | None = None  # for a DELETE: the row that created the payment
    remote_transaction: str = ""  # DayZero: the bank transaction the user matched it to
    document_total: Money | None = None  # Strapi records what was due, and when
    document_due_date: dt.date | None = None
    #: Remote ids that other rows of the connection with the same amount and date already
    #: own: a look-up by amount and date (Strapi) must not take one of them for this row's.
    claimed: frozenset[str] = frozenset()
    #: A foreign document's settlement: home units per one unit of its currency, at the
    #: payment's rate (or the one its amounts imply); None in the home currency.
    currency_rate: Decimal | None = None


@dataclass(frozen=True, slots=True)
class PushOutcome:
    state: OutboxState
    remote_id: str = ""
    user_message: str = ""
    remote_message: str = ""
    #: The connection itself failed (signed out, revoked): stop this run.
    stop: bool = False


class Superseded(Exception):
    """``AttemptLog.started`` refused: the row was voided meanwhile, or another sync has it."""


class AttemptLog(Protocol):
    """Commits an attempt to the book before the request that it describes is sent; raises
    ``Superseded`` when the row must not be sent after all."""

    def started(self, item: OutboxItem, key_series: int, first_used: dt.datetime) -> OutboxItem: ...


class PaymentGateway(Protocol):
    """One connection to a remote payment service."""

    connection: Connection
    needs_bank_account: bool  # payments name a remote account (Xero), or not
    takes_foreign_currency: bool  # a payment in another currency than the book's (Xero)
    finds_by_number: bool  # find_document works; else documents are linked by remote id
    reads_amount_due: bool  # checks before posting; else the remote's refusal is the check

    def find_document(self, number: str) -> RemoteDocument | None: ...
    def push(self, job: PushJob, log: AttemptLog) -> PushOutcome: ...
