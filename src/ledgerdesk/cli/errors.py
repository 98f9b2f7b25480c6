"""Command-line input errors and the strict parsers for dates, amounts and allocations.

Every parser raises ``CliError`` (or argparse's ``ArgumentTypeError``) with one sentence
that names the bad text, so the user sees one line and no traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import TYPE_CHECKING

from ledgerdesk.cli.arguments import text as utf8_text
from ledgerdesk.domain.date_limits import DATE_RANGE, off_calendar
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.whole_numbers import whole_number

if TYPE_CHECKING:  # decimal and money load with the first amount: `--help` needs neither
    from decimal import Decimal

# Plain decimals with a dot, whatever the locale: no group separators, exponents, NaN or inf.
_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CliError(Exception):
    """Bad command-line input or a request the command cannot carry out; one sentence."""


def check_bom(args: argparse.Namespace) -> None:
    """``--bom`` marks a CSV file for Excel; without ``--csv`` there is no file to mark."""
    if args.bom and args.csv is None:
        raise CliError(_("--bom goes with --csv FILE."))


def parse_amount(text: str) -> Decimal:
    """``1234.56`` exactly; ``1,234.56``, ``1e5``, ``NaN`` and ``inf`` are refused."""
    cleaned = text.strip()
    if not _PLAIN_DECIMAL.fullmatch(cleaned):
        raise argparse.ArgumentTypeError(
            _("{text!r} is not an amount; write a plain number with a dot for decimals, like "
              "1234.56").format(text=text)
        )
    from decimal import Decimal

    return Decimal(cleaned)


def parse_date(text: str) -> dt.date:
    """An ISO date, ``YYYY-MM-DD``, and a real one (no 30 February) on the calendar a book
    keeps, 0001-01-01 to 9999-12-31."""
    cleaned = text.strip()
    if off_calendar(cleaned):
        raise argparse.ArgumentTypeError(_("{text!r} is off the calendar; dates run from "
                                           "{date_range}").format(
            text=text,
            date_range=DATE_RANGE))
    if not _ISO_DATE.fullmatch(cleaned):
        raise argparse.ArgumentTypeError(_("{text!r} is not a date; write it as YYYY-MM-DD").format(
                                             text=text))
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a real "
                                           "date").format(text=text)) from None


def parse_allocation(text: str) -> tuple[str, Decimal]:
    """``DOC=AMOUNT``, e.g. ``INV-00012=120.00``."""
    number, sep, amount = utf8_text(text).rpartition("=")
    if not sep or not number.strip():
        raise argparse.ArgumentTypeError(
            _("{text!r} is not an allocation; write DOCUMENT=AMOUNT, like INV-00012=120.00").format(
                text=text)
        )
    return number.strip(), parse_amount(amount)


def non_negative_int(text: str) -> int:
    number = whole_number(text)
    if number is None:
        raise argparse.ArgumentTypeError(_("{text!r} is not a whole number of zero or more").format(
                                             text=text))
    return number


def check_places(amount: Decimal, currency: str, label: str) -> None:
    """Refuse an amount that the currency's minor unit would round (``1.234`` in EUR).

    ``label`` is the argument as the user wrote it, e.g. ``--amount 1.234``.
    """
    from decimal import InvalidOperation

    from ledgerdesk.domain.money import minor_exponent, quantize

    try:
        rounded = quantize(amount, currency)
    except InvalidOperation:
        raise CliError(_("{label} is far too large.").format(label=label)) from None
    if rounded != amount:
        places = minor_exponent(currency)
        raise CliError(_("{label} has more decimal places than {currency} allows "
                         "({places}).").format(
                           label=label,
                           currency=currency,
                           places=places))


def check_locale(tag: str) -> str:
    """A locale Babel knows (``de_DE``, ``fr``), or a one-line CliError."""
    from ledgerdesk.presentation.locales import babel_locale

    try:
        babel_locale(tag)
    except ValueError:
        raise CliError(_("{tag!r} is not a locale; use a code like en_US, de_DE or fr_FR.").format(
                           tag=tag)) from None
    return tag.replace("-", "_")
