"""``ledgerdesk new PATH --company NAME --currency CODE [--fiscal-year-start MM-DD]``: an
empty book, set up as the window's New book dialog sets one up (the same service checks the
company, the ISO 4217 currency and the fiscal year start; a refused book leaves no file)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ledgerdesk.app.files import new_book
from ledgerdesk.cli.errors import CliError
from ledgerdesk.domain.i18n import _


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "new", _("create an empty book"),
        _("Create an empty book at PATH with the default chart of accounts, as File > New book "
          "does in the window."),
    )
    sub.add_argument("path", metavar="PATH", help=_("the book file to create (must not exist)"))
    sub.add_argument("--company", required=True, metavar="NAME", help=_("the company's name"))
    sub.add_argument("--currency", required=True, metavar="CODE",
                     help=_("the home currency, an ISO 4217 code such as EUR, USD or GBP"))
    sub.add_argument("--fiscal-year-start", default="01-01", metavar="MM-DD",
                     help=_("the first day of the fiscal year (default 01-01)"))


def run_new(args: argparse.Namespace, out: TextIO) -> int:
    path = Path(args.path)
    if path.exists() or path.is_symlink():
        raise CliError(_("{path} already exists; choose another path.").format(path=path))
    currency = args.currency.strip().upper()
    book = new_book(path, company=args.company.strip(), currency=currency,
                    fiscal_year_start=args.fiscal_year_start)
    book.close()
    out.write(_("Created book {path} for {company} ({currency}), fiscal year from "
                "{fiscal_year_start}.").format(
        path=path,
        company=args.company.strip(),
        currency=currency,
        fiscal_year_start=args.fiscal_year_start.strip()) + "\n")
    return 0
