"""``connect``, ``connections``, ``link`` and ``sync``: push payments to remote services.

Secrets come from an environment variable or standard input, go straight to the keyring,
and never into the book, the output or an error message.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError
from ledgerdesk.cli.sync_connect import REDIRECT_URI, SECRET_ENV, remote_errors, run_connect
from ledgerdesk.domain.sync import Connection, OutboxState, Provider
from ledgerdesk.services import sync as sync_service
from ledgerdesk.services.sync_drain import drain
from ledgerdesk.sync import gateways
from ledgerdesk.sync.xero_auth import AUTHORIZE_URL, DEFAULT_SCOPES, TOKEN_URL

PROVIDERS = [p.value for p in Provider]
LEFT = (OutboxState.FAILED, OutboxState.NEEDS_YOU)


def add_parser(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    sub = command(commands, "connect", "connect the book to Xero, Clockify, DayZero or Strapi",
                  "Connect the book to a remote payment service. The secret (Xero: a refresh "
                  "token from the PKCE sign-in, or use --sign-in; Clockify: an API key; DayZero: "
                  "an API token; Strapi: the password) is read from "
                  f"${SECRET_ENV}, or from standard input, and kept in the OS keyring only.")
    sub.add_argument("provider", choices=PROVIDERS, metavar="PROVIDER", help=", ".join(PROVIDERS))
    sub.add_argument("path", metavar="PATH", help="the book file")
    sub.add_argument("--base-url", required=True, metavar="URL",
                     help="the API's base URL, e.g. https://api.xero.com/api.xro/2.0")
    sub.add_argument("--tenant", default="", metavar="ID", help="Xero: the organisation's id")
    sub.add_argument("--client-id", default="", metavar="ID", help="Xero: the app's client id")
    sub.add_argument("--workspace", default="", metavar="ID", help="Clockify: the workspace id")
    sub.add_argument("--business", default="", metavar="ID", help="DayZero: the business id")
    sub.add_argument("--identifier", default="", metavar="NAME",
                     help="Strapi: the user to sign in as (the password is the secret)")
    sub.add_argument("--token-url", default=TOKEN_URL, metavar="URL", help="Xero: token endpoint")
    sub.add_argument("--scopes", nargs="+", default=list(DEFAULT_SCOPES), metavar="SCOPE",
                     help="OAuth scopes (default: %(default)s)")
    sub.add_argument("--sign-in", action="store_true",
                     help="Xero: sign in through the browser (PKCE) instead of a refresh token")
    sub.add_argument("--redirect-uri", default=REDIRECT_URI, metavar="URL",
                     help="Xero --sign-in: the app's redirect address (default: %(default)s)")
    sub.add_argument("--authorize-url", default=AUTHORIZE_URL, metavar="URL",
                     help="Xero --sign-in: the authorisation endpoint")
    sub = command(commands, "connections", "list the book's connections (never their secrets)")
    sub.add_argument("path", metavar="PATH", help="the book file")
    sub = command(commands, "link", "link invoices, bills, accounts, payments to remote twins",
                  "Find each invoice or bill NUMBER through the remote API and link it; the "
                  "options link by the remote's own ids instead.")
    sub.add_argument("path", metavar="PATH", help="the book file")
    sub.add_argument("numbers", nargs="*", metavar="NUMBER", help="e.g. INV-00012")
    sub.add_argument("--account", action="append", default=[], metavar="CODE=REMOTE",
                     help="bank account CODE pays through the remote account REMOTE")
    sub.add_argument("--document", action="append", default=[], metavar="NUMBER=ID",
                     help="invoice or bill NUMBER is the remote document ID")
    sub.add_argument("--payment", action="append", default=[], metavar="ID=TRANSACTION",
                     help="DayZero: payment ID came from bank transaction TRANSACTION")
    _which(sub)
    sub = command(commands, "sync", "push queued payments; one line each, then a summary",
                  "Push every pending or failed payment to its remote service. Exits 1 when "
                  "anything is left failed or needing you.")
    sub.add_argument("path", metavar="PATH", help="the book file")
    sub.add_argument("--retry", action="append", type=int, default=[], metavar="ROW",
                     help="put outbox row ROW (failed or needs you) back in the queue first")
    _which(sub)


def _which(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--provider", choices=PROVIDERS, help="only this provider's connection")
    sub.add_argument("--connection", type=int, metavar="ID", help="this connection")


def run_connections(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args.path) as book:
        found = sync_service.connections(book)
        rows = sync_service.outbox(book)
    if not found:
        out.write("This book has no connections; add one with ledgerdesk connect.\n")
        return 0
    for connection in found:
        ids = " ".join(f"{k}={v}" for k, v in connection.remote_ids.items())
        out.write(f"Connection {connection.id}: {connection.provider.label} at "
                  f"{connection.base_url}{f' ({ids})' if ids else ''}\n")
        if connection.options.get("scopes"):
            out.write(f"  scopes: {connection.options['scopes']}\n")
        states = [r.state for r in rows if r.connection_id == connection.id]
        counts = ", ".join(f"{states.count(s)} {s.label}" for s in OutboxState if s in states)
        out.write(f"  outbox: {counts or 'nothing queued'}\n")
    return 0


def run_link(args: argparse.Namespace, out: TextIO) -> int:
    if not (args.numbers or args.account or args.document or args.payment):
        raise CliError("Name invoice or bill numbers to link, or use --account, --document "
                       "or --payment.")
    # Every pair is checked before anything is written: bad input changes nothing.
    accounts = _pairs(args.account, "--account", "1000=090")
    documents = _pairs(args.document, "--document", "INV-00012=ID")
    payments = _pairs(args.payment, "--payment", "42=TRANSACTION")
    for payment, _ in payments:
        if not payment.isdigit():
            raise CliError(f"--payment {payment!r} is not a payment id (a whole number).")
    with opened(args.path) as book, remote_errors():
        connection = _connection(book, args)
        cid, label = connection.id, connection.provider.label
        assert cid is not None
        for code, remote in accounts:
            sync_service.link_account(book, cid, code, remote)
            out.write(f"Bank account {code} pays through {label} account {remote}.\n")
        for number, remote in documents:
            sync_service.link_document_to(book, cid, number, remote)
            out.write(f"{number}: linked to {label} {remote}.\n")
        for payment, remote in payments:
            sync_service.match_transaction(book, cid, int(payment), remote)
            out.write(f"Payment {payment} came from {label} transaction {remote}.\n")
        failed = 0
        if args.numbers:
            gateway = gateways.open_gateway(connection)
            for result in sync_service.link_documents(book, gateway, args.numbers):
                out.write(result.message + "\n")
                failed += result.link is None
    return 1 if failed else 0


def _pairs(texts: list[str], option: str, example: str) -> list[tuple[str, str]]:
    pairs = []
    for text in texts:
        local, sep, remote = text.partition("=")
        if not sep or not local.strip() or not remote.strip():
            raise CliError(f"{option} {text!r} is not LOCAL=REMOTE, like {example}.")
        pairs.append((local.strip(), remote.strip()))
    return pairs


def run_sync(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args.path) as book, remote_errors():
        for row in args.retry:
            sync_service.retry(book, row)
        chosen = [_connection(book, args)] if args.provider or args.connection else \
            sync_service.connections(book)
        if not chosen:
            raise CliError("This book has no connections; add one with ledgerdesk connect.")
        left = 0
        for connection in chosen:
            report = drain(book, gateways.open_gateway(connection),
                           progress=lambda line: out.write(line.text + "\n"))
            counts = report.counts
            summary = ", ".join(f"{counts[s]} {s.label}" for s in OutboxState if counts[s])
            out.write(f"{connection.provider.label} (connection {connection.id}): "
                      f"{summary or 'nothing to send'}.\n")
            if report.stopped:
                out.write(f"Stopped: {report.stopped}\n")
            left += len(sync_service.outbox(book, connection.id, LEFT))
    if left:
        out.write(f"{left} payment(s) still failed or need you; fix them, then "
                  "ledgerdesk sync PATH --retry ROW.\n")
    return 1 if left else 0


def _connection(book, args: argparse.Namespace) -> Connection:
    provider = Provider(args.provider) if args.provider else None
    return sync_service.choose_connection(book, provider, args.connection)


HANDLERS = {"connect": run_connect, "connections": run_connections, "link": run_link,
            "sync": run_sync}
