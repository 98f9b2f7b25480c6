"""Column types: money as integer minor units, exact decimals as text, dates as ISO text.

SQLite has no exact decimal type (``Numeric`` goes through float), so every amount of money
is stored as an INTEGER of minor units through ``MinorUnits``; rows carry their currency and
the mapping code rebuilds ``Money.from_minor(value, currency)``.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy.types import Integer, Text, TypeDecorator

from ledgerdesk.domain.money import Money


def to_minor(value: Any) -> int:
    """``Money`` or ``int`` to minor units; refuses float, Decimal, bool and anything else."""
    if isinstance(value, Money):
        return value.minor_units
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"money is stored from Money or int minor units, not {type(value).__name__}")


class MinorUnits(TypeDecorator[int]):
    """An amount of money as INTEGER minor units (cents); the row keeps the currency."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        return None if value is None else to_minor(value)

    def process_result_value(self, value: Any, dialect: Any) -> int | None:
        return None if value is None else int(value)


def decimal_text(value: Any) -> str:
    """The exact text of a finite Decimal (or int); refuses float."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        kind = type(value).__name__
        raise TypeError(f"exact decimals are stored from Decimal or int, not {kind}")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    return str(value)


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal that is not money (quantity, price, rate) as its exact TEXT."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else decimal_text(value)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class IsoDate(TypeDecorator[dt.date]):
    """A calendar date as ISO TEXT (``2024-03-31``), which sorts and compares correctly."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise TypeError(f"a date column takes a date, not {type(value).__name__}")
        return value.isoformat()

    def process_result_value(self, value: Any, dialect: Any) -> dt.date | None:
        return None if value is None else dt.date.fromisoformat(value)


class JsonText(TypeDecorator[dict]):
    """A small JSON object as TEXT (audit details, a document's extra fields)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else json.dumps(value, sort_keys=True, default=str)

    def process_result_value(self, value: Any, dialect: Any) -> dict | None:
        return None if value is None else json.loads(value)
