"""A book's ``Connection`` to its ``PaymentGateway``: the one place providers are chosen."""


from __future__ import annotations

import random

import httpx

from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.services.sync_ports import PaymentGateway
from ledgerdesk.sync.clock import Clock, SystemClock
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.http import RemoteClient, RetryPolicy
from ledgerdesk.sync.xero import XeroGateway
from ledgerdesk.sync.xero_auth import TOKEN_URL, XeroAuth

TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class NotSupported(Exception):
    """A provider whose connector is not written yet."""


def open_gateway(
    connection: Connection, *, clock: Clock | None = None,
    transport: httpx.BaseTransport | None = None, rng: random.Random | None = None,
    policy: RetryPolicy | None = None,
) -> PaymentGateway:
    """The gateway for ``connection``; ``transport`` lets tests put a fake remote behind it."""
    clock = clock or SystemClock()
    http = httpx.Client(transport=transport, timeout=TIMEOUT, follow_redirects=False)
    if connection.provider is Provider.XERO:
        auth = xero_auth(connection, http, clock)
        return XeroGateway(connection, RemoteClient(http, auth, clock, rng, policy), clock)
    raise NotSupported(f"{connection.provider.label} sync is not available yet.")


def xero_auth(connection: Connection, http: httpx.Client, clock: Clock) -> XeroAuth:
    return XeroAuth(
        http, SecretStore(connection.secret_ref), connection.options.get("client_id", ""),
        clock, connection.options.get("token_url") or TOKEN_URL,
    )
