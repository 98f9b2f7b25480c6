"""``connect``, ``connections``, ``link`` and ``sync``: push payments to remote services.

Secrets come from an environment variable or standard input, go straight to the keyring,
and never into the book, the output or an error message.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError
from ledgerdesk.cli.sync_connect import remote_errors
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import Connection, OutboxState, Provider
from ledgerdesk.domain.whole_numbers import record_id
from ledgerdesk.domain.wording import plural
from ledgerdesk.services import sync as sync_service
from ledgerdesk.services.sync_drain import drain
from ledgerdesk.sync import gateways

LEFT = (OutboxState.FAILED, OutboxState.NEEDS_YOU)


def run_connections(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args.path) as book:
        found = sync_service.connections(book)
        rows = sync_service.outbox(book)
    if not found:
        out.write(_("This book has no connections; add one with ledgerdesk connect.") + "\n")
        return 0
    for connection in found:
        ids = " ".join(f"{k}={v}" for k, v in connection.remote_ids.items())
        out.write(_("Connection {id}: {label} at {base_url}{value}").format(
            id=connection.id,
            label=connection.provider.label,
            base_url=connection.base_url,
            value=f' ({ids})' if ids else '') + "\n")
        if connection.options.get("scopes"):
            out.write(_("  scopes: {options}\n").format(options=connection.options['scopes']))
        states = [r.state for r in rows if r.connection_id == connection.id]
        counts = ", ".join(f"{states.count(s)} {s.label}" for s in OutboxState if s in states)
        out.write(f"  outbox: {counts or 'nothing queued'}\n")
    return 0


def run_link(args: argparse.Namespace, out: TextIO) -> int:
    if not (args.numbers or args.account or args.document or args.payment):
        raise CliError(_("Name invoice or bill numbers to link, or use --account, --document or "
                         "--payment."))
    # Every pair is checked before anything is written, and all are written in one
    # transaction: bad input changes nothing.
    accounts = _pairs(args.account, "--account", "1000=090")
    documents = _pairs(args.document, "--document", "INV-00012=ID")
    payments = _pairs(args.payment, "--payment", "42=TRANSACTION")
    for payment, _transaction in payments:
        if record_id(payment) is None:
            raise CliError(_("--payment {payment!r} is not a payment id (a whole number).").format(
                               payment=payment))
    with opened(args.path) as book, remote_errors():
        connection = _connection(book, args)
        cid, label = connection.id, connection.provider.label
        assert cid is not None
        sync_service.link_by_ids(book, cid, accounts, documents,
                                 [(int(payment), remote) for payment, remote in payments])
        for code, remote in accounts:
            out.write(_("Bank account {code} pays through {label} account {remote}.").format(
                          code=code,
                          label=label,
                          remote=remote) + "\n")
        for number, remote in documents:
            out.write(_("{number}: linked to {label} {remote}.").format(
                          number=number,
                          label=label,
                          remote=remote) + "\n")
        for payment, remote in payments:
            out.write(_("Payment {payment} came from {label} transaction {remote}.").format(
                          payment=payment,
                          label=label,
                          remote=remote) + "\n")
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
            raise CliError(_("{option} {text!r} is not LOCAL=REMOTE, like {example}.").format(
                               option=option,
                               text=text,
                               example=example))
        pairs.append((local.strip(), remote.strip()))
    return pairs


def run_sync(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args.path) as book, remote_errors():
        chosen = [_connection(book, args)] if args.provider or args.connection else \
            sync_service.connections(book)
        if not chosen:
            raise CliError(_("This book has no connections; add one with ledgerdesk connect."))
        sync_service.retry_rows(book, args.retry)  # all or none, once the rest is known good
        left = 0
        for connection in chosen:
            report = drain(book, gateways.open_gateway(connection),
                           progress=lambda line: out.write(line.text + "\n"))
            counts = report.counts
            summary = ", ".join(f"{counts[s]} {s.label}" for s in OutboxState if counts[s])
            out.write(_("{label} (connection {id}): {value}.").format(
                label=connection.provider.label,
                id=connection.id,
                value=summary or _('nothing to send')) + "\n")
            if report.stopped:
                out.write(_("Stopped: {stopped}").format(stopped=report.stopped) + "\n")
            left += len(sync_service.outbox(book, connection.id, LEFT))
    if left:
        out.write(_("{payments} still failed or need you: a failed one is tried again by the "
                    "next sync; one that needs you goes back in the queue with "
                    "ledgerdesk sync PATH --retry ROW once it is fixed.").format(
                        payments=plural(left, "{count} payment", "{count} payments")) + "\n")
    return 1 if left else 0


def _connection(book, args: argparse.Namespace) -> Connection:
    provider = Provider(args.provider) if args.provider else None
    return sync_service.choose_connection(book, provider, args.connection)


