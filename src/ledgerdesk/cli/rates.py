"""``ledgerdesk rate PATH CURRENCY RATE --date D`` (keep a rate), ``import rates PATH FILE``
(the ECB's file) and the ``list rates`` columns: exchange rates, home units per one foreign
unit."""

from __future__ import annotations

import argparse
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from ledgerdesk.cli.arguments import file_name
from ledgerdesk.cli.books import opened
from ledgerdesk.cli.errors import CliError, parse_date
from ledgerdesk.cli.output import Column
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.rates import rate_text

_PLAIN = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")

#: One row per rate (``domain.rates.ExchangeRate``), newest first.
RATE_COLUMNS = (
    Column("date", N_("Date"), 10, lambda r: r.date),
    Column("currency", N_("Cur"), 3, lambda r: r.currency),
    Column("rate", N_("Rate"), 20, lambda r: rate_text(r.rate), numeric=True),
)


def parse_rate(text: str) -> Decimal:
    """``0.9312`` exactly: a plain number with a dot (``1,2``, ``1e5``, ``NaN`` refused)."""
    cleaned = text.strip()
    if not _PLAIN.fullmatch(cleaned):
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a rate; write a plain number with a dot for decimals, like "
              "0.9312 (your currency's units for one of the foreign currency)").format(text=text))
    return Decimal(cleaned)


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "rate", _("keep an exchange rate: home units per one foreign unit"),
        _("Keep the rate of CURRENCY on --date: how many units of the book's own currency one "
          "unit of CURRENCY is worth (home = foreign x RATE), to 12 decimal places. A rate for "
          "a day that has one replaces it. The rate of a day is the latest on or before it "
          "(documents and payments in other currencies, which are to use it, are still "
          "refused). `import rates` reads the ECB's files; `list rates` lists them."),
    )
    sub.add_argument("path", type=file_name, metavar="PATH", help=_("the book file"))
    sub.add_argument("currency", metavar="CURRENCY", help=_("an ISO 4217 code, like USD"))
    sub.add_argument("rate", type=parse_rate, metavar="RATE",
                     help=_("home units per one CURRENCY, a plain number: 0.9312"))
    sub.add_argument("--date", required=True, type=parse_date, metavar="DATE",
                     help=_("the day the rate is of, YYYY-MM-DD"))


def run_rate(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.services.rates import save_rate

    with opened(args.path) as book:
        saved = save_rate(book, args.currency, args.rate, args.date)
    out.write(f"{saved.words}\n")
    return 0


def run_import_rates(args: argparse.Namespace, out: TextIO) -> int:
    """``import rates PATH FILE``: the ECB's ``eurofxref(-hist)`` zip or CSV."""
    from ledgerdesk.services.rate_import import EcbFileError, import_ecb_rates

    other = [flag for flag, given in (
        ("--map", args.map), ("--create-contacts", args.create_contacts),
        ("--as-of", args.as_of), ("--accept-suggestions", args.accept_suggestions),
        ("--bank", args.bank), ("--keep-excess-as-credit", args.keep_excess_as_credit),
    ) if given]
    if other:
        raise CliError(_("{other} is not for rates: an ECB file needs only its path (and "
                         "--dry-run, to see what it would add).").format(other=other[0]))
    with opened(args.path) as book:
        try:
            result = import_ecb_rates(book, Path(args.file), dry_run=args.dry_run)
        except EcbFileError as exc:
            raise CliError(str(exc)) from None
    for line in result.words:
        out.write(f"{line}\n")
    return 0
