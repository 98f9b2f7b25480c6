"""Money goes into SQLite as integer minor units and comes back exactly; floats never get in."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, insert, select
from sqlalchemy.exc import StatementError

from ledgerdesk.domain.documents import Document, DocumentKind, LineItem, TaxMode
from ledgerdesk.domain.money import MAX_AMOUNT, Money, minor_exponent
from ledgerdesk.storage.coltypes import ExactDecimal, IsoDate, MinorUnits
from ledgerdesk.storage.fast_totals import total_minor

_metadata = MetaData()
_amounts = Table(
    "amounts", _metadata,
    Column("id", Integer, primary_key=True),
    Column("minor", MinorUnits, nullable=False),
    Column("currency", Text, nullable=False),
    Column("rate", ExactDecimal),
    Column("day", IsoDate),
)
_engine = create_engine("sqlite://")
_metadata.create_all(_engine)

CURRENCIES = st.sampled_from(["EUR", "USD", "GBP", "JPY", "KRW", "BHD", "KWD", "CHF"])


@st.composite
def money(draw) -> Money:
    currency = draw(CURRENCIES)
    digits = minor_exponent(currency)
    limit = int(MAX_AMOUNT.scaleb(digits)) - 1
    return Money.from_minor(draw(st.integers(-limit, limit)), currency)


def _round_trip(value: object, currency: str) -> int:
    with _engine.begin() as conn:
        row_id = conn.execute(
            insert(_amounts).values(minor=value, currency=currency)
        ).inserted_primary_key[0]
        return conn.execute(select(_amounts.c.minor).where(_amounts.c.id == row_id)).scalar_one()


@settings(max_examples=200, deadline=None)
@given(money())
def test_money_survives_the_database_exactly(amount: Money) -> None:
    minor = _round_trip(amount, amount.currency)
    assert isinstance(minor, int)
    assert Money.from_minor(minor, amount.currency) == amount


@settings(max_examples=100, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=6,
                   min_value=-(10**12), max_value=10**12), CURRENCIES)
def test_unquantized_input_is_stored_as_money_rounds_it(raw: Decimal, currency: str) -> None:
    amount = Money(raw, currency)
    assert Money.from_minor(_round_trip(amount, currency), currency).amount == amount.amount


@pytest.mark.parametrize("bad", [1.5, Decimal("1.50"), True, "150"])
def test_minor_units_refuse_anything_but_money_or_int(bad: object) -> None:
    with pytest.raises(StatementError, match="Money or int"):
        _round_trip(bad, "EUR")


def test_exact_decimals_and_dates_round_trip() -> None:
    with _engine.begin() as conn:
        conn.execute(insert(_amounts).values(
            id=999_999, minor=0, currency="EUR", rate=Decimal("1.23456789012345678901"),
            day=dt.date(2024, 2, 29),
        ))
        row = conn.execute(select(_amounts).where(_amounts.c.id == 999_999)).one()
    assert row.rate == Decimal("1.23456789012345678901")
    assert str(row.rate) == "1.23456789012345678901"
    assert row.day == dt.date(2024, 2, 29)
    with pytest.raises(StatementError, match="Decimal or int"), _engine.begin() as conn:
        conn.execute(insert(_amounts).values(minor=0, currency="EUR", rate=0.1))


_decimals = st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=0,
                        max_value=10**6)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_decimals, _decimals, st.sampled_from(["0", "5", "20", "7.5", "100"]),
                       st.sampled_from(["0", "10", "33.3", "100"])), max_size=5),
    st.sampled_from(list(TaxMode)), CURRENCIES,
)
def test_bulk_totals_equal_the_domain_totals(lines, mode: TaxMode, currency: str) -> None:
    doc = Document(
        DocumentKind.SALES_INVOICE, 1, dt.date(2024, 1, 1), dt.date(2024, 1, 1), currency,
        tuple(LineItem("x", q, p, "4000", Decimal(t), Decimal(d)) for q, p, t, d in lines),
        tax_mode=mode,
    )
    assert total_minor(doc) == doc.totals().total.minor_units
