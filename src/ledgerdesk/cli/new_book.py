"""``ledgerdesk new PATH --company NAME --currency CODE [--fiscal-year-start MM-DD]``: an
empty book, set up as the window's New book dialog sets one up (the same service checks the
company, the ISO 4217 currency and the fiscal year start; a refused book leaves no file)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ledgerdesk.app.files import new_book
from ledgerdesk.cli.errors import CliError


def add_parser(commands: Any, command: Any) -> None:
    sub = command(
        commands, "new", "create an empty book",
        "Create an empty book at PATH with the default chart of accounts, as File > New "
        "book does in the window.",
    )
    sub.add_argument("path", metavar="PATH", help="the book file to create (must not exist)")
    sub.add_argument("--company", required=True, metavar="NAME", help="the company's name")
    sub.add_argument("--currency", required=True, metavar="CODE",
                     help="the home currency, an ISO 4217 code such as EUR, USD or GBP")
    sub.add_argument("--fiscal-year-start", default="01-01", metavar="MM-DD",
                     help="the first day of the fiscal year (default 01-01)")


def run_new(args: argparse.Namespace, out: TextIO) -> int:
    path = Path(args.path)
    if path.exists() or path.is_symlink():
        raise CliError(f"{path} already exists; choose another path.")
    currency = args.currency.strip().upper()
    book = new_book(path, company=args.company.strip(), currency=currency,
                    fiscal_year_start=args.fiscal_year_start)
    book.close()
    out.write(f"Created book {path} for {args.company.strip()} ({currency}), fiscal year from "
              f"{args.fiscal_year_start.strip()}.\n")
    return 0
