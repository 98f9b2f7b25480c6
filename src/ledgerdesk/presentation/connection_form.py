"""The Add/Edit connection form without Qt: which fields each service asks for, and the
``Connection`` they make, or every problem at once (the form keeps what was typed).

The secret is never part of a ``Connection``: the form hands it to ``Remotes.sign_in``,
which puts it in the keyring.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.sync import Connection, Provider, is_web_address

#: Base URLs a new connection starts with (a sandbox or a local server may replace them).
BASE_URLS = {Provider.XERO: "https://api.xero.com/api.xro/2.0",
             Provider.CLOCKIFY: "https://api.clockify.me/api/v1",
             Provider.DAYZERO: "https://api.dayzero.app",
             Provider.STRAPI: "https://"}
REMOTE_ID = {Provider.XERO: ("tenant", N_("&Tenant id:")),
             Provider.CLOCKIFY: ("workspace", N_("&Workspace id:")),
             Provider.DAYZERO: ("business", N_("B&usiness id:"))}
SECRET_LABEL = Translated({Provider.XERO: N_("&Refresh token:"), Provider.CLOCKIFY: N_("API &key:"),
                           Provider.DAYZERO: N_("API &token:"), Provider.STRAPI: N_("&Password:")})
DEFAULT_SCOPES = "offline_access accounting.payments accounting.invoices.read"
#: Where Xero sends the browser after sign-in; the user pastes that address back.
REDIRECT_URI = "http://localhost:8765/callback"


@dataclass
class ConnectionDraft:
    """What the form holds; ``secret`` is blank on edit unless the user types a new one."""

    provider: Provider
    base_url: str = ""
    remote_id: str = ""
    client_id: str = ""
    scopes: str = DEFAULT_SCOPES
    identifier: str = ""
    secret: str = ""

    @classmethod
    def of(cls, connection: Connection) -> ConnectionDraft:
        name = REMOTE_ID.get(connection.provider, ("", ""))[0]
        return cls(connection.provider, connection.base_url,
                   connection.remote_ids.get(name, ""), connection.options.get("client_id", ""),
                   connection.options.get("scopes", DEFAULT_SCOPES),
                   connection.options.get("identifier", ""))

    @property
    def uses(self) -> set[str]:
        """The fields this service needs besides the base URL and the secret."""
        return {Provider.XERO: {"remote_id", "client_id", "scopes"},
                Provider.CLOCKIFY: {"remote_id"}, Provider.DAYZERO: {"remote_id"},
                Provider.STRAPI: {"identifier"}}[self.provider]

    def problems(self, *, secret_required: bool, browser: bool = False) -> dict[str, str]:
        """Field name -> what is wrong with it; empty when the draft makes a connection."""
        found = {}
        if not is_web_address(self.base_url):
            found["base_url"] = _("Enter the API's address, starting with https:// (or http://).")
        labels = {"remote_id": _(REMOTE_ID.get(self.provider, ("", N_("The id")))[1]),
                  "client_id": _("The client id"), "identifier": _("The user name"),
                  "scopes": _("The scopes")}
        for name in sorted(self.uses):
            if not getattr(self, name).strip():
                what = labels[name].replace("&", "").rstrip(":")
                found[name] = _("{what} is needed for {label}.").format(
                                  what=what,
                                  label=self.provider.label)
        if secret_required and not browser and not self.secret.strip():
            found["secret"] = (_("{rstrip} is needed (it is kept in the system keyring "
                                 "only).").format(
                rstrip=SECRET_LABEL[self.provider].replace('&', '').rstrip(':')))
        return found

    def connection(self, secret_ref: str, existing: Connection | None = None) -> Connection:
        ids, options = {}, {}
        if "remote_id" in self.uses:
            ids[REMOTE_ID[self.provider][0]] = self.remote_id.strip()
        if self.provider is Provider.XERO:
            options = {"client_id": self.client_id.strip(), "scopes": " ".join(self.scopes.split())}
            if existing is not None and existing.options.get("token_url"):
                options["token_url"] = existing.options["token_url"]
        if self.provider is Provider.STRAPI:
            options = {"identifier": self.identifier.strip()}
        url = self.base_url.strip().rstrip("/")
        if existing is not None:
            return dataclasses.replace(existing, base_url=url, remote_ids=ids, options=options)
        return Connection(self.provider, url, ids, options, secret_ref)
