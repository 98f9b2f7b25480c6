"""Fast, locale-correct formatting of amounts for table cells and exports.

``babel.numbers.format_decimal`` re-reads the locale's pattern on every call (about 60k
values/s here).  ``AmountFormatter`` asks Babel once, when it is built, how the locale
writes a sample amount, keeps the prefix and suffix around the digits (sign, currency
symbol, bidi marks, spacing), and then formats each value with Python's own ``format`` and
a character swap.  If Babel's sample does not contain the digits this class would write,
it falls back to Babel's compiled pattern, so output is always Babel's.
"""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import NumberPattern

from ledgerdesk.domain.money import minor_exponent
from ledgerdesk.presentation.locales import babel_locale
from ledgerdesk.presentation.number_symbols import check_currency, number_symbols

_SAMPLE = Decimal("1234567.891")


class AmountFormatter:
    """Formats ``Decimal`` amounts in one locale and currency, with exactly its minor digits.

    ``format(Decimal("-1234.5"))`` is ``"-1.234,50"`` for de_DE/EUR; with
    ``with_symbol=True`` it is ``"-1.234,50 €"``.  Values finer than the minor unit are
    rounded half away from zero, as ``Money`` does; zero never shows a minus sign.
    """

    def __init__(self, locale: str, currency: str, *, with_symbol: bool = False) -> None:
        check_currency(currency)
        self.locale = locale
        self.currency = currency
        self.places = minor_exponent(currency)
        self._quantum = Decimal(1).scaleb(-self.places)
        self._babel_locale = babel_locale(locale)
        self._pattern = self._compile(with_symbol)
        symbols = number_symbols(locale)
        self._spec = f",.{self.places}f" if symbols.primary == symbols.secondary else None
        self._grouping = (symbols.primary, symbols.secondary)
        self._swap = str.maketrans({",": symbols.group, ".": symbols.decimal})
        self._identity = symbols.group == "," and symbols.decimal == "."
        self._affixes = self._probe()

    def _compile(self, with_symbol: bool) -> NumberPattern:
        formats = self._babel_locale.currency_formats if with_symbol else None
        base = formats["standard"] if formats else self._babel_locale.decimal_formats[None]
        pattern = copy.copy(base)
        pattern.frac_prec = (self.places, self.places)
        return pattern

    def _babel(self, value: Decimal) -> str:
        return self._pattern.apply(
            value, self._babel_locale, currency=self.currency, currency_digits=False
        )

    def _probe(self) -> tuple[str, str, str, str] | None:
        """(positive prefix, suffix, negative prefix, suffix), or None to use Babel."""
        sample = _SAMPLE.quantize(self._quantum, ROUND_HALF_UP)
        digits = self._digits(sample)
        affixes: list[str] = []
        for value in (sample, -sample):
            text = self._babel(value)
            at = text.find(digits)
            if at < 0 or text.find(digits, at + 1) >= 0:
                return None
            affixes += [text[:at], text[at + len(digits):]]
        return affixes[0], affixes[1], affixes[2], affixes[3]

    def _digits(self, magnitude: Decimal) -> str:
        if self._spec is not None:
            text = format(magnitude, self._spec)
        else:
            text = group_digits(format(magnitude, f".{self.places}f"), *self._grouping)
        return text if self._identity else text.translate(self._swap)

    def format(self, value: Decimal) -> str:
        value = value.quantize(self._quantum, ROUND_HALF_UP)
        if self._affixes is None:
            return self._babel(abs(value) if value.is_zero() else value)
        prefix, suffix, negative_prefix, negative_suffix = self._affixes
        if value < 0:
            return negative_prefix + self._digits(-value) + negative_suffix
        return prefix + self._digits(abs(value)) + suffix

    __call__ = format


def group_digits(plain: str, primary: int, secondary: int) -> str:
    """Insert "," into ``plain`` ("1234567.50") by Babel's rule: the last group has
    ``primary`` digits, the ones before it ``secondary`` (Indian 12,34,567.50)."""
    whole, dot, fraction = plain.partition(".")
    if len(whole) <= primary:
        return plain
    head, groups = whole[:-primary], [whole[-primary:]]
    while len(head) > secondary:
        groups.append(head[-secondary:])
        head = head[:-secondary]
    groups.append(head)
    return ",".join(reversed(groups)) + dot + fraction
