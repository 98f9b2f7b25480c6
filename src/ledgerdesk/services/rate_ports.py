"""What exchange rates ask of a book's transaction, beyond ``ports``: the latest rate on or
before a day, the first rate of a currency, every rate, and writing them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Protocol, cast

from ledgerdesk.domain.rates import ExchangeRate
from ledgerdesk.services.ports import Transaction


class RateTransaction(Transaction, Protocol):
    def rate_on(self, currency: str, date: dt.date) -> ExchangeRate | None: ...
    def first_rate(self, currency: str) -> ExchangeRate | None: ...
    def exchange_rates(self, currency: str | None = None) -> Iterator[ExchangeRate]: ...
    #: newest first, then by currency
    def rates_of(self, currencies: Sequence[str]) -> dict[tuple[str, dt.date], Decimal]: ...
    def put_rate(self, rate: ExchangeRate) -> Decimal | None: ...  # the rate it replaced
    def add_rates(self, rates: Sequence[ExchangeRate]) -> None: ...  # all new
    def rate_currencies(self) -> list[tuple[str, int]]: ...  # (code, how many), by code


_NEEDS = ("rate_on", "first_rate", "exchange_rates", "rates_of", "put_rate", "add_rates",
          "rate_currencies")


def rated(tx: Transaction) -> RateTransaction:
    """``tx`` as a ``RateTransaction``; a ``TypeError`` names what it lacks."""
    missing = [name for name in _NEEDS if not hasattr(tx, name)]
    if missing:
        raise TypeError(f"{type(tx).__name__} cannot read exchange rates "
                        f"(no {', '.join(missing)})")
    return cast(RateTransaction, tx)
