"""``ledgerdesk settings PATH``: print the book's settings, or change one.

``--tax-rounding per-line|per-document`` chooses how tax is rounded on the documents saved
from now on (posted documents keep their amounts, and the command says so)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ledgerdesk.cli.books import opened
from ledgerdesk.domain.tax_rounding import TaxRounding

ROUNDINGS = tuple(r.words for r in TaxRounding)


def add_parser(commands: Any, command: Any) -> None:
    sub = command(commands, "settings", "print the book's settings, or change them",
                  "Print the book's settings; with an option, change that setting first.")
    sub.add_argument("path", metavar="PATH", help="the book file")
    sub.add_argument("--tax-rounding", choices=ROUNDINGS,
                     help="round tax on each line, or once per tax code per document "
                          "(documents saved from now on)")


def run_settings(args: argparse.Namespace, out: TextIO) -> int:
    from ledgerdesk.services.settings import (
        TAX_ROUNDING_NOTE,
        read_settings,
        set_tax_rounding,
        tax_rounding,
    )

    with opened(args.path) as book:
        if args.tax_rounding is not None:
            chosen = TaxRounding.from_words(args.tax_rounding)
            changed = set_tax_rounding(book, chosen)
            said = "is now" if changed else "was already"
            out.write(f"Tax rounding {said} {_words(chosen)}. {TAX_ROUNDING_NOTE}\n\n")
        settings, rounding = read_settings(book), tax_rounding(book)
    for label, value in (("Company", settings.company), ("Currency", settings.currency),
                         ("Locale", settings.locale or "(the system's)"),
                         ("Tax rounding", _words(rounding))):
        out.write(f"{label}: {value}\n")
    return 0


def _words(rounding: TaxRounding) -> str:
    return rounding.words.replace("-", " ")
