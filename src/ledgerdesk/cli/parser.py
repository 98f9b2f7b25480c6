"""The ``ledgerdesk`` argument parser: one subcommand per thing the command line does.

``ledgerdesk --help`` needs each command's name and summary, not its arguments, and a
command needs only its own: a command's arguments are added when it is the one parsed
(``COMMANDS`` says where), so neither imports the modules, and what they import, of the
thirty commands not asked for.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any, NoReturn

from ledgerdesk import __version__
from ledgerdesk.cli.arguments import file_name, text
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.plain_text import shown_inert

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


#: Every command in the order ``ledgerdesk --help`` lists them: its summary there, and
#: the function that adds its arguments (a module of ``ledgerdesk.cli``, and its function
#: taking the subcommands and ``_command``), imported when the command is parsed.  A test
#: holds each summary equal to the one its function gives.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "demo": (N_("create a demo book full of realistic data"), "parser", "add_demo"),
    "check": (N_("check a book's integrity and every ledger invariant"), "parser", "add_check"),
    "trial-balance": (N_("debit and credit balance of every account"), "parser",
                      "add_trial_balance"),
    "list": (N_("list contacts, documents, document lines, payments, the journal, the "
                "accounts or a book's backups"), "parser", "add_list"),
    "report": (N_("print a report as a table, or write it as CSV"), "parser", "add_report"),
    "export-journal": (N_("the ledger as a ledger-cli / hledger journal"), "parser",
                       "add_export_journal"),
    "pay": (N_("record a payment, or list every problem and change nothing"), "parser",
            "add_pay"),
    "open": (N_("open the window, on a book or the welcome screen"), "parser", "add_open"),
    "screenshots": (N_("render every screen and editor to PNG files"), "parser", "add_open"),
    "summary": (N_("print a book's summary (what the dashboard shows)"), "parser", "add_open"),
    "add-account": (N_("add an account to the chart"), "accounts", "add_parser"),
    "edit-account": (N_("rename, re-code, archive or mark an account as bank"), "accounts",
                     "add_parser"),
    "import": (N_("import contacts, invoices, bills, bank payments or opening balances from "
                  "CSV"), "imports", "add_parser"),
    "bank-rule": (N_("remember a bank rule: reference text -> account"), "bank", "add_parser"),
    "export-statement": (N_("write a bank account's postings as a statement CSV"), "bank",
                         "add_parser"),
    "connect": (N_("connect the book to Xero, Clockify, DayZero or Strapi"), "sync_parser",
                "add_parser"),
    "connections": (N_("list the book's connections (never their secrets)"), "sync_parser",
                    "add_parser"),
    "disconnect": (N_("remove a connection, its keyring entries and queue"), "sync_parser",
                   "add_parser"),
    "edit-connection": (N_("change a connection's base URL, ids or scopes"), "sync_parser",
                        "add_parser"),
    "link": (N_("link invoices, bills, accounts, payments to remote twins"), "sync_parser",
             "add_parser"),
    "sync": (N_("push queued payments; one line each, then a summary"), "sync_parser",
             "add_parser"),
    "print": (N_("an invoice, credit note or statement as a PDF"), "printing", "add_parser"),
    "new": (N_("create an empty book"), "new_book", "add_parser"),
    "settings": (N_("print the book's settings, or change them"), "settings", "add_parser"),
    "journal": (N_("record a manual journal, or list every problem and change nothing"),
                "journals", "add_parser"),
    "void": (N_("void a journal, invoice, bill, credit note or payment (asks first)"), "voids",
             "add_parser"),
    "lock": (N_("lock the books through a date, or clear the lock"), "lock", "add_parser"),
    "settle-tax": (N_("record the payment (or refund) of a period's tax return"), "tax",
                   "add_parser"),
    "tax-code": (N_("create a tax code, or change one"), "tax", "add_parser"),
    "backup": (N_("copy a book into a verified backup"), "backups", "add_parser"),
    "restore": (N_("replace a book with one of its backups (asks first)"), "backups",
                "add_parser"),
    "reconcile": (N_("reconcile a bank account to a statement, or undo one"), "reconcile",
                  "add_parser"),
    # Not marked yet where cli/rates.py declares it either: the catalogues lack it.
    "rate": (N_("keep an exchange rate: home units per one foreign unit"), "rates",
             "add_parser"),
}


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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", action=Subcommands)
    for name, (summary, _module, _function) in COMMANDS.items():
        _command(commands, name, _(summary))
    return parser


class Subcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """argparse's subcommands, whose chosen one gets its arguments just before it parses
    them (``arguments_of``)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[override]
        if values and values[0] in self._name_parser_map:
            arguments_of(self, values[0])
        super().__call__(parser, namespace, values, option_string)


def arguments_of(commands: argparse._SubParsersAction, name: str) -> OneLineParser:  # type: ignore[type-arg]
    """The subparser of command ``name``, its arguments added (once) by its module."""
    sub = commands._name_parser_map[name]
    if not getattr(sub, "filled", False):
        _summary, module, function = COMMANDS[name]
        add = getattr(importlib.import_module(f"ledgerdesk.cli.{module}"), function)
        add(Declared(commands), _command)
        for each, (_s, other, _f) in COMMANDS.items():
            if (other, _f) == (module, function):  # it added them all
                commands._name_parser_map[each].filled = True  # type: ignore[attr-defined]
    return sub  # type: ignore[return-value]


class Declared:
    """Stands for the subcommands while a module adds its commands' arguments: asked for a
    command's parser, it gives the one ``build_parser`` declared, with the description."""

    def __init__(self, commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
        self._parsers = commands._name_parser_map
        self.summaries: dict[str, str] = {}

    def add_parser(self, name: str, *, help: str, description: str) -> argparse.ArgumentParser:
        self.summaries[name] = help
        sub = self._parsers[name]
        sub.description = description
        return sub


def _command(commands: Any, name: str, summary: str, description: str = "") -> OneLineParser:
    """A subcommand; ``summary`` shows in ``ledgerdesk --help``, ``description`` in its own.
    Its arguments that name no type of their own must be UTF-8 text (``arguments.text``);
    not the top parser's, which passes every argument of the command on as they are."""
    sub = commands.add_parser(name, help=summary, description=description or summary)
    sub.register("type", None, text)
    return sub


def add_demo(commands: Any, command: Any) -> None:
    from ledgerdesk.cli.books import DEFAULT_COMPANY
    from ledgerdesk.cli.errors import non_negative_int

    sub = command(
        commands, "demo", _("create a demo book full of realistic data"),
        _("Create a new book at PATH and fill it with realistic demo data."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file to create"))
    sub.add_argument("--size", type=non_negative_int, default=0,
                     help=_("number of documents for a large book (0: the small demo)"))
    sub.add_argument("--company", default=DEFAULT_COMPANY, help=_("the company's name"))
    sub.add_argument("--currency", default="EUR", help=_("base currency (default EUR)"))
    sub.add_argument("--seed", type=int, default=7, help=_("random seed (default 7)"))
    sub.add_argument("--foreign", action="store_true",
                     help=_("also sell and buy abroad: a tenth of the documents or more in "
                            "three foreign currencies, with a foreign bank account"))
    sub.add_argument("--force", action="store_true", help=_("replace PATH if it exists"))


def add_check(commands: Any, command: Any) -> None:
    sub = command(
        commands, "check", _("check a book's integrity and every ledger invariant"),
        _("Run SQLite's integrity checks and every ledger invariant; exit 1 on any failure."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))


def add_trial_balance(commands: Any, command: Any) -> None:
    from ledgerdesk.cli.errors import parse_date

    sub = command(commands, "trial-balance", _("debit and credit balance of every account"))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--as-of", type=parse_date, metavar="DATE",
                     help=_("balances at the end of DATE (YYYY-MM-DD)"))
    sub.add_argument("--csv", type=file_name, metavar="FILE",
                     help=_("write CSV to FILE ('-' for standard output)"))
    sub.add_argument("--bom", action="store_true",
                     help=_("start the CSV with a byte order mark (for Excel)"))


def add_list(commands: Any, command: Any) -> None:
    from ledgerdesk.cli.lists import KIND_HELP, LIST_KINDS

    kinds = "; ".join(f"{kind}: {_(what)}" for kind, what in KIND_HELP.items())
    sub = command(commands, "list",
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


def add_report(commands: Any, command: Any) -> None:
    from ledgerdesk.cli import report_options
    from ledgerdesk.cli.errors import parse_date

    report_options.add_parser(commands, command, parse_date)


def add_export_journal(commands: Any, command: Any) -> None:
    sub = command(
        commands, "export-journal", _("the ledger as a ledger-cli / hledger journal"),
        _("Write every journal entry as plain text that ledger-cli 3 and hledger read, with the "
          "same balances as trial-balance."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("-o", "--output", type=file_name, metavar="FILE",
                     help=_("write to FILE (default, or '-': standard output)"))


def add_pay(commands: Any, command: Any) -> None:
    from ledgerdesk.cli.errors import parse_allocation, parse_amount, parse_date

    sub = command(
        commands, "pay", _("record a payment, or list every problem and change nothing"),
        _("Record a receipt, supplier payment or refund allocated to documents. The kind follows "
          "from the documents (invoice: receipt; bill: supplier payment; credit note: refund)."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("--contact", required=True, metavar="NAME_OR_ID",
                     help=_("the contact's exact name (any case) or id"))
    sub.add_argument("--amount", required=True, type=parse_amount, metavar="AMOUNT",
                     help=_("the amount paid, in the bank account's currency, a plain number "
                            "with a dot: 1234.56"))
    sub.add_argument("--date", required=True, type=parse_date, metavar="DATE",
                     help=_("the payment date, YYYY-MM-DD"))
    sub.add_argument("--allocate", action="append", type=parse_allocation, default=[],
                     metavar="DOC=AMOUNT",
                     help=_("allocate AMOUNT, in DOC's currency, to document DOC (repeatable)"))
    sub.add_argument("--keep-excess-as-credit", action="store_true",
                     help=_("keep an unallocated excess as the contact's credit"))
    sub.add_argument("--refund", action="store_true",
                     help=_("money back against a credit note or credit"))
    sub.add_argument("--bank", metavar="CODE", help=_("bank account code (default: the first)"))
    from ledgerdesk.cli.rates import parse_rate  # only when pay is the command parsed

    sub.add_argument("--rate", type=parse_rate, metavar="RATE",
                     help=_("for a foreign bank account: home units per one unit of its "
                            "currency (default: the book's rate of --date)"))
    sub.add_argument("--reference", default="", metavar="TEXT", help=_("e.g. the bank reference"))


def add_open(commands: Any, command: Any) -> None:
    from ledgerdesk.presentation.language import LANGUAGES

    sub = command(commands, "open", _("open the window, on a book or the welcome screen"),
                   _("Open the Ledgerdesk window on the book at PATH (without PATH: the last "
                     "book, or the welcome screen)."))
    sub.add_argument("path", type=file_name, metavar="PATH", nargs="?", help=_("the book file"))
    sub = command(commands, "screenshots", _("render every screen and editor to PNG files"),
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
    sub = command(commands, "summary", _("print a book's summary (what the dashboard shows)"),
                   _("Print a book's counts, what is owed both ways and the trial balance totals."))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
