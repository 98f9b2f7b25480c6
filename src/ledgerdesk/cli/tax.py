"""``ledgerdesk settle-tax`` and ``ledgerdesk tax-code``: settle a period's tax return, and
create or change a tax code (``list tax-codes`` lists them; ``report tax-return`` shows a
return)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError, parse_amount, parse_date
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.wording import plain_amount, worded

SIDES = {"sales": Side.SALES, "purchases": Side.PURCHASES}


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "settle-tax", "record the payment (or refund) of a period's tax return",
        "Post the net due of the tax return from --from to --to, paid on --date from --bank "
        "(a refund: received into it), clearing the tax accounts for that period. A period "
        "(or one overlapping it) is settled once.",
    )
    sub.add_argument("path", metavar="PATH", help="the book file")
    dated = {"type": parse_date, "metavar": "DATE", "required": True}
    sub.add_argument("--from", dest="start", **dated, help="first day of the period")
    sub.add_argument("--to", dest="end", **dated, help="last day of the period")
    sub.add_argument("--date", **dated, help="the day the money moved (after the period)")
    sub.add_argument("--bank", metavar="CODE", help="bank account code (default: the first)")
    sub = command(
        commands, "tax-code", "create a tax code, or change one",
        "Create the tax code NAME on --side, or give it a new --rate or --account while no "
        "posted document uses it (a used code keeps both: make a new code instead).",
    )
    sub.add_argument("path", metavar="PATH", help="the book file")
    sub.add_argument("name", metavar="NAME", help='the code\'s name, e.g. "Standard 20%%"')
    sub.add_argument("--rate", required=True, type=parse_amount, metavar="R",
                     help="percent, e.g. 20 or 5.5")
    sub.add_argument("--side", required=True, choices=sorted(SIDES),
                     help="used on sales (invoices) or purchases (bills)")
    sub.add_argument("--account", metavar="CODE",
                     help="where its tax posts (default: the Sales Tax account)")


def run_settle_tax(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.domain.tax_settlement import settled_words
    from ledgerdesk.reports.periods import Period
    from ledgerdesk.services.tax_settlement import settle_tax

    if args.start > args.end:
        raise CliError(f"--from {args.start.isoformat()} is after --to {args.end.isoformat()}.")
    with opened(args.path) as book:
        settled = settle_tax(book, Period(args.start, args.end), args.date, args.bank)
        with book.read() as tx:
            bank = tx.accounts()[settled.bank_account_code].name
    out.write(worded(settled_words(settled, bank), _with_currency) + "\n")
    return 0


def run_tax_code(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.domain.tax_codes import percent_text, side_words
    from ledgerdesk.services.tax_codes import save_tax_code

    with opened(args.path) as book:
        saved = save_tax_code(book, args.name, args.rate, SIDES[args.side], args.account)
        with book.read() as tx:
            account = tx.accounts()[saved.code.account_code].name
    code = saved.code
    what = (f"{side_words(code.side)} tax code {code.name}" + (" is already" if not saved.changed
                                                               else ""))
    verb = "Created " if saved.created else "Changed " if saved.changed else ""
    sentence = f"{verb}{what} at {percent_text(code.rate)}%, posting to {code.account_code} "
    out.write(f"{sentence[0].upper()}{sentence[1:]}{account}.\n")
    return 0


def _with_currency(amount: Any) -> str:
    return f"{plain_amount(amount)} {amount.currency}"
