"""The New book dialog's checks without Qt: where the file goes, the company, the currency,
the fiscal year start.

The same rules as ``ledgerdesk new`` and ``services.setup.initialise_book``, which checks
them again: a currency must be an ISO 4217 code (``domain.currencies``), a company name
must hold no control or bidi-override characters (``domain.plain_text``), a fiscal year
starts on a month and day every year has (``domain.fiscal_year``: 02-29 is refused).
"""

from __future__ import annotations

from pathlib import Path

from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.fiscal_year import fiscal_year_problem
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import text_problem

#: Offered in the currency box; any other ISO 4217 code may be typed.
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "JPY",
              "INR", "ZAR", "BRL", "MXN", "PLN", "CZK", "KWD")


def company_problem(company: str) -> str:
    """Why ``company`` cannot be the new book's company name; "" when it can."""
    if not company.strip():
        return _("Type the company's name.")
    return text_problem(company, _("company name"))


def new_book_problem(path: Path, company: str, currency: str,
                     fiscal_year_start: str = "01-01") -> str:
    """Why a new book cannot be made from what the dialog says, in one sentence (the
    company first, then the file, the currency, the fiscal year start); "" when it can."""
    if why := company_problem(company):
        return why
    if not path.name:
        return _("Choose where to keep the book.")
    if path.exists():
        return _("{path} already exists; choose another name.").format(path=path)
    return currency_problem(currency) or fiscal_year_problem(fiscal_year_start)
