"""Asking a remote who we are connected as, and forgetting a connection's secrets."""

from __future__ import annotations

import httpx

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.sync import gateways
from ledgerdesk.sync.clockify import API_KEY
from ledgerdesk.sync.credentials import SERVICE, SecretStore, SecretUnavailable
from ledgerdesk.sync.dayzero import TOKEN
from ledgerdesk.sync.strapi import PASSWORD
from ledgerdesk.sync.xero import XeroGateway
from ledgerdesk.sync.xero_auth import REFRESH_TOKEN

SECRET_NAMES = (REFRESH_TOKEN, API_KEY, TOKEN, PASSWORD)


def who(connection: Connection) -> str:
    """One line from the remote itself that proves the connection works."""
    gateway = gateways.open_gateway(connection)
    if isinstance(gateway, XeroGateway):
        return _("Connected as {organisation_name}.").format(
                   organisation_name=gateway.organisation_name())
    if connection.provider is Provider.CLOCKIFY:
        gateway.find_document("")  # lists invoices: the key and the workspace both answer
        return _("Connected to Clockify workspace {name}.").format(
                   name=connection.remote_ids.get('workspace', ''))
    if connection.provider is Provider.STRAPI:
        http = httpx.Client(transport=gateways.DEFAULT_TRANSPORT, timeout=gateways.TIMEOUT)
        gateways.strapi_auth(connection, http).refresh()
        return _("Connected as {name} on Strapi.").format(
                   name=connection.options.get('identifier', ''))
    # DayZero has no call that proves a token without naming a bill of its own.
    SecretStore(connection.secret_ref).get(TOKEN)
    return (_("The DayZero token is in the keyring; DayZero cannot check it without a bill, so "
              "the first sync proves it."))


def forget(connection: Connection) -> str:
    """Remove every keyring entry of ``connection`` (nothing else refers to them); "" when
    all went, else one sentence saying where the secrets are left (never what they are)."""
    store = SecretStore(connection.secret_ref)
    try:
        for name in SECRET_NAMES:
            store.delete(name)
    except SecretUnavailable as exc:
        return (_("{exc} The connection's secrets are still in the keyring (service "
                  "'{service}', entries '{secret_ref}/…'); remove them there.").format(
                    exc=exc, service=SERVICE, secret_ref=connection.secret_ref))
    return ""
