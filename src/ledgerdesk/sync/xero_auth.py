"""Xero sign-in: OAuth2 authorisation code with PKCE, and refresh-token rotation.

Xero rotates the refresh token on every refresh and the old one stops working, so the new
one is written to the keyring *before* the new access token is used: a crash in between
then costs nothing.  Access tokens (30 minutes) live in memory only, and are remembered by
``scrub`` (as are the code and verifier), so an echo of one is hidden like a keyring secret.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from ledgerdesk.domain.i18n import _
from ledgerdesk.sync.clock import Clock
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.http import SignInFailed, SignInUnanswered, built
from ledgerdesk.sync.remote_text import error_text, said
from ledgerdesk.sync.scrub import remember
from ledgerdesk.sync.xero_endpoints import AUTHORIZE_URL, TOKEN_URL

REFRESH_TOKEN = "refresh_token"


def pkce_pair() -> tuple[str, str]:
    """A code verifier and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def authorization_url(
    client_id: str, redirect_uri: str, scopes: tuple[str, ...], state: str, challenge: str,
    authorize_url: str = AUTHORIZE_URL,
) -> str:
    query = {
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
        "scope": " ".join(scopes), "state": state, "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    return f"{authorize_url}?{urlencode(query)}"


def code_from(pasted: str, state: str) -> str:
    """The authorisation code from what the user pasted: the address Xero sent the browser
    back to (whose ``state`` must be ours), or the bare code."""
    text = pasted.strip()
    if "?" not in text and "code=" not in text:
        return text
    query = parse_qs(urlsplit(text).query or text.partition("?")[2] or text)
    if query.get("state", [state])[0] != state:
        raise SignInFailed(_("That address belongs to another sign-in (its state differs)."))
    if "error" in query:
        raise SignInFailed(_("Xero did not sign you in ({query}).").format(
                               query=said(query['error'][0], 80)))
    codes = query.get("code", [])
    if not codes:
        raise SignInFailed(_("That address holds no authorisation code."))
    return codes[0]


class XeroAuth:
    """Bearer headers for Xero calls; refreshes (and persists the rotation) when needed."""

    def __init__(
        self, http: httpx.Client, store: SecretStore, client_id: str, clock: Clock,
        token_url: str = TOKEN_URL,
    ) -> None:
        self._http = http
        self._store = store
        self._client_id = client_id
        self._clock = clock
        self._token_url = token_url
        self._access: str | None = None
        self._expires = dt.datetime.min.replace(tzinfo=dt.UTC)

    def headers(self) -> dict[str, str]:
        if self._access is None or self._clock.now() >= self._expires:
            self.refresh()
        return {"Authorization": f"Bearer {self._access}"}

    def refresh(self) -> None:
        refresh_token = self._store.get(REFRESH_TOKEN).reveal()
        self._take(self._token_call({
            "grant_type": "refresh_token", "refresh_token": refresh_token,
            "client_id": self._client_id,
        }))

    def exchange_code(self, code: str, verifier: str, redirect_uri: str) -> None:
        """Finish the PKCE sign-in: the authorisation code for the first token pair."""
        remember(code)
        remember(verifier)
        self._take(self._token_call({
            "grant_type": "authorization_code", "code": code, "code_verifier": verifier,
            "redirect_uri": redirect_uri, "client_id": self._client_id,
        }))

    def _token_call(self, form: dict[str, str]) -> dict:
        request = built(self._http, "POST", self._token_url, data=form)
        try:
            response = self._http.send(request)
        except httpx.HTTPError as exc:
            raise SignInUnanswered(_("Xero's sign-in service did not answer ({name__}).").format(
                name__=type(exc).__name__))\
                from None
        try:
            body = response.json()
        except ValueError:
            body = {"error": response.text}
        if response.status_code != 200:
            reason = error_text(body) or _("HTTP {status_code}").format(
                                             status_code=response.status_code)
            raise SignInFailed(_("Xero refused the sign-in ({reason}); connect again.").format(
                                   reason=reason))
        if not (isinstance(body, dict) and body.get("access_token") and body.get("refresh_token")
                and str(body.get("expires_in", 1800)).isdigit()):
            raise SignInFailed(_("Xero's sign-in service answered without the tokens; connect "
                                 "again."))
        return body

    def _take(self, tokens: dict) -> None:
        access = str(tokens["access_token"])
        remember(access)
        # Persist the rotated refresh token first: the old one is dead from now on.
        self._store.set(REFRESH_TOKEN, str(tokens["refresh_token"]))
        self._access = access
        lifetime = int(tokens.get("expires_in", 1800))
        self._expires = self._clock.now() + dt.timedelta(seconds=max(lifetime - 60, 0))
