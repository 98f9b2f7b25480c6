"""``ledgerdesk settle-tax`` and ``ledgerdesk tax-code``: settle a period's tax return, and
create or change a tax code (``list tax-codes`` lists them; ``report tax-return`` shows a
return)."""

from __future__ import annotations

import argparse
import re
from decimal import Decimal
from typing import Any, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError, parse_date
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.tax_codes import not_a_percentage
from ledgerdesk.domain.wording import plain_amount, worded

SIDES = {"sales": Side.SALES, "purchases": Side.PURCHASES}
# A plain decimal with a dot, and a % if the user likes; no exponent, NaN or grouping.  A
# sign is read, so that a negative rate is refused by the domain's rule, saying the range.
_PERCENT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?%?")


def parse_rate(text: str) -> Decimal:
    """``--rate``: ``20``, ``5.5`` or ``5.5%``; anything else is not a percentage (the
    range, 0 to 100 with 3 decimals, is ``tax_code_problems``'s to say)."""
    cleaned = text.strip()
    if not _PERCENT.fullmatch(cleaned):
        raise argparse.ArgumentTypeError(not_a_percentage(f"“{text}”").rstrip("."))
    return Decimal(cleaned.rstrip("%"))


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "settle-tax", _("record the payment (or refund) of a period's tax return"),
        _("Post the net due of the tax return from --from to --to, paid on --date from --bank (a "
          "refund: received into it), clearing the tax accounts for that period. A period (or "
          "one overlapping it) is settled once."),
    )
    sub.add_argument("path", metavar="PATH", help=_("the book file"))
    dated = {"type": parse_date, "metavar": "DATE", "required": True}
    sub.add_argument("--from", dest="start", **dated, help=_("first day of the period"))
    sub.add_argument("--to", dest="end", **dated, help=_("last day of the period"))
    sub.add_argument("--date", **dated, help=_("the day the money moved (after the period)"))
    sub.add_argument("--bank", metavar="CODE", help=_("bank account code (default: the first)"))
    sub = command(
        commands, "tax-code", _("create a tax code, or change one"),
        _("Create the tax code NAME on --side, or give it a new --rate or --account while no "
          "posted document uses it (a used code keeps both: make a new code instead)."),
    )
    sub.add_argument("path", metavar="PATH", help=_("the book file"))
    sub.add_argument("name", metavar="NAME", help=_('the code\'s name, e.g. "Standard 20%%"'))
    sub.add_argument("--rate", required=True, type=parse_rate, metavar="R",
                     help=_("percent, e.g. 20 or 5.5"))
    sub.add_argument("--side", required=True, choices=sorted(SIDES),
                     help=_("used on sales (invoices) or purchases (bills)"))
    sub.add_argument("--account", metavar="CODE",
                     help=_("where its tax posts (default: the Sales Tax account)"))


def run_settle_tax(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.domain.tax_settlement import settled_words
    from ledgerdesk.reports.periods import Period
    from ledgerdesk.services.tax_settlement import settle_tax

    if args.start > args.end:
        raise CliError(_("--from {start} is after --to {end}.").format(
                           start=args.start.isoformat(),
                           end=args.end.isoformat()))
    with opened(args.path) as book:
        settled = settle_tax(book, Period(args.start, args.end), args.date, args.bank)
        with book.read() as tx:
            bank = tx.accounts()[settled.bank_account_code].name
    out.write(worded(settled_words(settled, bank), _with_currency) + "\n")
    return 0


def run_tax_code(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.services.tax_codes import save_tax_code

    with opened(args.path) as book:
        saved = save_tax_code(book, args.name, args.rate, SIDES[args.side], args.account)
    out.write(f"{saved.words}\n")
    return 0


def _with_currency(amount: Any) -> str:
    return f"{plain_amount(amount)} {amount.currency}"
