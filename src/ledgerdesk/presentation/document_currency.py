"""``DocumentCurrency``: an invoice, bill or credit note form's currency and exchange rate,
without Qt (issue 15).

The currency starts as the contact's (else the book's) and follows the contact until the
user picks one.  A foreign currency has a rate (home units per one unit): the book's rate
of the document's date, which follows the date and the currency until the user types one of
their own; a rate the book lacks is the rate field's problem in the service's words (the
``NoRate`` sentence), and what the user typed is kept whatever else changes.  Saving passes
the typed rate, or None so that ``build_document`` takes the same book rate it showed.
The payment form uses it for a foreign bank account's rate, which ``build_payment`` takes
the same way.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.numbers import get_currency_name

from ledgerdesk.domain.currencies import ISO_CURRENCIES, currency_problem
from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.rates import NoRate, rate_problems
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.locales import babel_locale
from ledgerdesk.presentation.numbers import NumberError, NumberText, parse_number
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.rates import rate_on

#: Decimals read from a typed rate; the book keeps it to the domain's 12 places.
RATE_TYPED_PLACES = 20


def currency_choices(locale: str, first: str = "") -> list[tuple[str, str]]:
    """Every ISO 4217 code a book takes as (code, "USD — US Dollar"), by code, ``first``
    (the home currency) at the top: typing any part of the code or the name finds it."""
    where = babel_locale(locale)

    def label(code: str) -> str:
        name = get_currency_name(code, locale=where)
        return code if name == code else f"{code} — {name}"

    codes = sorted(ISO_CURRENCIES)
    if first in ISO_CURRENCIES:
        codes.remove(first)
        codes.insert(0, first)
    return [(code, label(code)) for code in codes]


def code_of(text: str) -> str:
    """The code in a picker's text: ``usd``, ``USD`` or ``USD — US Dollar``."""
    return text.strip().split(" ", 1)[0].strip().upper()


class DocumentCurrency:
    def __init__(self, session: Session, date: dt.date) -> None:
        self.session = session
        self.home = session.currency
        self.code = session.currency
        self.date = date
        self.chosen = False  # the user picked the currency: a contact no longer moves it
        self.typed: str | None = None  # the user's own rate text, kept as typed
        self.currency_error = ""
        self.saved_problem = ""  # the service's word on ``exchange_rate``, until edited
        self._book_rate: Decimal | None = None
        self._missing = ""
        self._look_up()

    # ---- what the user does -------------------------------------------------------------

    def follow_contact(self, currency: str | None) -> None:
        """Another contact: its currency (else the book's), unless the user picked one."""
        if not self.chosen:
            self._set_code(currency or self.home)

    def choose(self, text: str) -> None:
        """The user picked or typed a currency; a code the book cannot take is the
        currency field's problem, and the form keeps the last good one meanwhile."""
        code = code_of(text)
        self.currency_error = currency_problem(code)
        if self.currency_error:
            return
        self.chosen = True
        self._set_code(code)

    def use(self, code: str) -> None:
        """The form sets the currency (a payment's is its bank account's)."""
        self._set_code(code)

    def set_date(self, date: dt.date) -> None:
        self.date = date
        self._look_up()

    def type_rate(self, text: str) -> None:
        """The user's rate; typing exactly the book's rate (or nothing) hands it back."""
        self.saved_problem = ""
        self.typed = text if text.strip() and text != self._book_text else None

    def load(self, code: str, rate: Decimal, posted: bool) -> None:
        """A saved document: its currency, and its rate kept as its own when it is not the
        book's rate of its date (always, once it is posted: it was booked at it)."""
        self.chosen = True
        self._set_code(code)
        if self.foreign and (posted or rate != self._book_rate):
            self.typed = NumberText(self.session.locale)(rate)

    # ---- what the form shows ------------------------------------------------------------

    @property
    def foreign(self) -> bool:
        return self.code != self.home

    @property
    def fmt(self) -> AmountFormatter:
        return AmountFormatter(self.session.locale, self.code)

    @property
    def rate_text(self) -> str:
        """What the rate field shows: the user's text, else the book's rate of the date."""
        return self.typed if self.typed is not None else self._book_text

    @property
    def rate_label(self) -> str:
        return _("{home} per {currency}").format(home=self.home, currency=self.code)

    @property
    def rate_problem(self) -> str:
        """Why the rate field cannot be saved as it is; "" when it can."""
        if not self.foreign:
            return ""
        if self.typed is None:
            return self._missing or self.saved_problem
        try:
            value = parse_number(self.typed, self.session.locale, RATE_TYPED_PLACES)
        except NumberError as exc:
            return str(exc)
        problems = [p for p in rate_problems(self.code, value, self.home) if p.field == "rate"]
        return problems[0].message if problems else self.saved_problem

    @property
    def can_save(self) -> bool:
        """A known currency, and a typed rate that reads (a missing book rate is left for
        the service to say on saving: the user may add the rate meanwhile)."""
        return not self.currency_error and not (self.typed is not None and self.rate_problem)

    @property
    def rate(self) -> Decimal | None:
        """The rate the draft names: the typed one; None for the book's (or at home)."""
        if not self.foreign or self.typed is None:
            return None
        try:
            return parse_number(self.typed, self.session.locale, RATE_TYPED_PLACES)
        except NumberError:
            return None

    def home_line(self, total: Decimal) -> str:
        """``= 900.00 EUR at 0.9``: the total at home, at the rate shown ("" at home, or
        while there is no rate to show)."""
        rate = self.rate if self.typed is not None else self._book_rate
        if not self.foreign or rate is None or rate <= 0 or self.rate_problem:
            return ""
        home = at_rate(Money(total, self.code), rate, self.home)
        return _("= {amount} {home} at {rate}").format(
            amount=AmountFormatter(self.session.locale, self.home).format(home.amount),
            home=self.home, rate=self.rate_text)

    # ---- internals ----------------------------------------------------------------------

    @property
    def _book_text(self) -> str:
        if not self.foreign or self._book_rate is None:
            return ""
        return NumberText(self.session.locale)(self._book_rate)

    def _set_code(self, code: str) -> None:
        if code != self.code:
            self.typed = None  # a rate belongs to its currency: another one starts afresh
            self.saved_problem = ""
        self.code, self.currency_error = code, ""
        self._look_up()

    def _look_up(self) -> None:
        self._book_rate, self._missing = None, ""
        if not self.foreign:
            return
        try:
            self._book_rate = rate_on(self.session.book, self.code, self.date).rate
        except NoRate as missing:
            self._missing = missing.problem.message
