"""Foreign amounts booked at home (issue 15's core rule): a document settled in any number
of parts takes exactly its booked home amount off the control account, each part its share
at the booked rate to the minor unit, and what the parts brought in less what they took is
the realised difference — to the cent, in currencies of 0, 2 and 3 decimals."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ledgerdesk.domain.fx import Booked, at_rate, settle, taken_so_far
from ledgerdesk.domain.money import MAX_AMOUNT, Money, minor_exponent

CURRENCIES = ("EUR", "JPY", "BHD", "CHF", "USD")


def test_a_document_booked_at_its_rate_rounds_at_home():
    assert at_rate(Money.of("100.00", "USD"), Decimal("0.9312"), "EUR") == Money.of("93.12", "EUR")
    assert at_rate(Money.of("1000", "JPY"), Decimal("0.0061234"), "EUR") == Money.of("6.12", "EUR")
    assert at_rate(Money.of("10.00", "EUR"), Decimal("163.456"), "JPY") == Money.of("1635", "JPY")
    assert at_rate(Money.of("10.00", "EUR"), Decimal("0.4105"), "BHD") == Money.of("4.105", "BHD")


@pytest.mark.parametrize("rate", [Decimal(0), Decimal(-1), Decimal("NaN")])
def test_a_rate_is_more_than_zero(rate):
    with pytest.raises(ValueError):
        at_rate(Money.of("1", "USD"), rate, "EUR")


def test_three_thirds_take_exactly_the_whole_and_the_gain_is_what_came_in_over_it():
    booked = Booked(Money.of("100.00", "USD"), Money.of("93.13", "EUR"))  # rate 0.9313
    third = Money.of("33.33", "USD")
    first = settle(booked, Money.zero("USD"), third, Money.of("31.50", "EUR"))
    second = settle(booked, third, third, Money.of("31.60", "EUR"))
    last = settle(booked, third + third, Money.of("33.34", "USD"), Money.of("31.70", "EUR"))
    taken = [s.taken.amount for s in (first, second, last)]
    assert taken == [Decimal("31.04"), Decimal("31.04"), Decimal("31.05")]
    assert sum(taken) == Decimal("93.13")
    gains = sum(s.difference.amount for s in (first, second, last))
    assert gains == Decimal("94.80") - Decimal("93.13")


def test_more_than_the_document_is_refused():
    booked = Booked(Money.of("10.00", "USD"), Money.of("9.31", "EUR"))
    with pytest.raises(ValueError, match="more than"):
        settle(booked, Money.of("6.00", "USD"), Money.of("4.01", "USD"), Money.of("4", "EUR"))


amounts = st.integers(min_value=1, max_value=10**12)
rates = st.decimals(min_value=Decimal("0.00001"), max_value=Decimal("50000"), places=6)


@given(data=st.data(), foreign=st.sampled_from(CURRENCIES), home=st.sampled_from(CURRENCIES),
       minor=amounts, rate=rates)
def test_any_split_takes_exactly_the_booked_home_amount(data, foreign, home, minor, rate):
    if foreign == home:
        return
    total = Money(Decimal(minor).scaleb(-minor_exponent(foreign)), foreign)
    assume(total.amount * rate < MAX_AMOUNT)  # the book holds nothing larger, at home either
    booked = Booked(total, at_rate(total, rate, home))  # maybe nothing at home: 0.01 at 0.001
    cuts = sorted(set(data.draw(st.lists(st.integers(1, minor - 1), max_size=6)) if minor > 1
                      else []))
    bounds = [0, *cuts, minor]
    settled, taken = Money.zero(foreign), Money.zero(home)
    for low, high in itertools.pairwise(bounds):
        part = Money(Decimal(high - low).scaleb(-minor_exponent(foreign)), foreign)
        done = settle(booked, settled, part, at_rate(part, rate, home))
        exact = booked.home.amount * part.amount / total.amount
        unit = Decimal(1).scaleb(-minor_exponent(home))
        assert abs(done.taken.amount - exact) <= unit  # its share, to a minor unit
        settled, taken = settled + part, taken + done.taken
        assert taken == taken_so_far(booked, settled)
    assert settled == total and taken == booked.home  # nothing left at home either
