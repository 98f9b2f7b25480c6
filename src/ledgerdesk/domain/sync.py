"""Sync to remote payment services: connections, links and outbox rows, as plain records.

A payment allocated to a document that is linked to a remote twin gets one outbox row per
(connection, document) in the same transaction as the payment.  The worker moves each row
from PENDING to SENT, FAILED (a retry may still succeed) or NEEDS_YOU (a person must act);
a void turns the create rows into CANCELLED (never posted) or a DELETE row.
"""

from __future__ import annotations

import datetime as dt
import enum
import urllib.parse
from dataclasses import dataclass, field

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money


def is_web_address(text: str) -> bool:
    """An http(s) address with a host: what a connection's base URL must be (httpx raises
    ``UnsupportedProtocol``, a traceback, for ``api.example.com/v1``)."""
    try:
        url = urllib.parse.urlsplit(text.strip())
    except ValueError:  # "https://[::1": an IPv6 address without its closing bracket
        return False
    return url.scheme in ("http", "https") and bool(url.hostname)


class Provider(enum.Enum):
    XERO = "xero"
    CLOCKIFY = "clockify"
    DAYZERO = "dayzero"
    STRAPI = "strapi"

    @property
    def label(self) -> str:
        return {"xero": "Xero", "clockify": "Clockify", "dayzero": "DayZero",
                "strapi": "Strapi"}[self.value]


class LinkKind(enum.Enum):
    DOCUMENT = "DOCUMENT"  # an invoice or bill: local document id
    ACCOUNT = "ACCOUNT"  # a bank account: local account code
    BANK_TRANSACTION = "BANK_TRANSACTION"  # a payment: the remote bank transaction it came from


class OutboxAction(enum.Enum):
    CREATE = "CREATE"
    DELETE = "DELETE"


class OutboxState(enum.Enum):
    PENDING = "PENDING"  # not tried yet, or tried with no answer and to be tried again
    SENT = "SENT"  # the remote has it (or, for a delete, no longer has it)
    FAILED = "FAILED"  # the remote or the network failed; the next sync tries again
    NEEDS_YOU = "NEEDS_YOU"  # the remote would refuse it, or something must be linked first
    CANCELLED = "CANCELLED"  # voided before it ever reached the remote

    @property
    def label(self) -> str:
        return {"NEEDS_YOU": _("needs you")}.get(self.value, self.value.lower())

    @property
    def is_open(self) -> bool:
        """The worker still has something to do with a row in this state."""
        return self in (OutboxState.PENDING, OutboxState.FAILED)


@dataclass(frozen=True, slots=True)
class Connection:
    """A book's connection to one remote service; its secrets live in the OS keyring only."""

    provider: Provider
    base_url: str
    #: Remote ids the calls need: Xero ``tenant``, Clockify ``workspace``, DayZero ``business``.
    remote_ids: dict[str, str] = field(default_factory=dict)
    #: Non-secret settings: OAuth ``client_id``, ``token_url``, ``scopes`` ...
    options: dict[str, str] = field(default_factory=dict)
    #: Names this connection's entries in the keyring; not a secret itself.
    secret_ref: str = ""
    label: str = ""  # e.g. "connected as Demo Company (NZ)"
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Link:
    connection_id: int
    kind: LinkKind
    local_key: str  # a document id or an account code, as text
    remote_id: str
    remote_number: str = ""  # the remote's own number or code, for people


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One thing to push: create or delete one payment's allocation to one linked document."""

    connection_id: int
    payment_id: int
    document_id: int
    action: OutboxAction
    amount: Money
    date: dt.date
    client_token: str  # permanent: the remote look-up and idempotency keys derive from it
    state: OutboxState = OutboxState.PENDING
    attempts: int = 0
    user_message: str = ""  # what to do, in the user's words
    remote_message: str = ""  # what the remote said, verbatim
    remote_id: str = ""
    key_series: int = 0  # bumped when an idempotency key's window has passed
    key_first_used: dt.datetime | None = None
    creates_id: int | None = None  # for a DELETE: the CREATE row it undoes
    reference: str = ""
    id: int | None = None

    def idempotency_key(self) -> str:
        return f"ledgerdesk-{self.client_token}-{self.key_series}"
