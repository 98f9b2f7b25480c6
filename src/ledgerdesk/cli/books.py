"""Book helpers for the command line: the shared book files plus the CLI's own checks."""

from __future__ import annotations

from ledgerdesk.app.files import (
    DEFAULT_COMPANY,
    book_settings,
    build_demo_book,
    opened,
    remove_book_files,
)
from ledgerdesk.cli.errors import CliError
from ledgerdesk.domain.money import is_currency_code

__all__ = [
    "DEFAULT_COMPANY",
    "book_settings",
    "build_demo_book",
    "check_currency",
    "opened",
    "remove_book_files",
]


def check_currency(currency: str) -> str:
    code = currency.strip().upper()
    if not is_currency_code(code):
        raise CliError(f"{currency!r} is not a currency code; use three letters, like EUR.")
    return code
