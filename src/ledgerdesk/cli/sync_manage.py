"""``disconnect`` and ``edit-connection``: the command-line twins of Settings > Connections."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TextIO

from ledgerdesk.cli import fail
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError
from ledgerdesk.cli.sync_connect import web_address
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import Provider
from ledgerdesk.services import sync as sync_service
from ledgerdesk.services import sync_admin
from ledgerdesk.sync import connection_admin

REMOTE_IDS = {Provider.XERO: "tenant", Provider.CLOCKIFY: "workspace",
              Provider.DAYZERO: "business"}


def run_disconnect(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args.path) as book:
        connection = sync_service.choose_connection(book, None, args.connection)
        consequences = sync_admin.removal_consequences(book, connection)
        assert connection.id is not None
        sync_admin.remove_connection(book, connection.id)
    left = connection_admin.forget(connection)
    out.write(_("Removed connection {id} ({label} at {base_url}). {consequences}").format(
        id=connection.id,
        label=connection.provider.label,
        base_url=connection.base_url,
        consequences=consequences) + "\n")
    return fail(left) if left else 0


def run_edit_connection(args: argparse.Namespace, out: TextIO) -> int:
    if not (args.base_url or args.remote_id or args.scopes):
        raise CliError(_("Nothing to change: give --base-url, --remote-id or --scopes."))
    with opened(args.path) as book:
        connection = sync_service.choose_connection(book, None, args.connection)
        ids = dict(connection.remote_ids)
        allowed = REMOTE_IDS.get(connection.provider)
        for text in args.remote_id:
            name, sep, value = text.partition("=")
            if not sep or not value.strip() or name.strip() != allowed:
                raise CliError(_("--remote-id {text!r}: {label} takes {value}.").format(
                    text=text,
                    label=connection.provider.label,
                    value=_("{allowed}=ID").format(
                        allowed=allowed) if allowed else _('no remote ids')))
            ids[allowed] = value.strip()
        options = dict(connection.options)
        if args.scopes:
            if connection.provider is not Provider.XERO:
                raise CliError(_("Only Xero connections have scopes."))
            options["scopes"] = " ".join(args.scopes)
        # The same check and trimming as connect's: a stored " https://x " failed every sync.
        base_url = (web_address("--base-url", args.base_url) if args.base_url is not None
                    else connection.base_url)
        edited = dataclasses.replace(connection, remote_ids=ids, options=options,
                                     base_url=base_url)
        sync_admin.edit_connection(book, edited)
    scopes = _(" scopes: {options}").format(options=options['scopes']) if args.scopes else ""
    ids_text = "".join(f" {k}={v}" for k, v in ids.items())
    out.write(_("Connection {id} now: {label} at {base_url}{ids_text}{scopes}.").format(
        id=connection.id,
        label=edited.provider.label,
        base_url=edited.base_url,
        ids_text=ids_text,
        scopes=scopes) + "\n")
    return 0
