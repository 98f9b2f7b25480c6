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
from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.i18n import _

__all__ = [
    "DEFAULT_COMPANY",
    "book_settings",
    "build_demo_book",
    "check_currency",
    "opened",
    "remove_book_files",
]


def check_currency(currency: str) -> str:
    """An ISO 4217 code (``eur`` is read as EUR), or a one-line CliError naming the text."""
    if why := currency_problem(currency):
        raise CliError(_("--currency {why}").format(why=why))
    return currency.strip().upper()
