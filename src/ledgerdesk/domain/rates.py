"""Exchange rates: home units per one foreign unit (home = foreign × rate), by day.

A rate is kept to ``RATE_PLACES`` decimal places, rounded half to even, whether typed or
computed: the ECB quotes foreign units per euro to about five significant digits, and a
cross rate through the euro (CHF per USD = CHF per EUR / USD per EUR) or an inverted one
(EUR per JPY) needs more places than the quote had to keep those digits: 12 places keep at
least seven significant digits for every pair of the ECB's currencies (the smallest, KWD
or GBP per IDR, is about 2e-5).  A rate is stored as its exact decimal text, never a float.

The rate of a currency on a day is the latest on or before it; a day before the first is a
named problem (``NoRate``), never a silent 1.  The home currency's rate is 1 by definition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext

from ledgerdesk.domain.currencies import currency_problem, is_iso_currency
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotFound, Problem

#: Decimal places every stored rate is rounded to (half to even).
RATE_PLACES = 12
_QUANTUM = Decimal(1).scaleb(-RATE_PLACES)
#: The smallest rate that survives the rounding, and a bound no real rate comes near.
SMALLEST_RATE = _QUANTUM
LARGEST_RATE = Decimal(1_000_000_000)


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    """``rate`` home units buy one ``currency`` from ``date`` on (until the next rate)."""

    date: dt.date
    currency: str
    rate: Decimal


def rounded_rate(value: Decimal) -> Decimal:
    """``value`` to ``RATE_PLACES`` places, half to even, without trailing zeros."""
    with localcontext() as ctx:
        ctx.prec = 60
        rounded = value.quantize(_QUANTUM, rounding=ROUND_HALF_EVEN)
    return Decimal(format(rounded.normalize(), "f")) if rounded else Decimal(0)


def rate_text(value: Decimal) -> str:
    """A rate as the book stores it and every message writes it: ``0.9312`` (a dot in any
    locale, like a tax code's rate in a sentence), never an exponent."""
    return format(rounded_rate(value), "f")


def cross_rate(home_per_eur: Decimal, foreign_per_eur: Decimal) -> Decimal:
    """Home units per foreign unit from two quotes against the euro (foreign units per one
    euro, as the ECB publishes them); for a EUR home, ``home_per_eur`` is 1."""
    with localcontext() as ctx:
        ctx.prec = 60
        return rounded_rate(home_per_eur / foreign_per_eur)


def from_eur_quotes(home: str, quotes: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """One day's ECB quotes (foreign units per euro) as rates in ``home``: every quoted
    currency a book may use, and the euro itself when home is not the euro.  ``{}`` when
    the day has no quote for ``home`` (nothing can be converted)."""
    if home == "EUR":
        home_per_eur = Decimal(1)
    elif home in quotes:
        home_per_eur = quotes[home]
    else:
        return {}
    rates = {code: cross_rate(home_per_eur, quote) for code, quote in quotes.items()
             if code != home and is_iso_currency(code)}
    if home != "EUR":
        rates["EUR"] = rounded_rate(home_per_eur)
    return rates


def rate_problems(currency: str, rate: Decimal, home: str) -> list[Problem]:
    """Every problem with a rate for ``currency`` in a book kept in ``home``, by field."""
    problems: list[Problem] = []
    code = currency.strip().upper()
    if why := currency_problem(currency):
        problems.append(Problem("currency", "unknown_currency", why))
    elif code == home:
        problems.append(Problem("currency", "home_currency",
                                _("Rates are for foreign currencies: {home} is this book's own "
                                  "currency, always at 1.").format(home=home)))
    problems += _rate_value_problems(rate)
    return problems


def _rate_value_problems(rate: Decimal) -> list[Problem]:
    try:
        finite = rate.is_finite()
    except (AttributeError, InvalidOperation):
        finite = False
    if not finite:
        return [Problem("rate", "not_a_number", _("A rate is a number."))]
    if rate <= 0:
        return [Problem("rate", "not_positive", _("A rate must be more than 0."))]
    if rate >= LARGEST_RATE:
        return [Problem("rate", "too_large", _("A rate must be less than {largest_rate:,}.").format(
                                                 largest_rate=LARGEST_RATE))]
    if rounded_rate(rate) == 0:
        return [Problem("rate", "too_small",
                        _("A rate must be at least {smallest_rate:f}: rates are kept to "
                          "{rate_places} decimal places.").format(
                            smallest_rate=SMALLEST_RATE, rate_places=RATE_PLACES))]
    return []


def rate_sentence(rate: ExchangeRate, home: str) -> str:
    """``USD on 2026-12-04: 1 USD = 0.9312 CHF``."""
    return (_("{currency} on {date}: 1 {currency} = {rate_text} {home}").format(
                currency=rate.currency, date=rate.date.isoformat(),
                rate_text=rate_text(rate.rate), home=home))


class NoRate(NotFound):
    """The book holds no rate for ``currency`` on or before ``date``; ``problem`` is the
    same as a field problem (``exchange_rate``) for a form."""

    def __init__(self, currency: str, date: dt.date, first: dt.date | None = None) -> None:
        self.currency, self.date, self.first = currency, date, first
        later = (_(" (its first {currency} rate is of {date})").format(
                     currency=currency, date=first.isoformat())
                 if first is not None else "")
        self.problem = Problem(
            "exchange_rate", "no_rate",
            _("The book has no {currency} rate on or before {date}{later}: add one, or "
              "import the ECB's rates file.").format(
                currency=currency, date=date.isoformat(), later=later))
        super().__init__(self.problem.message)
