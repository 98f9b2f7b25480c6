"""``ledgerdesk add-account``: extend the book's chart of accounts."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.books import opened
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.services.setup import add_account

TYPE_NAMES = {t.value.lower(): t for t in AccountType}


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "add-account", "add an account to the chart",
        "Add an account to the book's chart of accounts, for document lines or as a bank.",
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help="the book file")
    sub.add_argument("code", metavar="CODE", help="the account code, e.g. 6500")
    sub.add_argument("name", metavar="NAME", help="the account name, e.g. Marketing")
    sub.add_argument("--type", required=True, choices=sorted(TYPE_NAMES),
                     help="what kind of account it is")
    sub.add_argument("--bank", action="store_true",
                     help="payments can be made from and into it (an asset account)")


def run_add_account(args: argparse.Namespace, out: TextIO) -> int:
    account = Account(
        code=args.code.strip(), name=args.name.strip(), type=TYPE_NAMES[args.type],
        role=AccountRole.BANK if args.bank else None,
    )
    with opened(args.path) as book:
        add_account(book, account)
    what = "bank account" if args.bank else f"{args.type} account"
    out.write(f"Added {what} {account.code} {account.name}.\n")
    return 0
