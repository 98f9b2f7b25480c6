"""``SyncRemotes``: the window's ``Remotes`` port over ``ledgerdesk.sync`` (httpx, keyring).

``ledgerdesk.sync`` loads on the first call, not when the window starts: opening a book
never pays for httpx, the keyring or pydantic.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from ledgerdesk.domain.sync import Connection

if TYPE_CHECKING:
    from ledgerdesk.services.sync_ports import PaymentGateway


class SyncRemotes:
    def gateway(self, connection: Connection) -> PaymentGateway:
        from ledgerdesk.sync.gateways import open_gateway

        return open_gateway(connection)

    def new_secret_ref(self) -> str:
        return uuid.uuid4().hex

    def sign_in(self, connection: Connection, secret: str) -> None:
        from ledgerdesk.sync.gateways import sign_in

        sign_in(connection, secret)

    def who(self, connection: Connection) -> str:
        from ledgerdesk.sync.connection_admin import who

        return who(connection)

    def forget(self, connection: Connection) -> str:
        from ledgerdesk.sync.connection_admin import forget

        return forget(connection)

    def start_browser_sign_in(self, connection: Connection, redirect_uri: str
                              ) -> tuple[str, str, str]:
        from ledgerdesk.sync.gateways import start_xero_sign_in

        return start_xero_sign_in(connection, redirect_uri)

    def finish_browser_sign_in(self, connection: Connection, pasted: str, verifier: str,
                               state: str, redirect_uri: str) -> None:
        from ledgerdesk.sync.gateways import finish_xero_sign_in

        finish_xero_sign_in(connection, pasted, verifier, state, redirect_uri)
