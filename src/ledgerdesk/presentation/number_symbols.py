"""The separators, signs, grouping and currency spellings of one locale, read from Babel once.

Both the amount formatter and the amount parser work from this, so what one writes the
other reads back.  Variants that people type but Babel never writes are listed here too:
a plain or no-break space where the locale groups with a narrow no-break space (fr, fr_CH),
``'`` where de_CH groups with ``’``, the ASCII hyphen and U+2212 as minus signs, and the
symbols of the locale's own digits (Arabic ``٫`` and ``٬`` beside ``.`` and ``,``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel import numbers

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.money import is_currency_code, minor_exponent
from ledgerdesk.presentation.locales import babel_locale, without_format_marks

_SPACES = frozenset(" \u00a0\u202f\u2009")
_APOSTROPHES = frozenset("'’")
_MINUS = frozenset("-\u2212")


@dataclass(frozen=True, slots=True)
class NumberSymbols:
    """How one locale writes plain numbers (Latin digits)."""

    decimal: str
    group: str
    decimals: frozenset[str]
    groups: frozenset[str]
    primary: int
    secondary: int
    minus_signs: frozenset[str]
    plus_signs: frozenset[str]


@lru_cache(maxsize=256)
def number_symbols(locale: str) -> NumberSymbols:
    loc = babel_locale(locale)
    decimal = numbers.get_decimal_symbol(loc)
    group = numbers.get_group_symbol(loc)
    decimals = {decimal, numbers.get_decimal_symbol(loc, numbering_system="default")}
    groups = {group, numbers.get_group_symbol(loc, numbering_system="default")}
    for family in (_SPACES, _APOSTROPHES):
        if group in family:
            groups |= family
    groups -= decimals  # never let a variant make a separator ambiguous
    pattern = loc.decimal_formats[None]
    primary, secondary = pattern.grouping
    minus = _MINUS | {without_format_marks(numbers.get_minus_sign_symbol(loc))}
    plus = {"+", without_format_marks(numbers.get_plus_sign_symbol(loc))}
    return NumberSymbols(
        decimal=decimal, group=group, decimals=frozenset(decimals), groups=frozenset(groups),
        primary=primary, secondary=secondary,
        minus_signs=frozenset(minus - {""}), plus_signs=frozenset(plus - {""}),
    )


@lru_cache(maxsize=1024)
def currency_spellings(locale: str, currency: str) -> tuple[str, ...]:
    """Ways to write ``currency`` beside an amount, casefolded, longest first.

    The ISO code and the locale's symbol, in NFKC form (``￥`` becomes ``¥``) and without
    bidi marks, to compare with text that went through the same normalisation.
    """
    check_currency(currency)
    symbol = without_format_marks(numbers.get_currency_symbol(currency, babel_locale(locale)))
    spellings = {unicodedata.normalize("NFKC", s).strip().casefold() for s in (currency, symbol)}
    spellings.discard("")
    return tuple(sorted(spellings, key=len, reverse=True))


def check_currency(currency: str) -> None:
    if not is_currency_code(currency):
        raise ValueError(f"not an ISO 4217 currency code: {currency!r}")


def decimals_phrase(currency: str) -> str:
    """``"EUR amounts have at most 2 decimals"``, ``"JPY amounts have no decimals"``."""
    places = minor_exponent(currency)
    if places == 0:
        return _("{currency} amounts have no decimals").format(currency=currency)
    return ngettext("{currency} amounts have at most {count} decimal",
                    "{currency} amounts have at most {count} decimals", places).format(
                        currency=currency, count=places)
