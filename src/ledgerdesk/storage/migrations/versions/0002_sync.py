"""Sync: connections to remote services, links to remote twins, the payment outbox.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _one_of(column: str, values: tuple[str, ...], name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(" OR ".join(f"{column} = '{v}'" for v in values), name=name)


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default=sa.text("''"))


def upgrade() -> None:
    op.create_table(
        "sync_connections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("provider", sa.Text, nullable=False),
        sa.Column("base_url", sa.Text, nullable=False),
        sa.Column("remote_ids", sa.Text, nullable=False, server_default="{}"),
        sa.Column("options", sa.Text, nullable=False, server_default="{}"),
        sa.Column("secret_ref", sa.Text, nullable=False, unique=True),
        _text("label"),
        sa.Column("created_at", sa.Text, nullable=False),
        _one_of("provider", ("xero", "clockify", "dayzero", "strapi"),
                "ck_sync_connections_provider"),
    )
    op.create_table(
        "sync_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("connection_id", sa.Integer, sa.ForeignKey("sync_connections.id"),
                  nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("local_key", sa.Text, nullable=False),
        sa.Column("remote_id", sa.Text, nullable=False),
        _text("remote_number"),
        _one_of("kind", ("DOCUMENT", "ACCOUNT", "BANK_TRANSACTION"), "ck_sync_links_kind"),
    )
    op.create_index("ux_sync_links_local", "sync_links", ["kind", "local_key", "connection_id"],
                    unique=True)
    op.create_table(
        "sync_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("connection_id", sa.Integer, sa.ForeignKey("sync_connections.id"),
                  nullable=False),
        sa.Column("payment_id", sa.Integer, sa.ForeignKey("payments.id"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("amount_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        _text("reference"),
        sa.Column("client_token", sa.Text, nullable=False, unique=True),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0")),
        _text("user_message"),
        _text("remote_message"),
        _text("remote_id"),
        sa.Column("key_series", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("key_first_used", sa.Text, nullable=True),
        sa.Column("creates_id", sa.Integer, sa.ForeignKey("sync_outbox.id"), nullable=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        _one_of("action", ("CREATE", "DELETE"), "ck_sync_outbox_action"),
        _one_of("state", ("PENDING", "SENT", "FAILED", "NEEDS_YOU", "CANCELLED"),
                "ck_sync_outbox_state"),
        sa.CheckConstraint("amount_minor > 0", name="ck_sync_outbox_amount_minor"),
        sa.CheckConstraint("attempts >= 0", name="ck_sync_outbox_attempts"),
    )
    op.create_index("ix_sync_outbox_state", "sync_outbox", ["state", "connection_id", "id"])
    op.create_index("ix_sync_outbox_payment_id", "sync_outbox", ["payment_id"])


def downgrade() -> None:
    for table in ("sync_outbox", "sync_links", "sync_connections"):
        op.drop_table(table)
