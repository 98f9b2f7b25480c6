"""Money: exact amounts, rounded half away from zero to each currency's minor unit."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.money import (
    MAX_AMOUNT,
    CurrencyMismatch,
    Money,
    minor_exponent,
    quantize,
    total,
)

CURRENCIES = ["EUR", "USD", "JPY", "KWD"]


def eur(amount: str) -> Money:
    return Money(Decimal(amount), "EUR")


# --- quantizing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("1.005", "EUR", "1.01"),  # half goes up
        ("1.004999", "EUR", "1.00"),
        ("-1.005", "EUR", "-1.01"),  # half goes away from zero, not towards +inf
        ("2.675", "EUR", "2.68"),  # the classic float trap (2.675 is 2.67499.. as a float)
        ("0.125", "USD", "0.13"),  # not banker's rounding
        ("1", "EUR", "1.00"),
        ("2.5", "JPY", "3"),
        ("3.5", "JPY", "4"),
        ("-2.5", "JPY", "-3"),
        ("1234.4999", "JPY", "1234"),
        ("1.2345", "KWD", "1.235"),
        ("1.2344", "KWD", "1.234"),
        ("0.0005", "KWD", "0.001"),
        ("-0.0005", "KWD", "-0.001"),
    ],
)
def test_amount_is_quantized_half_up_to_the_minor_unit(amount, currency, expected):
    money = Money(Decimal(amount), currency)
    assert money.amount == Decimal(expected)
    # exactly the currency's number of decimals, so it maps 1:1 onto minor units
    assert money.amount.as_tuple().exponent == -minor_exponent(currency)


def test_minor_exponents():
    assert minor_exponent("EUR") == 2
    assert minor_exponent("JPY") == 0
    assert minor_exponent("KWD") == 3
    assert minor_exponent("BHD") == 3


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [("12.34", "EUR", 1234), ("1234", "JPY", 1234), ("1.234", "KWD", 1234),
     ("-0.01", "EUR", -1), ("0", "EUR", 0), ("9999999999999.99", "EUR", 999999999999999)],
)
def test_minor_units(amount, currency, minor):
    assert Money(Decimal(amount), currency).minor_units == minor
    assert Money.from_minor(minor, currency) == Money(Decimal(amount), currency)


def test_from_minor_scales_by_the_currency():
    assert Money.from_minor(1234, "EUR").amount == Decimal("12.34")
    assert Money.from_minor(1234, "JPY").amount == Decimal("1234")
    assert Money.from_minor(1234, "KWD").amount == Decimal("1.234")


@pytest.mark.parametrize("bad", [12.0, Decimal("12"), "12", True])
def test_from_minor_takes_only_ints(bad):
    with pytest.raises(TypeError):
        Money.from_minor(bad, "EUR")


# --- refusing what is not an exact amount ------------------------------------------------


def test_refuses_float():
    with pytest.raises(TypeError):
        Money(0.1, "EUR")  # type: ignore[arg-type]


def test_of_refuses_float_too():
    # Money.of is the convenience constructor; it must not launder a float through Decimal()
    # (Decimal(0.1) is 0.1000000000000000055511151231257827...).
    with pytest.raises(TypeError):
        Money.of(0.1, "EUR")  # type: ignore[arg-type]


def test_of_accepts_str_int_decimal():
    assert Money.of("1.10", "EUR") == Money.of(Decimal("1.1"), "EUR") == eur("1.10")
    assert Money.of(3, "JPY").amount == 3


def test_times_refuses_float():
    with pytest.raises(TypeError):
        eur("10").times(0.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["NaN", "-NaN", "sNaN", "Infinity", "-Infinity", "inf"])
def test_refuses_non_finite(bad):
    with pytest.raises(ValueError):
        Money(Decimal(bad), "EUR")
    with pytest.raises(ValueError):
        Money(bad, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["1,50", "abc", "", "1.2.3"])
def test_refuses_text_that_is_not_a_number(bad):
    with pytest.raises(ValueError):
        Money(bad, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["eur", "EURO", "EU", "", "E1R", "ÉUR"])
def test_refuses_invalid_currency_codes(code):
    with pytest.raises(ValueError):
        Money(Decimal(1), code)


def test_refuses_amounts_too_large_for_a_book():
    assert Money(Decimal("9999999999999.99"), "EUR").minor_units == 999999999999999
    with pytest.raises(ValueError):
        Money(MAX_AMOUNT, "EUR")
    with pytest.raises(ValueError):
        Money(-MAX_AMOUNT, "EUR")
    with pytest.raises(ValueError):
        Money.from_minor(10**15, "EUR")


@pytest.mark.parametrize(
    ("amount", "currency"), [("9999999999999.995", "EUR"), ("9999999999999.5", "JPY")]
)
def test_refuses_amounts_that_round_up_to_the_limit(amount, currency):
    # The limit is checked before rounding, so these become exactly MAX_AMOUNT, which the
    # same class refuses when given directly.
    with pytest.raises(ValueError):
        Money(Decimal(amount), currency)


# --- arithmetic --------------------------------------------------------------------------


def test_arithmetic_is_exact():
    assert eur("0.10") + eur("0.20") == eur("0.30")
    assert eur("0.30") - eur("0.10") == eur("0.20")
    assert -eur("5") == eur("-5")
    assert abs(eur("-5")) == eur("5")
    assert eur("10.00").times(Decimal("0.333")) == eur("3.33")
    assert eur("10.00").times(Decimal("0.3335")) == eur("3.34")
    assert eur("19.99").times(3) == eur("59.97")
    assert total([eur("0.10")] * 10, "EUR") == eur("1.00")
    assert total([], "JPY") == Money.zero("JPY")


def test_comparisons_and_flags():
    assert eur("1") < eur("2") <= eur("2") < eur("3")
    assert eur("3") > eur("2") >= eur("2")
    assert eur("0").is_zero and not eur("0").is_positive
    assert eur("0.01").is_positive
    assert not eur("-0.01").is_positive
    assert min(eur("5"), eur("3")) == eur("3")


@pytest.mark.parametrize(
    "op",
    [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a < b, lambda a, b: a <= b,
     lambda a, b: a > b, lambda a, b: a >= b],
)
def test_refuses_mixed_currencies(op):
    with pytest.raises(CurrencyMismatch):
        op(eur("1"), Money(Decimal(1), "USD"))


def test_total_refuses_mixed_currencies():
    with pytest.raises(CurrencyMismatch):
        total([eur("1"), Money(Decimal(1), "USD")], "EUR")
    with pytest.raises(CurrencyMismatch):
        total([eur("1")], "USD")


def test_refuses_combining_with_plain_numbers():
    with pytest.raises(TypeError):
        eur("1") + Decimal(1)  # type: ignore[operator]
    with pytest.raises(TypeError):
        eur("1") + 1  # type: ignore[operator]


def test_money_is_immutable_and_hashable():
    money = eur("1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        money.amount = Decimal(2)  # type: ignore[misc]
    assert {eur("1.0"), eur("1.00")} == {money}
    assert eur("1") != Money(Decimal(1), "USD")


# --- properties --------------------------------------------------------------------------

_currency = st.sampled_from(CURRENCIES)


def _minor_in_range(currency: str):
    limit = 10**13 * 10 ** minor_exponent(currency)
    return st.tuples(st.just(currency), st.integers(min_value=-limit + 1, max_value=limit - 1))


@given(_currency.flatmap(_minor_in_range))
def test_from_minor_minor_units_round_trip(pair):
    currency, minor = pair
    money = Money.from_minor(minor, currency)
    assert money.minor_units == minor
    assert Money.from_minor(money.minor_units, currency) == money
    assert money.amount == Decimal(minor).scaleb(-minor_exponent(currency))


@given(_currency, st.integers(min_value=1, max_value=10**6))
def test_minor_amounts_at_or_past_the_limit_are_refused(currency, beyond):
    limit = 10**13 * 10 ** minor_exponent(currency)
    for minor in (limit - 1 + beyond, -(limit - 1 + beyond)):
        with pytest.raises(ValueError):
            Money.from_minor(minor, currency)


@given(
    _currency,
    st.decimals(
        min_value=Decimal("-999999999.999999"), max_value=Decimal("999999999.999999"),
        allow_nan=False, allow_infinity=False, places=6,
    ),
)
def test_quantizing_is_within_half_a_minor_unit_and_stable(currency, amount):
    money = Money(amount, currency)
    half = Decimal(1).scaleb(-minor_exponent(currency)) / 2
    assert abs(money.amount - amount) <= half
    # ties go away from zero
    if abs(money.amount - amount) == half:
        assert abs(money.amount) > abs(amount)
    assert money.amount == quantize(amount, currency)
    assert Money(money.amount, currency) == money
    assert Money.from_minor(money.minor_units, currency) == money
    assert (-money).minor_units == -money.minor_units


@pytest.mark.parametrize(
    "make",
    [lambda: Money.zero("EUR").times(-1), lambda: Money(Decimal("-0.004"), "EUR"),
     lambda: -Money.zero("EUR"), lambda: Money(Decimal("-0"), "EUR")],
)
def test_zero_is_never_negative_zero(make):
    # A rounded-away amount or a negated zero must print as 0.00, never "-0.00", in lists,
    # reports and exports.
    zero = make()
    assert zero.is_zero
    assert str(zero) == "0.00 EUR"
    assert not zero.amount.is_signed()


@pytest.mark.parametrize("amount", ["1e26", "1e30", "-1e40", "123456789012345678901234567.89"])
def test_enormous_amounts_are_refused_with_value_error(amount):
    # Callers (validate_document, record_payment) turn ValueError into a user-facing problem;
    # any other exception type escapes them as a crash.
    with pytest.raises(ValueError):
        Money(Decimal(amount), "EUR")


_any_finite = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.builds(lambda m, e: Decimal(m).scaleb(e),
              st.integers(-(10**9), 10**9), st.integers(-40, 40)),
)


@given(_currency, _any_finite)
def test_any_finite_decimal_either_makes_money_or_is_a_value_error(currency, amount):
    try:
        money = Money(amount, currency)
    except ValueError:
        assert abs(amount) >= MAX_AMOUNT - 1
    else:
        assert abs(money.amount) < MAX_AMOUNT
        assert Money.from_minor(money.minor_units, currency) == money


@given(_currency.flatmap(_minor_in_range), st.integers(min_value=-10**17, max_value=10**17))
def test_sums_and_differences_are_what_the_full_construction_gives(pair, other):
    """Adding skips re-rounding (two amounts in minor units add exactly): the sum must be
    the very amount, zero sign and refusal that building it from the Decimal gives."""
    currency, minor = pair
    a, b = Money.from_minor(minor, currency), Money.from_minor(0, currency)
    try:
        b = Money.from_minor(other, currency)
    except ValueError:
        return
    for combine, exact in ((lambda x, y: x + y, minor + other), (lambda x, y: x - y,
                                                                  minor - other)):
        try:
            expected = Money(Decimal(exact).scaleb(-minor_exponent(currency)), currency)
        except ValueError:
            with pytest.raises(ValueError):
                combine(a, b)
            continue
        found = combine(a, b)
        assert found == expected and str(found) == str(expected)
        assert found.amount.as_tuple() == expected.amount.as_tuple()
