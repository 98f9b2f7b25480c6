"""The arguments of ``connect``, ``connections``, ``link`` and ``sync``.

Apart from the handlers (``cli.sync``, ``cli.sync_connect``) so that building the parser, which
every command does, never loads httpx, keyring or the sync services.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ledgerdesk.cli.arguments import file_name, id_argument
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import Provider
from ledgerdesk.presentation.connection_form import REDIRECT_URI
from ledgerdesk.sync.xero_endpoints import AUTHORIZE_URL, DEFAULT_SCOPES, TOKEN_URL

SECRET_ENV = "LEDGERDESK_SECRET"

PROVIDERS = [p.value for p in Provider]


def add_parser(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    sub = command(commands, "connect", _("connect the book to Xero, Clockify, DayZero or Strapi"),
                  _("Connect the book to a remote payment service. The secret (Xero: a refresh "
                    "token from the PKCE sign-in, or use --sign-in; Clockify: an API key; "
                    "DayZero: an API token; Strapi: the password) is read from ${secret_env}, or "
                    "from standard input, and kept in the OS keyring only.").format(
                      secret_env=SECRET_ENV))
    sub.add_argument("provider", choices=PROVIDERS, metavar="PROVIDER", help=", ".join(PROVIDERS))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--base-url", required=True, metavar="URL",
                     help=_("the API's base URL, e.g. https://api.xero.com/api.xro/2.0"))
    sub.add_argument("--tenant", default="", metavar="ID", help=_("Xero: the organisation's id"))
    sub.add_argument("--client-id", default="", metavar="ID", help=_("Xero: the app's client id"))
    sub.add_argument("--workspace", default="", metavar="ID", help=_("Clockify: the workspace id"))
    sub.add_argument("--business", default="", metavar="ID", help=_("DayZero: the business id"))
    sub.add_argument("--identifier", default="", metavar="NAME",
                     help=_("Strapi: the user to sign in as (the password is the secret)"))
    sub.add_argument("--token-url", default=TOKEN_URL, metavar="URL", help=_("Xero: token "
                                                                             "endpoint"))
    sub.add_argument("--scopes", nargs="+", default=list(DEFAULT_SCOPES), metavar="SCOPE",
                     help=_("OAuth scopes (default: %(default)s)"))
    sub.add_argument("--sign-in", action="store_true",
                     help=_("Xero: sign in through the browser (PKCE) instead of a refresh token"))
    sub.add_argument("--redirect-uri", default=REDIRECT_URI, metavar="URL",
                     help=_("Xero --sign-in: the app's redirect address (default: %(default)s)"))
    sub.add_argument("--authorize-url", default=AUTHORIZE_URL, metavar="URL",
                     help=_("Xero --sign-in: the authorisation endpoint"))
    sub = command(commands, "connections", _("list the book's connections (never their secrets)"))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub = command(commands, "disconnect", _("remove a connection, its keyring entries and queue"),
                  _("Remove a connection: its secret leaves the keyring, its links and queued "
                    "pushes are dropped; payments here and anything already sent stay as they "
                    "are."))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--connection", type=id_argument, required=True, metavar="ID",
                     help=_("which one"))
    sub = command(commands, "edit-connection", _("change a connection's base URL, ids or scopes"))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--connection", type=id_argument, required=True, metavar="ID",
                     help=_("which one"))
    sub.add_argument("--base-url", metavar="URL", help=_("the API's new base URL"))
    sub.add_argument("--remote-id", action="append", default=[], metavar="NAME=ID",
                     help=_("a remote id, e.g. tenant=ID, workspace=ID or business=ID"))
    sub.add_argument("--scopes", nargs="+", metavar="SCOPE", help=_("Xero: the OAuth scopes"))
    sub = command(commands, "link", _("link invoices, bills, accounts, payments to remote twins"),
                  _("Find each invoice or bill NUMBER through the remote API and link it; the "
                    "options link by the remote's own ids instead."))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("numbers", nargs="*", metavar="NUMBER", help=_("e.g. INV-00012"))
    sub.add_argument("--account", action="append", default=[], metavar="CODE=REMOTE",
                     help=_("bank account CODE pays through the remote account REMOTE"))
    sub.add_argument("--document", action="append", default=[], metavar="NUMBER=ID",
                     help=_("invoice or bill NUMBER is the remote document ID"))
    sub.add_argument("--payment", action="append", default=[], metavar="ID=TRANSACTION",
                     help=_("DayZero: payment ID came from bank transaction TRANSACTION"))
    _which(sub)
    sub = command(commands, "sync", _("push queued payments; one line each, then a summary"),
                  _("Push every pending or failed payment to its remote service. Exits 1 when "
                    "anything is left failed or needing you."))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--retry", action="append", type=id_argument, default=[], metavar="ROW",
                     help=_("put outbox row ROW (failed or needs you) back in the queue first"))
    _which(sub)


def _which(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--provider", choices=PROVIDERS, help=_("only this provider's connection"))
    sub.add_argument("--connection", type=id_argument, metavar="ID", help=_("this connection"))
