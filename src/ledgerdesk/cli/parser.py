"""The ``ledgerdesk`` argument parser: one subcommand per thing the command line does."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from ledgerdesk import __version__
from ledgerdesk.cli import (
    accounts,
    backups,
    bank,
    imports,
    journals,
    lock,
    new_book,
    printing,
    rates,
    reconcile,
    report_options,
    settings,
    sync_parser,
    tax,
    voids,
)
from ledgerdesk.cli.arguments import file_name, text
from ledgerdesk.cli.books import DEFAULT_COMPANY
from ledgerdesk.cli.errors import non_negative_int, parse_allocation, parse_amount, parse_date
from ledgerdesk.cli.lists import KIND_HELP, LIST_KINDS
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.presentation.language import LANGUAGES

PROG = "ledgerdesk"


class OneLineParser(argparse.ArgumentParser):
    """Reports a usage error in one line (not usage plus error), pointing at ``--help``;
    an argument echoed in it is shown inert (a line break or an escape sequence in it is
    not obeyed)."""

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        found, extras = super().parse_known_args(args, namespace)
        # Python 3.11's argparse drops "--" given as a value (`--type=--`, `-- PATH CODE --`)
        # and hands the command an empty list where one word belongs.
        for action in self._actions:
            if action.nargs in (None, "?") and _emptied(action, getattr(found, action.dest, None)):
                named = "/".join(action.option_strings) or action.metavar or action.dest
                self.error(_("argument {named}: '--' cannot be one").format(named=named))
        return found, extras

    def error(self, message: str) -> NoReturn:
        message = " ".join(shown_inert(message).split())
        self.exit(2, _("{prog}: error: {message} (see {prog} --help)\n").format(
                         prog=self.prog, message=message))


def _emptied(action: argparse.Action, value: Any) -> bool:
    if isinstance(action, argparse._AppendAction):  # each time given, one word
        return isinstance(value, list) and [] in value
    return value == [] and action.default != []


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog=PROG,
        description=_("Offline double-entry books: invoices, bills, credit notes and payments."),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--demo", action="store_true",
        help=_("open the window on the demo book in your user data folder (created the first "
               "time)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_demo(commands)
    _add_check(commands)
    _add_trial_balance(commands)
    _add_list(commands)
    report_options.add_parser(commands, _command, parse_date)
    _add_export_journal(commands)
    _add_pay(commands)
    _add_open(commands)
    accounts.add_parser(commands, _command)
    imports.add_parser(commands, _command)
    bank.add_parser(commands, _command)
    sync_parser.add_parser(commands, _command)
    printing.add_parser(commands, _command)
    new_book.add_parser(commands, _command)
    settings.add_parser(commands, _command)
    journals.add_parser(commands, _command)
    voids.add_parser(commands, _command)
    lock.add_parser(commands, _command)
    tax.add_parser(commands, _command)
    backups.add_parser(commands, _command)
    reconcile.add_parser(commands, _command)
    rates.add_parser(commands, _command)
    return parser


def _command(commands: Any, name: str, summary: str, description: str = "") -> OneLineParser:
    """A subcommand; ``summary`` shows in ``ledgerdesk --help``, ``description`` in its own.
    Its arguments that name no type of their own must be UTF-8 text (``arguments.text``);
    not the top parser's, which passes every argument of the command on as they are."""
    sub = commands.add_parser(name, help=summary, description=description or summary)
    sub.register("type", None, text)
    return sub


def _add_demo(commands: Any) -> None:
    sub = _command(
        commands, "demo", _("create a demo book full of realistic data"),
        _("Create a new book at PATH and fill it with realistic demo data."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file to create"))
    sub.add_argument("--size", type=non_negative_int, default=0,
                     help=_("number of documents for a large book (0: the small demo)"))
    sub.add_argument("--company", default=DEFAULT_COMPANY, help=_("the company's name"))
    sub.add_argument("--currency", default="EUR", help=_("base currency (default EUR)"))
    sub.add_argument("--seed", type=int, default=7, help=_("random seed (default 7)"))
    sub.add_argument("--force", action="store_true", help=_("replace PATH if it exists"))


def _add_check(commands: Any) -> None:
    sub = _command(
        commands, "check", _("check a book's integrity and every ledger invariant"),
        _("Run SQLite's integrity checks and every ledger invariant; exit 1 on any failure."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))


def _add_trial_balance(commands: Any) -> None:
    sub = _command(commands, "trial-balance", _("debit and credit balance of every account"))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--as-of", type=parse_date, metavar="DATE",
                     help=_("balances at the end of DATE (YYYY-MM-DD)"))
    sub.add_argument("--csv", type=file_name, metavar="FILE",
                     help=_("write CSV to FILE ('-' for standard output)"))
    sub.add_argument("--bom", action="store_true",
                     help=_("start the CSV with a byte order mark (for Excel)"))


def _add_list(commands: Any) -> None:
    kinds = "; ".join(f"{kind}: {_(what)}" for kind, what in KIND_HELP.items())
    sub = _command(commands, "list",
                   _("list contacts, documents, document lines, payments, the journal, the "
                     "accounts or a book's backups"),
                   _("Print a list as a table, or as CSV. {kinds}.").format(kinds=kinds))
    sub.add_argument("kind", choices=LIST_KINDS, metavar="KIND", help=", ".join(LIST_KINDS))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--open", action="store_true",
                     help=_("only what still has something outstanding"))
    sub.add_argument("--currency", metavar="C", help=_("rates: only this currency's"))
    sub.add_argument("--csv", type=file_name, metavar="FILE",
                     help=_("write CSV to FILE ('-' for standard output)"))
    sub.add_argument("--bom", action="store_true",
                     help=_("start the CSV with a byte order mark (for Excel)"))


def _add_export_journal(commands: Any) -> None:
    sub = _command(
        commands, "export-journal", _("the ledger as a ledger-cli / hledger journal"),
        _("Write every journal entry as plain text that ledger-cli 3 and hledger read, with the "
          "same balances as trial-balance."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("-o", "--output", type=file_name, metavar="FILE",
                     help=_("write to FILE (default, or '-': standard output)"))


def _add_pay(commands: Any) -> None:
    sub = _command(
        commands, "pay", _("record a payment, or list every problem and change nothing"),
        _("Record a receipt, supplier payment or refund allocated to documents. The kind follows "
          "from the documents (invoice: receipt; bill: supplier payment; credit note: refund)."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--contact", required=True, metavar="NAME_OR_ID",
                     help=_("the contact's exact name (any case) or id"))
    sub.add_argument("--amount", required=True, type=parse_amount, metavar="AMOUNT",
                     help=_("the amount paid, a plain number with a dot: 1234.56"))
    sub.add_argument("--date", required=True, type=parse_date, metavar="DATE",
                     help=_("the payment date, YYYY-MM-DD"))
    sub.add_argument("--allocate", action="append", type=parse_allocation, default=[],
                     metavar="DOC=AMOUNT", help=_("allocate AMOUNT to document DOC (repeatable)"))
    sub.add_argument("--keep-excess-as-credit", action="store_true",
                     help=_("keep an unallocated excess as the contact's credit"))
    sub.add_argument("--refund", action="store_true",
                     help=_("money back against a credit note or credit"))
    sub.add_argument("--bank", metavar="CODE", help=_("bank account code (default: the first)"))
    sub.add_argument("--reference", default="", metavar="TEXT", help=_("e.g. the bank reference"))


def _add_open(commands: Any) -> None:
    sub = _command(commands, "open", _("open the window, on a book or the welcome screen"),
                   _("Open the Ledgerdesk window on the book at PATH (without PATH: the last "
                     "book, or the welcome screen)."))
    sub.add_argument("path", type=file_name, metavar="PATH", nargs="?", help=_("the book file"))
    sub = _command(commands, "screenshots", _("render every screen and editor to PNG files"),
                   _("Render the main screens and editors offscreen (no display needed) to PNG "
                     "files in DIR, on a fresh demo book or on --book."))
    sub.add_argument("folder", type=file_name, metavar="DIR",
                     help=_("where to write the PNG files"))
    sub.add_argument("--book", type=file_name, metavar="PATH",
                     help=_("the book to show (default: a new demo)"))
    sub.add_argument("--locale", metavar="L", help=_("e.g. de_DE, fr_FR (default: the book's)"))
    sub.add_argument("--dark", action="store_true",
                     help=_("in dark mode, as when the system asks for it"))
    sub.add_argument("--language", choices=sorted(LANGUAGES),
                     help=_("the window's words in this language (default: the system's)"))
    sub = _command(commands, "summary", _("print a book's summary (what the dashboard shows)"),
                   _("Print a book's counts, what is owed both ways and the trial balance totals."))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
