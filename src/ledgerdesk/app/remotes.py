"""``SyncRemotes``: the window's ``Remotes`` port over ``ledgerdesk.sync`` (httpx, keyring)."""

from __future__ import annotations

import uuid

from ledgerdesk.domain.sync import Connection
from ledgerdesk.services.sync_ports import PaymentGateway
from ledgerdesk.sync import connection_admin, gateways


class SyncRemotes:
    def gateway(self, connection: Connection) -> PaymentGateway:
        return gateways.open_gateway(connection)

    def new_secret_ref(self) -> str:
        return uuid.uuid4().hex

    def sign_in(self, connection: Connection, secret: str) -> None:
        gateways.sign_in(connection, secret)

    def who(self, connection: Connection) -> str:
        return connection_admin.who(connection)

    def forget(self, connection: Connection) -> None:
        connection_admin.forget(connection)

    def start_browser_sign_in(self, connection: Connection, redirect_uri: str
                              ) -> tuple[str, str, str]:
        return gateways.start_xero_sign_in(connection, redirect_uri)

    def finish_browser_sign_in(self, connection: Connection, pasted: str, verifier: str,
                               state: str, redirect_uri: str) -> None:
        gateways.finish_xero_sign_in(connection, pasted, verifier, state, redirect_uri)
