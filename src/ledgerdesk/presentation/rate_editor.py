"""The Add rate form without Qt: a day (in the locale, or ISO), a currency code and a rate
(home units per one unit, typed in the locale), as ``ledgerdesk rate`` keeps them.

Problems are live, by field, in the domain's words (the command line's); ``save`` calls
``save_rate``, which checks again in its transaction (a rate for a day that has one
replaces it), and ``message`` is then the command line's sentence.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.domain.rates import rate_problems
from ledgerdesk.presentation.dates import DateError, DateFormatter, parse_date
from ledgerdesk.presentation.field_problems import by_field
from ledgerdesk.presentation.numbers import NumberError, parse_number
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.rates import SavedRate, save_rate

FIELDS = ("date", "currency", "rate")
#: Decimals read from the form; the rate is then kept to the domain's 12 places.
TYPED_PLACES = 20


class RateEditor:
    def __init__(self, session: Session, currency: str = "") -> None:
        self.session = session
        self.values = {"date": DateFormatter(session.locale).short(session.clock()),
                       "currency": currency, "rate": ""}
        self.saved: SavedRate | None = None
        self.message = ""

    @property
    def rate_label(self) -> str:
        """``Rate (CHF per unit)``: what the number means, beside the field."""
        return _("{currency} per unit").format(currency=self.session.currency)

    def changed(self, **typed: str) -> bool:
        return typed != self.values

    def _read(self, date: str, rate: str) -> tuple[dict[str, str], dt.date | None,
                                                    Decimal | None]:
        problems: dict[str, str] = {}
        day = number = None
        try:
            day = parse_date(date, self.session.locale)
        except DateError as exc:
            problems["date"] = str(exc)
        try:
            number = parse_number(rate, self.session.locale, TYPED_PLACES)
        except NumberError as exc:
            problems["rate"] = str(exc)
        return problems, day, number

    def problems(self, *, date: str, currency: str, rate: str) -> dict[str, str]:
        """Everything wrong with the form as typed, by field; empty when it can be saved."""
        problems, _, number = self._read(date, rate)
        checked = rate_problems(currency, Decimal(1) if number is None else number,
                                self.session.currency)
        for problem in checked:
            problems.setdefault(problem.field, problem.message)
        return problems

    def save(self, *, date: str, currency: str, rate: str) -> dict[str, str]:
        """Save through the service; the problems by field (``book`` for the file's own),
        or {} with ``saved`` and ``message`` set."""
        problems = self.problems(date=date, currency=currency, rate=rate)
        if problems:
            return problems
        _problems, day, number = self._read(date, rate)
        if day is None or number is None:  # problems() read them: never reached
            return {"book": _("The form could not be read; check the date and the rate.")}
        try:
            self.saved = save_rate(self.session.book, currency, number, day)
        except ValidationFailed as exc:
            return by_field(exc.problems, FIELDS, problems)
        except (NotFound, NotAllowed, BookFailure) as exc:
            return {"book": str(exc)}
        self.message = self.saved.words
        return {}
