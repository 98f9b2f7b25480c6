"""Exchange rates in the domain: rounding to 12 places, cross rates through the euro, the
problems a typed rate can have, and the missing rate's sentence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.rates import (
    RATE_PLACES,
    NoRate,
    cross_rate,
    from_eur_quotes,
    rate_problems,
    rate_text,
    rounded_rate,
)

HALF_STEP = Decimal(1).scaleb(-RATE_PLACES) / 2

# An ECB quote: foreign units per euro, four or five significant digits, from IDR's
# ~17,000 to GBP's ~0.8 (and below, for a currency stronger than the euro).
quotes = st.decimals(min_value=Decimal("0.0100"), max_value=Decimal("99999.99"), places=4,
                     allow_nan=False, allow_infinity=False).filter(lambda d: d > 0)


def test_rates_keep_twelve_places_rounded_half_to_even() -> None:
    assert rounded_rate(Decimal("0.0000000000005")) == 0  # half of the last place: to even
    assert rounded_rate(Decimal("0.0000000000015")) == Decimal("0.000000000002")
    assert rounded_rate(Decimal("1.08000")) == Decimal("1.08")
    assert rate_text(Decimal(1) / Decimal(3)) == "0.333333333333"
    assert rate_text(Decimal("100")) == "100"  # never 1E+2


def test_a_eur_book_inverts_the_quotes() -> None:
    rates = from_eur_quotes("EUR", {"USD": Decimal("1.0543"), "JPY": Decimal("158.20")})
    assert rates == {"USD": Decimal("0.948496632837"), "JPY": Decimal("0.006321112516")}


def test_another_home_goes_through_the_euro_and_takes_the_euro_too() -> None:
    rates = from_eur_quotes("CHF", {"USD": Decimal("1.0543"), "CHF": Decimal("0.9312"),
                                    "CYP": Decimal("0.58231")})
    # CHF per USD = (CHF per EUR) / (USD per EUR); CHF per EUR is the quote itself; CYP
    # joined the euro and is no currency a book can use; CHF is home.
    assert rates == {"USD": Decimal("0.883240064498"), "EUR": Decimal("0.9312")}


def test_a_day_without_the_home_currency_converts_nothing() -> None:
    assert from_eur_quotes("CHF", {"USD": Decimal("1.0543")}) == {}


@given(home=quotes, foreign=quotes)
def test_through_the_euro_and_back_agrees_within_the_stored_places(home, foreign) -> None:
    rate = cross_rate(home, foreign)
    # one foreign unit is 1/foreign EUR, which is home/foreign home units: the rate, to
    # within half of its last place; so foreign units of it come back to the home quote
    # within foreign x half a place.
    assert abs(rate - home / foreign) <= HALF_STEP
    assert abs(rate * foreign - home) <= foreign * HALF_STEP
    assert rate == rounded_rate(rate)  # what is stored, exactly


@given(foreign=quotes)
def test_a_eur_home_is_the_inverse_within_the_stored_places(foreign) -> None:
    rate = cross_rate(Decimal(1), foreign)
    assert abs(rate * foreign - 1) <= foreign * HALF_STEP


def test_a_typed_rate_is_checked_by_field() -> None:
    assert rate_problems("usd", Decimal("0.93"), "CHF") == []
    assert [p.code for p in rate_problems("CHF", Decimal("1"), "CHF")] == ["home_currency"]
    assert "Rates are for foreign currencies" in rate_problems("chf", Decimal(1), "CHF")[0].message
    assert [p.code for p in rate_problems("XYZ", Decimal("0"), "EUR")] == [
        "unknown_currency", "not_positive"]
    assert [p.field for p in rate_problems("USD", Decimal("-1"), "EUR")] == ["rate"]
    assert [p.code for p in rate_problems("USD", Decimal("1e-13"), "EUR")] == ["too_small"]
    assert [p.code for p in rate_problems("USD", Decimal("1e9"), "EUR")] == ["too_large"]
    assert [p.code for p in rate_problems("USD", Decimal("NaN"), "EUR")] == ["not_a_number"]


def test_a_missing_rate_is_a_named_problem_saying_when_the_first_is() -> None:
    problem = NoRate("USD", dt.date(2026, 1, 2), dt.date(2026, 3, 1))
    assert str(problem) == ("The book has no USD rate on or before 2026-01-02 (its first USD "
                            "rate is of 2026-03-01): add one, or import the ECB's rates file.")
    assert problem.problem.field == "exchange_rate"
    assert "first" not in str(NoRate("USD", dt.date(2026, 1, 2)))
