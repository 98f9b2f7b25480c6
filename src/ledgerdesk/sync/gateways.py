"""A book's ``Connection`` to its ``PaymentGateway``: the one place providers are chosen."""

from __future__ import annotations

import contextlib
import random
import secrets

import httpx

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.services.sync_ports import PaymentGateway
from ledgerdesk.sync.clock import Clock, SystemClock
from ledgerdesk.sync.clockify import API_KEY, ApiKeyAuth, ClockifyGateway
from ledgerdesk.sync.credentials import SecretStore, SecretUnavailable
from ledgerdesk.sync.dayzero import TOKEN, BearerAuth, DayZeroGateway
from ledgerdesk.sync.http import RemoteClient, RetryPolicy
from ledgerdesk.sync.strapi import PASSWORD, JwtAuth, StrapiGateway
from ledgerdesk.sync.xero import XeroGateway
from ledgerdesk.sync.xero_auth import (
    REFRESH_TOKEN,
    XeroAuth,
    authorization_url,
    code_from,
    pkce_pair,
)
from ledgerdesk.sync.xero_endpoints import AUTHORIZE_URL, DEFAULT_SCOPES, TOKEN_URL

TIMEOUT = httpx.Timeout(30.0, connect=10.0)

#: What a gateway uses when the caller names none: tests put a fake remote and clock here.
DEFAULT_TRANSPORT: httpx.BaseTransport | None = None
DEFAULT_CLOCK: Clock = SystemClock()


class NotSupported(Exception):
    """A provider whose connector is not written yet."""


def open_gateway(
    connection: Connection, *, clock: Clock | None = None,
    transport: httpx.BaseTransport | None = None, rng: random.Random | None = None,
    policy: RetryPolicy | None = None,
) -> PaymentGateway:
    """The gateway for ``connection``; ``transport`` lets tests put a fake remote behind it."""
    clock = clock or DEFAULT_CLOCK
    http = _http(transport)
    if connection.provider is Provider.XERO:
        auth = xero_auth(connection, http, clock)
        return XeroGateway(connection, RemoteClient(http, auth, clock, rng, policy), clock)
    if connection.provider is Provider.CLOCKIFY:
        auth = ApiKeyAuth(SecretStore(connection.secret_ref))
        return ClockifyGateway(connection, RemoteClient(http, auth, clock, rng, policy), clock)
    if connection.provider is Provider.DAYZERO:
        auth = BearerAuth(SecretStore(connection.secret_ref))
        return DayZeroGateway(connection, RemoteClient(http, auth, clock, rng, policy), clock)
    if connection.provider is Provider.STRAPI:
        auth = strapi_auth(connection, http)
        return StrapiGateway(connection, RemoteClient(http, auth, clock, rng, policy), clock)
    raise NotSupported(_("{label} sync is not available yet.").format(
                           label=connection.provider.label))


def xero_auth(connection: Connection, http: httpx.Client, clock: Clock) -> XeroAuth:
    return XeroAuth(
        http, SecretStore(connection.secret_ref), connection.options.get("client_id", ""),
        clock, connection.options.get("token_url") or TOKEN_URL,
    )


def sign_in(connection: Connection, secret: str) -> None:
    """Keep ``secret`` in the keyring for ``connection`` and prove it works.

    For Xero the secret is a refresh token: refreshing it proves it and rotates it (the
    new one replaces it in the keyring).  For Clockify it is an API key, proved by listing
    invoices.  A DayZero token cannot be proved without a bill: the first sync does.  A
    Strapi password is proved by signing in.  On failure the keyring holds what it held
    before: the earlier, working secret of an edited connection is not lost.
    """
    names = {Provider.XERO: REFRESH_TOKEN, Provider.CLOCKIFY: API_KEY, Provider.DAYZERO: TOKEN,
             Provider.STRAPI: PASSWORD}
    if connection.provider not in names:
        raise NotSupported(_("{label} sync is not available yet.").format(
                               label=connection.provider.label))
    store, name = SecretStore(connection.secret_ref), names[connection.provider]
    try:
        previous: str | None = store.get(name).reveal()
    except SecretUnavailable:
        previous = None
    try:
        store.set(name, secret)  # read back: a keyring that drops it is refused here
        if connection.provider is Provider.XERO:
            xero_auth(connection, _http(None), DEFAULT_CLOCK).refresh()
        elif connection.provider is Provider.CLOCKIFY:
            open_gateway(connection).find_document("")
        elif connection.provider is Provider.STRAPI:
            strapi_auth(connection, _http(None)).refresh()
    except BaseException:
        _put_back(store, name, previous)
        raise


def strapi_auth(connection: Connection, http: httpx.Client) -> JwtAuth:
    return JwtAuth(http, connection.base_url.rstrip("/"),
                   connection.options.get("identifier", ""), SecretStore(connection.secret_ref))


def start_xero_sign_in(
    connection: Connection, redirect_uri: str, authorize_url: str = AUTHORIZE_URL
) -> tuple[str, str, str]:
    """The address to open in a browser, and the PKCE verifier and state to finish with."""
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(16)
    scopes = tuple(connection.options.get("scopes", " ".join(DEFAULT_SCOPES)).split())
    url = authorization_url(connection.options.get("client_id", ""), redirect_uri, scopes,
                            state, challenge, authorize_url)
    return url, verifier, state


def finish_xero_sign_in(
    connection: Connection, pasted: str, verifier: str, state: str, redirect_uri: str
) -> None:
    """Trade the code the user pasted for the first tokens; the refresh token goes to the
    keyring (and is removed again if anything fails)."""
    code = code_from(pasted, state)
    try:
        xero_auth(connection, _http(None), DEFAULT_CLOCK).exchange_code(
            code, verifier, redirect_uri)
    except BaseException:
        _put_back(SecretStore(connection.secret_ref), REFRESH_TOKEN, None)
        raise


def _put_back(store: SecretStore, name: str, previous: str | None) -> None:
    """Undo a sign-in that failed; a keyring that cannot even do that must not hide why the
    sign-in failed."""
    with contextlib.suppress(SecretUnavailable):
        if previous is None:
            store.delete(name)
        else:
            store.set(name, previous)


def _http(transport: httpx.BaseTransport | None) -> httpx.Client:
    return httpx.Client(transport=transport or DEFAULT_TRANSPORT, timeout=TIMEOUT,
                        follow_redirects=False)
