"""``ledgerdesk add-account`` and ``edit-account``: the chart of accounts from the command
line (``list accounts`` prints it; ``ACCOUNT_COLUMNS`` are its columns)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError
from ledgerdesk.cli.output import Column
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType

TYPE_NAMES = {t.value.lower(): t for t in AccountType}
ROLE_WORDS = {role: role.value.replace("_", " ").lower() for role in AccountRole}

ACCOUNT_COLUMNS = (
    Column("code", N_("Code"), 8, lambda a: a.code),
    Column("name", N_("Name"), 30, lambda a: a.name),
    Column("type", N_("Type"), 9, lambda a: a.type.value.lower()),
    Column("role", N_("Role"), 17, lambda a: ROLE_WORDS[a.role] if a.role else ""),
    Column("status", N_("Status"), 8, lambda a: "archived" if a.archived else "active"),
    Column("balance", N_("Balance"), 14, lambda a: a.balance, numeric=True),
)


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "add-account", _("add an account to the chart"),
        _("Add an account to the book's chart of accounts, for document lines or as a bank."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("code", metavar="CODE", help=_("the account code, e.g. 6500"))
    sub.add_argument("name", metavar="NAME", help=_("the account name, e.g. Marketing"))
    sub.add_argument("--type", required=True, choices=sorted(TYPE_NAMES),
                     help=_("what kind of account it is"))
    sub.add_argument("--bank", action="store_true",
                     help=_("payments can be made from and into it (an asset account)"))
    sub.add_argument("--currency", metavar="C",
                     help=_("a bank account's currency, e.g. USD (default: the book's own)"))
    _add_edit_parser(commands, command)


def _add_edit_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "edit-account", _("rename, re-code, archive or mark an account as bank"),
        _("Change an account of the chart. Re-coding keeps every posting, document and payment "
          "on the account. Only an account at a zero balance can be archived (income and expense "
          "accounts: this fiscal year); the receivable, payable, sales tax and retained earnings "
          "accounts keep their role and are never archived."),
    )
    sub.add_argument("path", metavar="PATH", help=_("the book file"))
    sub.add_argument("code", metavar="CODE", help=_("the account's code now"))
    sub.add_argument("--name", metavar="NAME", help=_("its new name"))
    sub.add_argument("--code", dest="new_code", metavar="NEW", help=_("its new code"))
    archive = sub.add_mutually_exclusive_group()
    archive.add_argument("--archive", dest="archived", action="store_const", const=True,
                         help=_("archive it: kept in history and reports, nothing new posted"))
    archive.add_argument("--restore", dest="archived", action="store_const", const=False,
                         help=_("take it out of the archive"))
    bank = sub.add_mutually_exclusive_group()
    bank.add_argument("--bank", dest="bank", action="store_const", const=True,
                      help=_("mark it as a bank account (an asset account)"))
    bank.add_argument("--no-bank", dest="bank", action="store_const", const=False,
                      help=_("it is no longer a bank account"))


def run_add_account(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.services.setup import add_account

    account = Account(
        code=args.code.strip(), name=args.name.strip(), type=TYPE_NAMES[args.type],
        role=AccountRole.BANK if args.bank else None,
        currency=args.currency.strip().upper() if args.currency else None,
    )
    with opened(args.path) as book:
        add_account(book, account)
    what = _("bank account") if args.bank else f"{args.type} account"
    if account.currency:
        what = f"{account.currency} {what}"
    out.write(_("Added {what} {code} {name}.").format(
                  what=what,
                  code=account.code,
                  name=account.name) + "\n")
    return 0


def today() -> dt.date:
    return dt.date.today()


def run_edit_account(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.domain.chart import AccountChange
    from ledgerdesk.services.chart import edit_account

    change = AccountChange(name=args.name, code=args.new_code, archived=args.archived,
                           bank=args.bank)
    if change == AccountChange():
        raise CliError(_("Say what to change: --name, --code, --archive, --restore, --bank or "
                         "--no-bank."))
    with opened(args.path) as book:
        with book.read() as tx:
            before = tx.accounts().get(args.code)
        account = edit_account(book, args.code, change, today())
    assert before is not None  # edit_account found it
    out.write(_("Saved account {code} {name}{what_changed}.").format(
                  code=account.code,
                  name=account.name,
                  what_changed=_what_changed(before, account)) + "\n")
    return 0


def _what_changed(before: Account, after: Account) -> str:
    said = []
    if after.code != before.code:
        said.append(_("re-coded from {code}").format(code=before.code))
    if after.name != before.name:
        said.append(_("renamed from {name}").format(name=before.name))
    if after.archived != before.archived:
        said.append("archived" if after.archived else _("restored from the archive"))
    if after.role != before.role:
        said.append(_("now a bank account") if after.role is AccountRole.BANK
                    else _("no longer a bank account"))
    return ": " + "; ".join(said) if said else _(" (nothing changed)")
