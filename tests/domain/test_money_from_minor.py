"""``Money.from_minor`` skips rounding (whole minor units are exact) but not the checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.money import Money


@given(st.integers(-(10**12), 10**12), st.sampled_from(["EUR", "JPY", "KWD"]))
def test_from_minor_is_the_money_the_full_constructor_builds(minor: int, currency: str) -> None:
    exponent = {"EUR": 2, "JPY": 0, "KWD": 3}[currency]
    expected = Money(Decimal(minor).scaleb(-exponent), currency)
    money = Money.from_minor(minor, currency)
    assert money == expected
    assert str(money.amount) == str(expected.amount)  # the same exponent: "1.50", not "1.5"
    assert money.minor_units == minor


@pytest.mark.parametrize(("minor", "currency", "error"), [
    (10**15, "EUR", ValueError), (1, "eur", ValueError), (True, "EUR", TypeError),
    (1.0, "EUR", TypeError),
])
def test_from_minor_still_refuses(minor, currency, error) -> None:
    with pytest.raises(error):
        Money.from_minor(minor, currency)
