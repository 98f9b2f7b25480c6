"""File > Exchange rates… without Qt: the rates the book holds, either the latest of each
currency (the overview) or one currency's history, newest first; dates and rates written
in the locale.  ``ledgerdesk list rates`` lists the same from the same service."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ledgerdesk.domain.i18n import N_, _, ngettext
from ledgerdesk.domain.rates import ExchangeRate
from ledgerdesk.presentation.amount_format import format_count
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.numbers import NumberText
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.rate_import import import_ecb_rates
from ledgerdesk.services.rates import latest_rates, list_rates, rate_currencies

#: The currency picker's first choice: every currency's latest rate.
LATEST = ""
NOTE = N_("A rate is how much of {home} one unit of a currency is worth on a day, until the "
          "next: a document or payment takes the latest on or before its date.")


@dataclass(frozen=True, slots=True)
class RateRow:
    date: str
    currency: str
    rate: str
    record: ExchangeRate


class RateList:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._dates = DateFormatter(session.locale)
        self._number = NumberText(session.locale)
        self.currency = LATEST
        self.currencies: list[tuple[str, int]] = []
        self.rows: list[RateRow] = []

    @property
    def note(self) -> str:
        return _(NOTE).format(home=self.session.currency)

    def choices(self) -> list[tuple[str, str]]:
        """(code, label) for the currency picker, the overview first."""
        return [(LATEST, _("Latest of each currency"))] + [
            (code, f"{code} ({format_count(count, self.session.locale)})")
            for code, count in self.currencies]

    def reload(self, currency: str | None = None) -> list[RateRow]:
        if currency is not None:
            self.currency = currency
        book = self.session.book
        self.currencies = rate_currencies(book)
        if self.currency and self.currency not in dict(self.currencies):
            self.currency = LATEST
        records = latest_rates(book) if self.currency == LATEST else list_rates(book,
                                                                                self.currency)
        self.rows = [self._row(rate) for rate in records]
        return self.rows

    def _row(self, rate: ExchangeRate) -> RateRow:
        return RateRow(self._dates.short(rate.date), rate.currency, self._number(rate.rate), rate)

    def count_text(self) -> str:
        locale = self.session.locale
        total = sum(count for _, count in self.currencies)
        rates = ngettext("{count} rate", "{count} rates", total).format(
            count=format_count(total, locale))
        if self.currency == LATEST:
            count = len(self.currencies)
            return ngettext("{rates} in {count} currency", "{rates} in {count} currencies",
                            count).format(rates=rates, count=format_count(count, locale))
        shown = len(self.rows)
        return ngettext("{count} {currency} rate", "{count} {currency} rates", shown).format(
            count=format_count(shown, locale), currency=self.currency)

    def index_of(self, currency: str, date: dt.date) -> int | None:
        return next((i for i, row in enumerate(self.rows)
                     if (row.record.currency, row.record.date) == (currency, date)), None)

    def import_file(self, path: Path) -> str:
        """The ECB's file imported; the summary in the command line's words (one line
        each), or ``EcbFileError``/``NotAllowed``/``BookFailure`` for the caller to show."""
        return "\n".join(import_ecb_rates(self.session.book, path).words)
