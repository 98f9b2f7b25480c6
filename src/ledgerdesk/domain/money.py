"""Money: an exact Decimal amount in one ISO 4217 currency.

Amounts are quantized to the currency's minor unit when a Money is built, so every Money
can be stored as integer minor units without loss.  Mixing currencies is an error.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ledgerdesk.domain.currencies import ISO_CURRENCIES
from ledgerdesk.domain.i18n import _

#: The largest amount a book accepts, in major units: far beyond any small business and
#: comfortably inside SQLite's 64-bit integers once scaled to minor units.
MAX_AMOUNT = Decimal(10) ** 13


class CurrencyMismatch(ValueError):
    """Two amounts in different currencies were combined."""


def minor_exponent(currency: str) -> int:
    """Number of decimal places of ``currency``'s minor unit (2 for most, and for any code
    not in ``ISO_CURRENCIES``: what an older book in such a code was written with)."""
    return ISO_CURRENCIES.get(currency, 2)


def is_currency_code(code: str) -> bool:
    """Three capital letters: what ``Money`` needs.  A new book or a typed code must also
    be in ISO 4217 (``domain.currencies.is_iso_currency``)."""
    return len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()


@functools.cache
def _checked_exponent(currency: str) -> int:
    if not is_currency_code(currency):
        raise ValueError(f"not an ISO 4217 currency code: {currency!r}")
    return minor_exponent(currency)


def quantize(amount: Decimal, currency: str) -> Decimal:
    """Round half away from zero to the currency's minor unit."""
    exp = Decimal(1).scaleb(-minor_exponent(currency))
    return amount.quantize(exp, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True, order=False)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise TypeError("Money never takes a float; pass a Decimal, int or str")
        if not is_currency_code(self.currency):
            raise ValueError(f"not an ISO 4217 currency code: {self.currency!r}")
        try:
            value = Decimal(self.amount)
        except (InvalidOperation, TypeError) as exc:
            raise ValueError(f"not an amount: {self.amount!r}") from exc
        if not value.is_finite():
            raise ValueError(f"not a finite amount: {self.amount!r}")
        if abs(value) >= 2 * MAX_AMOUNT:  # far too large even to round within the context
            raise ValueError(f"amount too large: {self.amount!r}")
        value = quantize(value, self.currency)
        if abs(value) >= MAX_AMOUNT:  # after rounding: 9999999999999.995 becomes the limit
            raise ValueError(f"amount too large: {self.amount!r}")
        if value.is_zero():
            value = abs(value)  # never show "-0.00"
        object.__setattr__(self, "amount", value)

    # construction ---------------------------------------------------------------------
    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        if isinstance(amount, float):
            raise TypeError("Money never takes a float; pass a Decimal, int or str")
        return cls(Decimal(amount), currency)

    @classmethod
    def exact(cls, amount: str | int | Decimal, currency: str) -> Money:
        """An amount the user typed: refused, not rounded, when finer than the minor unit."""
        money = cls.of(amount, currency)
        if money.amount != Decimal(amount):
            places = minor_exponent(currency)
            raise ValueError(
                f"{amount} has more than {places} decimal places, which {currency} does not have"
            )
        return money

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        """Whole minor units are exact already: checked for range, never rounded.  (Reports
        and exports read hundreds of thousands of these; the full check cost 5x more.)"""
        if type(minor) is not int:
            raise TypeError(f"minor units must be an int, got {type(minor).__name__}")
        exponent = _checked_exponent(currency)
        amount = Decimal(minor).scaleb(-exponent)
        if abs(amount) >= MAX_AMOUNT:
            raise ValueError(f"amount too large: {amount!r}")
        money = object.__new__(cls)
        object.__setattr__(money, "amount", amount)
        object.__setattr__(money, "currency", currency)
        return money

    @property
    def minor_units(self) -> int:
        return int(self.amount.scaleb(minor_exponent(self.currency)))

    # arithmetic -----------------------------------------------------------------------
    def _check(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(_("cannot combine {currency} with {currency2}").format(
                                       currency=self.currency,
                                       currency2=other.currency))

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return self._exact(self.amount + other.amount)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return self._exact(self.amount - other.amount)

    def _exact(self, amount: Decimal) -> Money:
        """The sum or difference of two amounts of this currency: already on its minor unit
        (both were, and 28 digits hold it exactly), so only the range and the sign of zero
        are checked, not rounded again (an aging adds up a hundred thousand of these)."""
        if abs(amount) >= MAX_AMOUNT:
            raise ValueError(f"amount too large: {amount!r}")
        money = object.__new__(Money)
        object.__setattr__(money, "amount", abs(amount) if amount.is_zero() else amount)
        object.__setattr__(money, "currency", self.currency)
        return money

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def times(self, factor: Decimal | int) -> Money:
        """Multiply by an exact factor (quantity, rate) and round to the minor unit."""
        if isinstance(factor, float):
            raise TypeError("Money never multiplies by a float")
        return Money(self.amount * Decimal(factor), self.currency)

    def __lt__(self, other: Money) -> bool:
        self._check(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._check(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        self._check(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        self._check(other)
        return self.amount >= other.amount

    @property
    def is_zero(self) -> bool:
        return self.amount == 0

    @property
    def is_positive(self) -> bool:
        return self.amount > 0

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


def total(amounts: list[Money] | tuple[Money, ...], currency: str) -> Money:
    """Sum of ``amounts``; zero in ``currency`` when empty."""
    result = Money.zero(currency)
    for amount in amounts:
        result = result + amount
    return result
