"""Fast, locale-correct formatting of amounts and counts for table cells and exports.

``babel.numbers.format_decimal`` re-reads the locale's pattern on every call (about 60k
values/s here), and since Babel 2.19 it also mangles numbers whose group separator is an
ASCII ``'`` (de_CH, fr_CH): its last step strips "quoted literals" from the finished text,
so ``1'234'567`` comes out as ``1234567`` and ``1'234'567'890`` as ``1234567'890``.

So Babel is asked only for what surrounds the digits: ``AmountFormatter`` formats a sample
amount once *without* group separators (nothing for that step to strip), keeps the prefix
and suffix around the digits (sign, currency symbol, bidi marks, spacing), and then writes
every value's digits itself, grouped by the pattern's own grouping with the locale's own
separators: the same ``NumberSymbols`` the parser reads, so what one writes the other reads.
"""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import NumberPattern

from ledgerdesk.domain.money import minor_exponent
from ledgerdesk.presentation.locales import babel_locale
from ledgerdesk.presentation.number_symbols import check_currency, number_symbols

_SAMPLE = Decimal("1234567.891")
#: Babel's grouping size for "no grouping" (``0.######``) is 1000.
_NO_GROUPING = 100


class DigitWriter:
    """Writes a non-negative ``Decimal`` with ``places`` decimals, grouped as a pattern says
    (``primary`` digits in the last group, ``secondary`` in the ones before) with the
    locale's group and decimal symbols."""

    def __init__(self, locale: str, places: int, grouping: tuple[int, int]) -> None:
        symbols = number_symbols(locale)
        self.places = places
        self._grouping = grouping if grouping[0] < _NO_GROUPING else None
        self._spec = f",.{places}f" if grouping == (3, 3) else None
        self._swap = str.maketrans({",": symbols.group, ".": symbols.decimal})
        self._identity = symbols.group == "," and symbols.decimal == "."

    def write(self, magnitude: Decimal) -> str:
        if self._spec is not None:
            text = format(magnitude, self._spec)
        elif self._grouping is None:
            text = format(magnitude, f".{self.places}f")
        else:
            text = group_digits(format(magnitude, f".{self.places}f"), *self._grouping)
        return text if self._identity else text.translate(self._swap)

    def plain(self, magnitude: Decimal) -> str:
        """The digits without any group separator, with the locale's decimal symbol."""
        return format(magnitude, f".{self.places}f").translate(self._swap)


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
        pattern = self._compile(with_symbol)
        self._digits = DigitWriter(locale, self.places, pattern.grouping)
        self._affixes = self._probe(pattern)

    def _compile(self, with_symbol: bool) -> NumberPattern:
        formats = self._babel_locale.currency_formats if with_symbol else None
        base = formats["standard"] if formats else self._babel_locale.decimal_formats[None]
        pattern = copy.copy(base)
        pattern.frac_prec = (self.places, self.places)
        return pattern

    def _probe(self, pattern: NumberPattern) -> tuple[str, str, str, str]:
        """(positive prefix, suffix, negative prefix, suffix) around the digits, as Babel
        writes them.  Should Babel ever write the digits some other way, the amount is
        written plainly with the ISO code instead (``-1234.50 CHF`` in the locale's
        symbols), which the parser reads in every locale."""
        sample = _SAMPLE.quantize(self._quantum, ROUND_HALF_UP)
        digits = self._digits.plain(sample)
        affixes: list[str] = []
        for value in (sample, -sample):
            text = pattern.apply(value, self._babel_locale, currency=self.currency,
                                 currency_digits=False, group_separator=False)
            at = text.find(digits)
            if at < 0 or text.find(digits, at + 1) >= 0:
                return "", f"\u00a0{self.currency}", "-", f"\u00a0{self.currency}"
            affixes += [text[:at], text[at + len(digits):]]
        return affixes[0], affixes[1], affixes[2], affixes[3]

    def format(self, value: Decimal) -> str:
        value = value.quantize(self._quantum, ROUND_HALF_UP)
        prefix, suffix, negative_prefix, negative_suffix = self._affixes
        if value < 0:
            return negative_prefix + self._digits.write(-value) + negative_suffix
        return prefix + self._digits.write(abs(value)) + suffix

    __call__ = format


def format_count(value: int, locale: str) -> str:
    """A whole number (a count, a limit) grouped the locale's way: ``1’234’567``."""
    digits = DigitWriter(locale, 0, babel_locale(locale).decimal_formats[None].grouping)
    text = digits.write(Decimal(abs(value)))
    return f"-{text}" if value < 0 else text


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
