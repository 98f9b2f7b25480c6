"""The domain's ISO 4217 table, held to Babel's currency data (the domain itself may not
import Babel), and the one sentence an unknown code gets."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.core import get_global
from babel.numbers import get_currency_precision, get_territory_currencies, list_currencies

from ledgerdesk.domain.currencies import (
    CLDR_DISPLAY_DIGITS,
    ISO_CURRENCIES,
    currency_problem,
    is_iso_currency,
)
from ledgerdesk.domain.money import minor_exponent

#: A fixed day, so the test does not depend on the machine's clock: the currencies in use
#: then, by CLDR's territory data, as tender.
ON = dt.date(2025, 6, 1)


def current_in_babel() -> set[str]:
    found: set[str] = set()
    for territory in get_global("territory_currencies"):
        found.update(get_territory_currencies(territory, start_date=ON, tender=True))
    return found


def test_every_currency_babel_calls_current_is_in_the_table():
    current = current_in_babel()
    assert len(current) > 100  # the data is there: not a vacuous pass
    assert sorted(current - set(ISO_CURRENCIES)) == []


def test_every_code_in_the_table_is_a_currency_babel_knows():
    assert sorted(set(ISO_CURRENCIES) - set(list_currencies())) == []


def test_minor_units_agree_with_babel_except_where_cldr_rounds_for_display():
    differ = {code for code, digits in ISO_CURRENCIES.items()
              if get_currency_precision(code) != digits}
    assert differ == CLDR_DISPLAY_DIGITS
    assert all(get_currency_precision(code) < ISO_CURRENCIES[code] for code in differ)


def test_money_keeps_every_currency_in_its_minor_unit():
    assert all(minor_exponent(code) == digits for code, digits in ISO_CURRENCIES.items())
    assert minor_exponent("CLF") == 2  # left out of the table: what older books used


@pytest.mark.parametrize(("text", "problem"), [
    ("XYZ", "'XYZ' is not an ISO 4217 currency code; use one like EUR, USD or GBP."),
    ("abc", "'ABC' is not an ISO 4217 currency code; use one like EUR, USD or GBP."),
    ("XXX", "'XXX' is not an ISO 4217 currency code; use one like EUR, USD or GBP."),
    ("EURO", "'EURO' is not a currency code; use three letters, like EUR."),
    ("", "'' is not a currency code; use three letters, like EUR."),
    ("eur", ""),
    (" JPY ", ""),
])
def test_an_unknown_code_gets_one_sentence_naming_it(text, problem):
    assert currency_problem(text) == problem


def test_only_exact_codes_are_iso():
    assert is_iso_currency("EUR") and not is_iso_currency("eur") and not is_iso_currency("XAU")
