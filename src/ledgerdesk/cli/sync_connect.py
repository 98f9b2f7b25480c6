"""``ledgerdesk connect``: a new connection, its secret straight into the keyring.

The secret comes from ``$LEDGERDESK_SECRET`` or standard input (never an argument, which
other users could see in the process list).  ``--sign-in`` runs Xero's PKCE sign-in
instead: open the printed address, sign in, paste back the address Xero redirects to.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from ledgerdesk.cli.arguments import text
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError
from ledgerdesk.cli.sync_parser import SECRET_ENV
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import Connection, Provider, is_web_address
from ledgerdesk.services import sync as sync_service
from ledgerdesk.sync import gateways
from ledgerdesk.sync.credentials import SecretUnavailable
from ledgerdesk.sync.http import NoAnswer, RateLimited, SignInFailed


def run_connect(args: argparse.Namespace, out: TextIO) -> int:
    connection = _new_connection(args)
    with opened(args.path) as book, remote_errors():
        if args.sign_in and connection.provider is Provider.XERO:
            _browser_sign_in(connection, args, out)
        else:
            gateways.sign_in(connection, read_secret())
        connection_id = sync_service.add_connection(book, connection)
    out.write(_("Connected {label} at {base_url} (connection {connection_id}); its secret is in "
                "the "
                "keyring.").format(
        label=connection.provider.label,
        base_url=connection.base_url,
        connection_id=connection_id) + "\n")
    return 0


def _new_connection(args: argparse.Namespace) -> Connection:
    provider = Provider(args.provider)
    base_url, ref = web_address("--base-url", args.base_url), uuid.uuid4().hex
    if args.token_url:
        web_address("--token-url", args.token_url)
    if provider is Provider.XERO:
        if not (args.tenant and args.client_id):
            raise CliError(_("Xero needs --tenant and --client-id."))
        options = {"client_id": args.client_id, "token_url": args.token_url,
                   "scopes": " ".join(args.scopes)}
        return Connection(provider, base_url, {"tenant": args.tenant}, options, ref)
    if provider is Provider.CLOCKIFY:
        if not args.workspace:
            raise CliError(_("Clockify needs --workspace."))
        return Connection(provider, base_url, {"workspace": args.workspace}, {}, ref)
    if provider is Provider.DAYZERO:
        if not args.business:
            raise CliError(_("DayZero needs --business."))
        return Connection(provider, base_url, {"business": args.business}, {}, ref)
    if not args.identifier:
        raise CliError(_("Strapi needs --identifier (the user name or email to sign in with)."))
    return Connection(provider, base_url, {}, {"identifier": args.identifier}, ref)


def web_address(option: str, text: str) -> str:
    """``text`` without a trailing slash, refused unless it is an http(s) address with a host."""
    if not is_web_address(text):
        raise CliError(_("{option} {text!r} is not a web address; write it in full, like "
                         "https://api.example.com/v1.").format(option=option, text=text))
    return text.strip().rstrip("/")


def read_secret() -> str:
    secret, source = os.environ.get(SECRET_ENV, ""), f"in ${SECRET_ENV}"
    if not secret and not sys.stdin.isatty():
        source = _("on standard input")
        try:
            secret = sys.stdin.readline()
        except UnicodeDecodeError:
            secret = "\udcff"  # what Python makes of such a byte elsewhere: refused below
    secret = secret.strip()
    if not secret:
        raise CliError(_("No secret given: set {secret_env} or pipe it to standard input.").format(
                           secret_env=SECRET_ENV))
    try:
        text(secret)
    except argparse.ArgumentTypeError:  # its message would show the secret
        raise CliError(_("The secret {source} is not UTF-8 text; give it again from a terminal or "
                         "file in UTF-8.").format(
            source=source)) from None
    return secret


def _browser_sign_in(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    url, verifier, state = gateways.start_xero_sign_in(connection, args.redirect_uri,
                                                       args.authorize_url)
    out.write(_("Open this address, sign in to Xero and allow access, then paste the address your "
                "browser "
                "was sent to:\n{url}").format(url=url) + "\n")
    out.flush()
    pasted = sys.stdin.readline().strip()
    if not pasted:
        raise CliError(_("Nothing was pasted; the connection was not added."))
    gateways.finish_xero_sign_in(connection, pasted, verifier, state, args.redirect_uri)


@contextmanager
def remote_errors() -> Iterator[None]:
    """Sync-layer failures as one-line CLI errors (their messages never carry a secret)."""
    try:
        yield
    except (SignInFailed, SecretUnavailable, NoAnswer, RateLimited,
            gateways.NotSupported) as exc:
        raise CliError(str(exc)) from None
