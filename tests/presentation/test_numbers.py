"""Quantities, prices and rates typed in the user's locale (``parse_number``, ``NumberText``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.localedata import locale_identifiers
from hypothesis import given, settings
from hypothesis import strategies as st

from ledgerdesk.presentation.amounts import AmountError, split_number
from ledgerdesk.presentation.numbers import NumberError, NumberText, parse_number

ALL_LOCALES = sorted(locale_identifiers())


@pytest.mark.parametrize(("locale", "text", "places", "value"), [
    ("de_DE", "2,5", 3, "2.5"),
    ("de_DE", "1.000,125", 3, "1000.125"),
    ("en_US", "1,000.5", 2, "1000.5"),
    ("en_US", "12.5%", 2, "12.5"),
    ("fr_FR", "12,5 %", 2, "12.5"),
    ("de_CH", "1’000.25", 2, "1000.25"),
    ("en_US", "-3", 0, "-3"),
    ("en_US", "−4", 0, "-4"),  # the typographic minus
    ("hi_IN", "1,00,000", 0, "100000"),
])
def test_locale_numbers_are_read(locale, text, places, value):
    assert parse_number(text, locale, places) == Decimal(value)


@pytest.mark.parametrize(("locale", "text", "places", "words"), [
    ("en_US", "", 2, "No number was entered."),
    ("en_US", "1e5", 2, "“1e5” is not a number: write all the digits"),
    ("en_US", "NaN", 2, "“NaN” is not a number in English (United States)"),
    ("en_US", "2,5", 2, "did you mean “2.5” (the decimal separator is “.”)?"),
    ("en_US", "0,125", 3, "never follows a leading 0; did you mean “0.125”"),
    ("de_DE", "2.5", 2, "the decimal separator is “,”"),
    ("en_US", "5 €", 2, "“€” does not belong in it"),
    ("en_US", "0.125", 2, "has too many decimals: at most 2 decimals here."),
    ("en_US", "1.5", 0, "has too many decimals: no decimals here."),
    ("en_US", "9999999999999", 0, "is too large."),
])
def test_what_is_not_a_number_says_why(locale, text, places, words):
    with pytest.raises(NumberError) as refused:
        parse_number(text, locale, places)
    assert words in str(refused.value) and "amount" not in str(refused.value)


def test_split_number_keeps_the_digits_as_typed():
    typed = split_number(" -1.234,500 % ", "de_DE", affixes=("%",))
    assert typed is not None
    assert (typed.negative, typed.whole, typed.fraction) == (True, "1234", "500")
    assert split_number("  ", "de_DE") is None
    with pytest.raises(AmountError):
        split_number("12 %", "de_DE")  # "%" only where the caller allows it


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL_LOCALES), st.integers(0, 4), st.data())
def test_written_numbers_read_back_in_every_locale(locale, places, data):
    value = Decimal(data.draw(st.integers(-10**12 + 1, 10**12 - 1))).scaleb(-places)
    assert parse_number(NumberText(locale)(value), locale, places) == value
