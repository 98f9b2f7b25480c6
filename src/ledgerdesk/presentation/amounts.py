"""Reading amounts people type in their own locale, strictly, and writing them back.

``parse_amount`` is the one way a typed amount becomes a ``Decimal``.  Babel's own
``parse_decimal`` is not used: leniently it reads ``1.234,56`` as 1.23456 in en_US and
``25.00`` as 2500 in de_DE, and strictly it still takes ``NaN``, ``1e5`` and ``1_000`` while
refusing the plain space French people type.  Here a value is accepted only when the
locale's separators are where they belong, so a typo or the other convention is an
``AmountError`` whose message says what to write instead; the field keeps the user's text.

Decimals are counted as typed: ``1.500`` is refused for EUR in en_US even though it equals
1.5, because it is far more likely 1,500 written in the other convention.  For the same
reason a group separator after a leading 0 (``0,125``) or groups of the wrong size
(``1,23``, ``12,3456``) are refused, saying what was probably meant (``grouping.py``).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache

from ledgerdesk.domain.i18n import N_, Translated, _
from ledgerdesk.domain.money import MAX_AMOUNT, minor_exponent
from ledgerdesk.presentation.amount_format import AmountFormatter, format_count
from ledgerdesk.presentation.grouping import group_name, misgrouped
from ledgerdesk.presentation.locales import (
    echo,
    locale_display_name,
    without_format_marks,
)
from ledgerdesk.presentation.number_symbols import (
    NumberSymbols,
    currency_spellings,
    decimals_phrase,
    number_symbols,
)

__all__ = [
    "AmountError", "AmountFormatter", "AmountProblem", "TypedNumber", "locale_display_name",
    "parse_amount", "split_number",
]

_NOT_A_NUMBER = re.compile(r"s?nan\d*|inf(inity)?|∞", re.IGNORECASE)
_EXPONENT = re.compile(r"\d\s*e\s*[-+\u2212]?\s*\d", re.IGNORECASE)
_FOREIGN_SEPARATORS = frozenset(".,'’ ")
_DIGITS = frozenset("0123456789")
_MAX_WHOLE_DIGITS = len(str(int(MAX_AMOUNT)))


class AmountProblem(Enum):
    """Why a typed amount was refused (for tests and for choosing a field's hint)."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not a number"
    EXPONENT = "exponent"
    UNDERSCORE = "underscore"
    UNEXPECTED_CHARACTER = "unexpected character"
    SEPARATORS = "separators"
    GROUPING = "grouping"
    TOO_MANY_DECIMALS = "too many decimals"
    TOO_LARGE = "too large"


class AmountError(ValueError):
    """A typed amount that is not one; ``str()`` is the sentence to show under the field."""

    def __init__(self, message: str, problem: AmountProblem, text: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.text = text


@dataclass(frozen=True, slots=True)
class _Reader:
    """Everything ``parse_amount`` needs for one locale and currency, built once."""

    symbols: NumberSymbols
    signs: dict[str, bool]  # sign -> is a minus, longest first
    spellings: tuple[str, ...]
    currency: str
    places: int
    where: str  # "in German (Germany)"
    example: str
    limit: str

    def error(self, problem: AmountProblem, text: str, why: str = "") -> AmountError:
        message = _MESSAGES[problem].format(
            text=echo(text), where=self.where, example=self.example, limit=self.limit,
            decimals=decimals_phrase(self.currency), why=why,
            separators=_separators_phrase(self.symbols), group=group_name(self.symbols),
        )
        return AmountError(message, problem, text)


_MESSAGES = Translated({
    AmountProblem.EMPTY: N_("No amount was entered: write it like {example}"),
    AmountProblem.NOT_A_NUMBER: N_("{text} is not an amount {where}: write digits, like {example}"),
    AmountProblem.EXPONENT: (
        N_("{text} is not an amount: write all the digits, like {example}, without an exponent")
    ),
    AmountProblem.UNDERSCORE: (
        N_("{text} is not an amount {where}: group thousands with {group}, not “_”, as in "
           "{example}")
    ),
    AmountProblem.UNEXPECTED_CHARACTER: (
        N_("{text} is not an amount {where}: {why} does not belong in it; write it like {example}")
    ),
    AmountProblem.SEPARATORS: N_("{text} is not an amount {where}: {separators}, as in {example}"),
    AmountProblem.GROUPING: N_("{text} is not an amount {where}: {why}"),
    AmountProblem.TOO_MANY_DECIMALS: N_("{text} has too many decimals: {decimals}"),
    AmountProblem.TOO_LARGE: N_("{text} is too large: amounts must be less than {limit}"),
})


def _separators_phrase(symbols: NumberSymbols) -> str:
    group = group_name(symbols)
    return _("the decimal separator is “{decimal}” and {group} groups thousands").format(
               decimal=symbols.decimal,
               group=group)


@lru_cache(maxsize=1024)
def _reader(locale: str, currency: str) -> _Reader:
    symbols = number_symbols(locale)
    places = minor_exponent(currency)
    signs = [(s, True) for s in symbols.minus_signs] + [(s, False) for s in symbols.plus_signs]
    sample = Decimal("1234." + "567"[:places]) if places else Decimal(1234)
    return _Reader(
        symbols=symbols,
        signs=dict(sorted(signs, key=lambda pair: len(pair[0]), reverse=True)),
        spellings=currency_spellings(locale, currency),
        currency=currency,
        places=places,
        where=_("in {language}").format(language=locale_display_name(locale)),
        example=AmountFormatter(locale, currency).format(sample),
        limit=format_count(int(MAX_AMOUNT), locale),
    )


@dataclass(frozen=True, slots=True)
class TypedNumber:
    """A typed number read with a locale's separators: its sign, and its whole and fraction
    digits exactly as typed (ASCII, no separators, nothing rounded)."""

    negative: bool
    whole: str
    fraction: str


#: Any two-decimal currency: for ``split_number`` it only sets the example in messages.
_PLAIN_EXAMPLE_CURRENCY = "EUR"


@lru_cache(maxsize=256)
def _plain_reader(locale: str, affixes: tuple[str, ...]) -> _Reader:
    return dataclasses.replace(_reader(locale, _PLAIN_EXAMPLE_CURRENCY), spellings=affixes)


def split_number(text: str, locale: str, affixes: tuple[str, ...] = ()) -> TypedNumber | None:
    """``text`` read as ``parse_amount`` reads it, but with no currency: one sign and at most
    one of ``affixes`` (such as ``"%"``) may stand at either end.  None when ``text`` is
    blank; ``AmountError`` when it is not a number.  Decimals are the caller's to count."""
    return _split(text, _plain_reader(locale, affixes))


def _split(text: str, reader: _Reader) -> TypedNumber | None:
    cleaned = _normalised(text)
    if not cleaned:
        return None
    negative, body = _without_sign_and_currency(cleaned, reader)
    _check_characters(body, reader, text)
    whole, fraction = _whole_and_fraction(body, reader, text, negative)
    return TypedNumber(negative, whole, fraction)


def parse_amount(text: str, locale: str, currency: str) -> Decimal:
    """The amount in ``text``, written the way ``locale`` writes numbers, in ``currency``.

    Returns a ``Decimal`` with exactly the currency's minor digits (``"12"`` gives
    ``Decimal("12.00")`` for EUR), ready for ``Money``.  Raises ``AmountError`` for anything
    that is not unmistakably an amount; ``ValueError`` for an unknown locale or currency.
    """
    reader = _reader(locale, currency)
    typed = _split(text, reader)
    if typed is None:
        raise reader.error(AmountProblem.EMPTY, text)
    negative, fraction = typed.negative, typed.fraction
    if len(fraction) > reader.places:
        raise reader.error(AmountProblem.TOO_MANY_DECIMALS, text)
    whole = typed.whole.lstrip("0")
    if len(whole) > _MAX_WHOLE_DIGITS:
        raise reader.error(AmountProblem.TOO_LARGE, text)
    value = Decimal(f"{whole or 0}.{fraction or 0}").quantize(Decimal(1).scaleb(-reader.places))
    if value >= MAX_AMOUNT:
        raise reader.error(AmountProblem.TOO_LARGE, text)
    return -value if negative and value else value


def _normalised(text: str) -> str:
    """Compatibility forms folded (full-width digits, no-break spaces), bidi marks dropped,
    every script's digits as ASCII, outer whitespace stripped."""
    folded = without_format_marks(unicodedata.normalize("NFKC", text))
    return "".join(
        ch if ch.isascii() or unicodedata.decimal(ch, None) is None
        else str(unicodedata.decimal(ch))
        for ch in folded
    ).strip()


def _without_sign_and_currency(text: str, reader: _Reader) -> tuple[bool, str]:
    """Takes at most one sign and one currency spelling off either end, in any order:
    ``-€12``, ``€ -12``, ``CHF-12``, ``-12 €``, ``12 EUR``, ``€ 12-`` (Frisian)."""
    negative: bool | None = None
    priced = False
    for at_end in (False, True):
        while True:
            sign = "" if negative is not None else _affix(text, reader.signs, at_end)
            spelling = "" if priced else _affix(text, reader.spellings, at_end)
            if sign:
                negative = reader.signs[sign]
            elif spelling:
                priced = True
            else:
                break
            cut = len(sign or spelling)
            text = text[:-cut].rstrip() if at_end else text[cut:].lstrip()
    return bool(negative), text


def _affix(text: str, candidates: Iterable[str], at_end: bool) -> str:
    """The first candidate (casefolded, longest first) that ``text`` starts or ends with."""
    for candidate in candidates:
        part = text[-len(candidate):] if at_end else text[: len(candidate)]
        if part.casefold() == candidate:
            return candidate
    return ""


def _check_characters(body: str, reader: _Reader, text: str) -> None:
    if "_" in body:
        raise reader.error(AmountProblem.UNDERSCORE, text)
    if _EXPONENT.search(body):
        raise reader.error(AmountProblem.EXPONENT, text)
    if _NOT_A_NUMBER.fullmatch(body):
        raise reader.error(AmountProblem.NOT_A_NUMBER, text)
    allowed = reader.symbols.decimals | reader.symbols.groups
    unexpected = [ch for ch in body if ch not in _DIGITS and ch not in allowed]
    odd = next((ch for ch in unexpected if ch not in _FOREIGN_SEPARATORS), None)
    if odd is not None:
        raise reader.error(AmountProblem.UNEXPECTED_CHARACTER, text, why=echo(odd))
    if unexpected:  # only separators of another convention: say which ones this uses
        raise reader.error(AmountProblem.SEPARATORS, text)


def _whole_and_fraction(body: str, reader: _Reader, text: str,
                        negative: bool) -> tuple[str, str]:
    """Split at the one decimal separator; the whole part's groups must be well placed."""
    symbols = reader.symbols
    canonical = "".join(
        "." if ch in symbols.decimals else "," if ch in symbols.groups else ch for ch in body
    )
    whole, point, fraction = canonical.partition(".")
    if not (whole or fraction) or not (whole or fraction).replace(",", ""):
        raise reader.error(AmountProblem.NOT_A_NUMBER, text)
    if "." in fraction or "," in fraction:
        raise reader.error(AmountProblem.SEPARATORS, text)
    why = misgrouped(whole, fraction if point else None, negative, symbols)
    if why:
        raise reader.error(AmountProblem.GROUPING, text, why=why)
    return whole.replace(",", ""), fraction
