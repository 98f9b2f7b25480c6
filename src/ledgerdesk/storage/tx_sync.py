"""The sync half of a transaction: connections, links and outbox rows (``SyncTransaction``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ledgerdesk.domain.money import Money
from ledgerdesk.domain.sync import (
    Connection,
    Link,
    LinkKind,
    OutboxAction,
    OutboxItem,
    OutboxState,
    Provider,
)
from ledgerdesk.storage.sync_tables import sync_connections, sync_links, sync_outbox
from ledgerdesk.storage.tx_base import TransactionBase, now_text


class SyncStore(TransactionBase):
    # connections -------------------------------------------------------------------------
    def add_connection(self, connection: Connection) -> int:
        connection_id = self._exec(insert(sync_connections).values(
            provider=connection.provider.value, base_url=connection.base_url,
            remote_ids=dict(connection.remote_ids), options=dict(connection.options),
            secret_ref=connection.secret_ref, label=connection.label, created_at=now_text(),
        )).inserted_primary_key[0]
        self._audit("add", "sync_connection", connection_id, {
            "provider": connection.provider.value, "base_url": connection.base_url})
        return connection_id

    def get_connection(self, connection_id: int) -> Connection | None:
        row = self._conn.execute(
            select(sync_connections).where(sync_connections.c.id == connection_id)).first()
        return None if row is None else _connection(row)

    def connections(self, provider: Provider | None = None) -> list[Connection]:
        query = select(sync_connections).order_by(sync_connections.c.id)
        if provider is not None:
            query = query.where(sync_connections.c.provider == provider.value)
        return [_connection(row) for row in self._conn.execute(query)]

    def set_connection_label(self, connection_id: int, label: str) -> None:
        self._exec(update(sync_connections)
                   .where(sync_connections.c.id == connection_id).values(label=label))

    def update_connection(self, connection: Connection) -> None:
        """Base URL, remote ids and options; never the provider or the keyring reference."""
        self._exec(update(sync_connections).where(sync_connections.c.id == connection.id).values(
            base_url=connection.base_url, remote_ids=dict(connection.remote_ids),
            options=dict(connection.options)))
        self._audit("edit", "sync_connection", connection.id, {
            "base_url": connection.base_url, "remote_ids": dict(connection.remote_ids)})

    def remove_connection(self, connection_id: int) -> dict[OutboxState, int]:
        """Drop the connection, its links and its outbox rows; the rows' states, counted."""
        counts = {OutboxState(state): n for state, n in self._conn.execute(
            select(sync_outbox.c.state, func.count()).where(
                sync_outbox.c.connection_id == connection_id).group_by(sync_outbox.c.state))}
        for table in (sync_outbox, sync_links):
            self._exec(delete(table).where(table.c.connection_id == connection_id))
        self._exec(delete(sync_connections).where(sync_connections.c.id == connection_id))
        self._audit("remove", "sync_connection", connection_id,
                    {state.value: n for state, n in counts.items()})
        return counts

    # links -------------------------------------------------------------------------------
    def set_link(self, link: Link) -> None:
        statement = sqlite_insert(sync_links).values(
            connection_id=link.connection_id, kind=link.kind.value, local_key=link.local_key,
            remote_id=link.remote_id, remote_number=link.remote_number,
        )
        self._exec(statement.on_conflict_do_update(
            index_elements=["kind", "local_key", "connection_id"],
            set_={"remote_id": statement.excluded.remote_id,
                  "remote_number": statement.excluded.remote_number},
        ))
        self._audit("link", "sync_link", link.connection_id, {
            "kind": link.kind.value, "local": link.local_key, "remote": link.remote_id})

    def find_link(self, connection_id: int, kind: LinkKind, local_key: str) -> Link | None:
        row = self._conn.execute(select(sync_links).where(
            sync_links.c.connection_id == connection_id, sync_links.c.kind == kind.value,
            sync_links.c.local_key == local_key)).first()
        return None if row is None else _link(row)

    def links_to_documents(self, document_ids: Iterable[int]) -> list[Link]:
        keys = [str(i) for i in document_ids]
        rows = self._conn.execute(
            select(sync_links)
            .where(sync_links.c.kind == LinkKind.DOCUMENT.value, sync_links.c.local_key.in_(keys))
            .order_by(sync_links.c.connection_id, sync_links.c.id)
        )
        return [_link(row) for row in rows]

    # outbox ------------------------------------------------------------------------------
    def add_outbox(self, item: OutboxItem) -> int:
        now = now_text()
        return self._exec(insert(sync_outbox).values(
            connection_id=item.connection_id, payment_id=item.payment_id,
            document_id=item.document_id, action=item.action.value, amount_minor=item.amount,
            currency=item.amount.currency, date=item.date, reference=item.reference,
            client_token=item.client_token, creates_id=item.creates_id, created_at=now,
            updated_at=now, **_mutable(item),
        )).inserted_primary_key[0]

    def get_outbox(self, outbox_id: int) -> OutboxItem | None:
        row = self._conn.execute(select(sync_outbox).where(sync_outbox.c.id == outbox_id)).first()
        return None if row is None else _item(row)

    def outbox_of_payment(self, payment_id: int) -> list[OutboxItem]:
        rows = self._conn.execute(select(sync_outbox).where(
            sync_outbox.c.payment_id == payment_id).order_by(sync_outbox.c.id))
        return [_item(row) for row in rows]

    def remote_ids_like(self, item: OutboxItem) -> frozenset[str]:
        rows = self._conn.execute(select(sync_outbox.c.remote_id).where(
            sync_outbox.c.connection_id == item.connection_id,
            sync_outbox.c.state == OutboxState.SENT.value,
            sync_outbox.c.action == OutboxAction.CREATE.value,
            sync_outbox.c.amount_minor == item.amount, sync_outbox.c.date == item.date,
            sync_outbox.c.id != item.id, sync_outbox.c.remote_id != ""))
        return frozenset(row.remote_id for row in rows)

    def outbox(
        self, connection_id: int | None = None, states: Iterable[OutboxState] | None = None
    ) -> list[OutboxItem]:
        query = select(sync_outbox).order_by(sync_outbox.c.id)
        if connection_id is not None:
            query = query.where(sync_outbox.c.connection_id == connection_id)
        if states is not None:
            query = query.where(sync_outbox.c.state.in_([s.value for s in states]))
        return [_item(row) for row in self._conn.execute(query)]

    def outbox_states(self, payment_ids: Iterable[int]) -> dict[int, set[OutboxState]]:
        """The states of each payment's rows (for a list page: one indexed query)."""
        found: dict[int, set[OutboxState]] = {}
        rows = self._conn.execute(select(sync_outbox.c.payment_id, sync_outbox.c.state).where(
            sync_outbox.c.payment_id.in_(list(payment_ids))))
        for payment_id, state in rows:
            found.setdefault(payment_id, set()).add(OutboxState(state))
        return found

    def save_outbox(self, item: OutboxItem) -> None:
        self._exec(update(sync_outbox).where(sync_outbox.c.id == item.id)
                   .values(updated_at=now_text(), **_mutable(item)))


def _mutable(item: OutboxItem) -> dict:
    return {
        "state": item.state.value, "attempts": item.attempts,
        "user_message": item.user_message, "remote_message": item.remote_message,
        "remote_id": item.remote_id, "key_series": item.key_series,
        "key_first_used": item.key_first_used.isoformat() if item.key_first_used else None,
    }


def _connection(row) -> Connection:
    return Connection(
        provider=Provider(row.provider), base_url=row.base_url, remote_ids=dict(row.remote_ids),
        options=dict(row.options), secret_ref=row.secret_ref, label=row.label, id=row.id,
    )


def _link(row) -> Link:
    return Link(row.connection_id, LinkKind(row.kind), row.local_key, row.remote_id,
                row.remote_number)


def _item(row) -> OutboxItem:
    return OutboxItem(
        connection_id=row.connection_id, payment_id=row.payment_id, document_id=row.document_id,
        action=OutboxAction(row.action), amount=Money.from_minor(row.amount_minor, row.currency),
        date=row.date, client_token=row.client_token, state=OutboxState(row.state),
        attempts=row.attempts, user_message=row.user_message, remote_message=row.remote_message,
        remote_id=row.remote_id, key_series=row.key_series,
        key_first_used=(dt.datetime.fromisoformat(row.key_first_used)
                        if row.key_first_used else None),
        creates_id=row.creates_id, reference=row.reference, id=row.id,
    )
