"""Exchange rates: keep one (typed), look one up for a day, list them.

``rate_on`` / ``rate_on_in`` answer "the rate for currency C on date D": the latest rate on
or before D, the home currency at 1, else ``NoRate`` (a named problem, never a silent 1).
Documents and payments in a foreign currency take their rate from it unless the user types
one.  A typed rate for a day that has one replaces it (the user is correcting it, and the
audit log keeps the old one); the ECB import (``rate_import``) never replaces one.  Rates
post nothing, so the lock date does not hold them: a rate inside it is fine, and changing
one changes no booked document (each keeps the rate it was booked at).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import Problem, ValidationFailed
from ledgerdesk.domain.rates import (
    ExchangeRate,
    NoRate,
    rate_problems,
    rate_sentence,
    rate_text,
    rounded_rate,
)
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.rate_ports import rated
from ledgerdesk.services.setup import base_currency


@dataclass(frozen=True, slots=True)
class SavedRate:
    rate: ExchangeRate
    home: str
    replaced: Decimal | None  # the day's rate before, if there was one
    unchanged: bool = False  # the same rate was there already

    @property
    def words(self) -> str:
        """The one sentence both faces say."""
        said = rate_sentence(self.rate, self.home)
        if self.unchanged:
            return _("Already in the book: {said}; nothing changed.").format(said=said)
        if self.replaced is not None:
            return _("Replaced the rate of {said} (was {rate_text}).").format(
                       said=said, rate_text=rate_text(self.replaced))
        return _("Saved the rate of {said}.").format(said=said)


def save_rate(book: Book, currency: str, rate: Decimal, date: dt.date) -> SavedRate:
    """Keep the rate of ``currency`` on ``date`` (replacing that day's), or raise
    ``ValidationFailed`` with every problem and change nothing."""
    code = currency.strip().upper()
    with book.write() as tx:
        home = base_currency(tx)
        problems = rate_problems(currency, rate, home)
        if problems:
            raise ValidationFailed(problems)
        wanted = ExchangeRate(date, code, rounded_rate(rate))
        rates = rated(tx)
        before = rates.rate_on(code, date)
        if before is not None and before.date == date and before.rate == wanted.rate:
            return SavedRate(wanted, home, None, unchanged=True)
        replaced = rates.put_rate(wanted)
        return SavedRate(wanted, home, replaced)


def rate_on_in(tx: Transaction, currency: str, date: dt.date) -> ExchangeRate:
    """The rate of ``currency`` on ``date`` inside the caller's transaction: the latest on
    or before it (its own date kept), the home currency's 1, or ``NoRate``."""
    code = currency.strip().upper()
    if code == base_currency(tx):
        return ExchangeRate(date, code, Decimal(1))
    rates = rated(tx)
    found = rates.rate_on(code, date)
    if found is None:
        first = rates.first_rate(code)
        raise NoRate(code, date, first.date if first is not None else None)
    return found


def rate_on(book: Book, currency: str, date: dt.date) -> ExchangeRate:
    """``rate_on_in`` in a read of its own."""
    with book.read() as tx:
        return rate_on_in(tx, currency, date)


def currency_filter(currency: str | None) -> str | None:
    """A list's ``--currency`` as a code, or ``ValidationFailed`` naming it."""
    if currency is None:
        return None
    if why := currency_problem(currency):
        raise ValidationFailed([Problem("currency", "unknown_currency", why)])
    return currency.strip().upper()


def list_rates(book: Book, currency: str | None = None) -> Iterator[ExchangeRate]:
    """Every rate (or one currency's), newest first, then by currency; streamed from one
    read.  An unknown ``currency`` is refused before anything is read."""
    code = currency_filter(currency)

    def rows() -> Iterator[ExchangeRate]:
        with book.read() as tx:
            yield from rated(tx).exchange_rates(code)

    return rows()


def rate_currencies(book: Book) -> list[tuple[str, int]]:
    """The currencies the book has rates for, with how many, by code."""
    with book.read() as tx:
        return rated(tx).rate_currencies()


def home_currency(book: Book) -> str:
    with book.read() as tx:
        return base_currency(tx)


def latest_rates(book: Book) -> list[ExchangeRate]:
    """Each currency's newest rate, by currency."""
    with book.read() as tx:
        rates = rated(tx)
        found = (rates.rate_on(code, dt.date.max) for code, _ in rates.rate_currencies())
        return [rate for rate in found if rate is not None]
