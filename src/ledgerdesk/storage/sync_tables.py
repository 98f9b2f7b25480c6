"""The sync tables (migration 0002): connections, links to remote twins, the payment outbox.

No secret is ever stored here: a connection's ``secret_ref`` only names its keyring entries.
An outbox row is written in the same transaction as the payment (or void) it pushes; its
``client_token`` is permanent and unique, so the remote look-up and the idempotency keys
derived from it stay the same however often the worker retries.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, Table, Text, text

from ledgerdesk.domain.sync import LinkKind, OutboxAction, OutboxState, Provider
from ledgerdesk.storage.coltypes import IsoDate, JsonText, MinorUnits
from ledgerdesk.storage.tables import metadata, one_of


def _text(name: str) -> Column:
    return Column(name, Text, nullable=False, server_default=text("''"))


sync_connections = Table(
    "sync_connections", metadata,
    Column("id", Integer, primary_key=True),
    Column("provider", Text, nullable=False),
    Column("base_url", Text, nullable=False),
    Column("remote_ids", JsonText, nullable=False, server_default="{}"),
    Column("options", JsonText, nullable=False, server_default="{}"),
    Column("secret_ref", Text, nullable=False, unique=True),
    _text("label"),
    Column("created_at", Text, nullable=False),
    one_of("provider", Provider, "ck_sync_connections_provider"),
)

sync_links = Table(
    "sync_links", metadata,
    Column("id", Integer, primary_key=True),
    Column("connection_id", Integer, ForeignKey("sync_connections.id"), nullable=False),
    Column("kind", Text, nullable=False),
    Column("local_key", Text, nullable=False),
    Column("remote_id", Text, nullable=False),
    _text("remote_number"),
    one_of("kind", LinkKind, "ck_sync_links_kind"),
    # Kind and local key first: recording a payment asks "which links has this document?"
    # across every connection.
    Index("ux_sync_links_local", "kind", "local_key", "connection_id", unique=True),
)

sync_outbox = Table(
    "sync_outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("connection_id", Integer, ForeignKey("sync_connections.id"), nullable=False),
    Column("payment_id", Integer, ForeignKey("payments.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("action", Text, nullable=False),
    Column("amount_minor", MinorUnits, nullable=False),
    Column("currency", Text, nullable=False),
    Column("date", IsoDate, nullable=False),
    _text("reference"),
    Column("client_token", Text, nullable=False, unique=True),
    Column("state", Text, nullable=False),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    _text("user_message"),
    _text("remote_message"),
    _text("remote_id"),
    Column("key_series", Integer, nullable=False, server_default=text("0")),
    Column("key_first_used", Text, nullable=True),
    Column("creates_id", Integer, ForeignKey("sync_outbox.id"), nullable=True),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    one_of("action", OutboxAction, "ck_sync_outbox_action"),
    one_of("state", OutboxState, "ck_sync_outbox_state"),
    CheckConstraint("amount_minor > 0", name="ck_sync_outbox_amount_minor"),
    CheckConstraint("attempts >= 0", name="ck_sync_outbox_attempts"),
    Index("ix_sync_outbox_state", "state", "connection_id", "id"),
    Index("ix_sync_outbox_payment_id", "payment_id"),
)
