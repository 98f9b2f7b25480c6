"""The options of ``ledgerdesk report``: which report takes which, and the parser.

Each report names the options it takes; any other option is refused in one sentence, so a
mistyped command never prints a report for parameters the user did not mean.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.errors import CliError, check_bom
from ledgerdesk.domain.i18n import N_, _

#: Options each report takes (besides PATH, --csv and --bom).
OPTIONS: dict[str, tuple[str, ...]] = {
    "receivable-aging": ("as_of", "buckets", "contact", "detail"),
    "payable-aging": ("as_of", "buckets", "contact", "detail"),
    "profit-and-loss": ("start", "end", "previous_start", "previous_end"),
    "balance-sheet": ("as_of", "compare_to"),
    "trial-balance": ("as_of",),
    "general-ledger": ("account", "start", "end"),
    "payments-register": ("start", "end"),
    "sales-tax": ("start", "end"),
    "tax-return": ("start", "end"),
    "customer-statement": ("contact", "start", "end", "buckets", "currency"),
    "supplier-statement": ("contact", "start", "end", "buckets", "currency"),
    "fx-revaluation": ("as_of", "post"),
}
REPORT_NAMES = tuple(OPTIONS)
FLAGS = {
    "as_of": "--as-of", "buckets": "--buckets", "start": "--from", "end": "--to",
    "previous_start": "--previous-from", "previous_end": "--previous-to",
    "compare_to": "--compare-to", "account": "--account", "contact": "--contact",
    "detail": "--detail", "post": "--post", "currency": "--currency",
}
REQUIRED = {"general-ledger": ("account",), "customer-statement": ("contact",),
            "supplier-statement": ("contact",)}


def check_options(args: argparse.Namespace) -> None:
    allowed = OPTIONS[args.name]
    for option, flag in FLAGS.items():
        if getattr(args, option) is not None and option not in allowed:
            raise CliError(_("{flag} does not apply to {name}; it takes {join}.").format(
                flag=flag,
                name=args.name,
                join=', '.join(FLAGS[o] for o in allowed)))
    for option in REQUIRED.get(args.name, ()):
        if getattr(args, option) is None:
            raise CliError(_("{name} needs {flags}.").format(
                               name=args.name,
                               flags=FLAGS[option]))
    check_bom(args)
    if (args.previous_start is None) != (args.previous_end is None):
        raise CliError(_("Give both --previous-from and --previous-to, or neither."))


#: For ``--help``.
REPORT_HELP = {
    "receivable-aging": "what customers owe, by days overdue (--as-of, --buckets; --detail"
                        " lists the documents, --contact one customer's)",
    "payable-aging": "what is owed to suppliers, by days overdue (the same options)",
    "profit-and-loss": "income and expenses of a period beside the previous one",
    "balance-sheet": "assets, liabilities and equity on a date beside an earlier one",
    "trial-balance": "debit and credit balance of every account (--as-of)",
    "general-ledger": "every posting to --account with the running balance",
    "payments-register": "payments of a period with their allocations",
    "sales-tax": "tax on sales and purchases of a period",
    "tax-return": "output and input tax by tax code, and the net due (settle it with"
                  " settle-tax)",
    "customer-statement": N_("a customer's (--contact) documents, payments and balance"
                             " (--currency: in a foreign currency)"),
    "supplier-statement": "a supplier's (--contact) documents, payments and balance",
    "fx-revaluation": N_("open foreign documents and foreign bank balances at the rate of"
                         " --as-of, with the unrealised exchange gain or loss"),
}


def add_parser(commands: Any, command: Callable[..., argparse.ArgumentParser],
               parse_date: Callable[[str], dt.date]) -> None:
    names = "; ".join(f"{name}: {_(what)}" for name, what in REPORT_HELP.items())
    sub = command(commands, "report", _("print a report as a table, or write it as CSV"),
                  _("Print a report as a table, or write it as CSV. {names}. A period defaults "
                    "to the fiscal year to date (see settings), a date to today.").format(
                      names=names))
    sub.add_argument("name", choices=REPORT_NAMES, metavar="NAME", help=", ".join(REPORT_NAMES))
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    dated = {"type": parse_date, "metavar": "DATE"}
    sub.add_argument("--as-of", **dated, help=_("the day the report is at (YYYY-MM-DD)"))
    sub.add_argument("--from", dest="start", **dated, help=_("first day of the period"))
    sub.add_argument("--to", dest="end", **dated, help=_("last day of the period"))
    sub.add_argument("--previous-from", dest="previous_start", **dated,
                     help=_("first day of the period to compare with (default: the one before)"))
    sub.add_argument("--previous-to", dest="previous_end", **dated,
                     help=_("last day of the period to compare with"))
    sub.add_argument("--compare-to", **dated, help=_("balance sheet: the earlier date beside it "
                                                     "(default: a year before)"))
    sub.add_argument("--buckets", metavar="DAYS", help=_("aging limits in days (default 30,60,90)"))
    sub.add_argument("--account", metavar="CODE", help=_("general ledger: the account's code"))
    sub.add_argument("--contact", metavar="NAME_OR_ID",
                     help=_("statement: the contact; aging: only this contact"))
    sub.add_argument("--detail", action="store_const", const=True,
                     help=_("aging: one row per document instead of per contact"))
    sub.add_argument("--currency", metavar="C",
                     help=_("statement: in this currency (default: the contact's, else the "
                            "book's), its postings in it and the balance at home beside"))
    sub.add_argument("--post", action="store_const", const=True,
                     help=_("fx-revaluation: record it as of --as-of, reversed the next day"))
    sub.add_argument("--csv", type=file_name, metavar="FILE",
                     help=_("write CSV to FILE ('-' for standard output)"))
    sub.add_argument("--bom", action="store_true",
                     help=_("start the CSV with a byte order mark (for Excel)"))
