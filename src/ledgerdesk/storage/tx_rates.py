"""The exchange rates half of a transaction: the rate on a day (one indexed lookup, the
latest on or before it), every rate, and writing them (one audit row per typed rate, one
per import)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal

from sqlalchemy import func, select

from ledgerdesk.domain.rates import ExchangeRate, rate_text
from ledgerdesk.storage.mapping import as_date
from ledgerdesk.storage.rate_tables import exchange_rates
from ledgerdesk.storage.tx_base import TransactionBase

_T = exchange_rates.c


def _rate(row) -> ExchangeRate:
    return ExchangeRate(as_date(row.date), row.currency, row.rate)


class RateStore(TransactionBase):
    def rate_on(self, currency: str, date: dt.date) -> ExchangeRate | None:
        row = self._conn.execute(
            select(_T.date, _T.currency, _T.rate)
            .where(_T.currency == currency, _T.date <= date)
            .order_by(_T.date.desc()).limit(1)).first()
        return _rate(row) if row is not None else None

    def first_rate(self, currency: str) -> ExchangeRate | None:
        row = self._conn.execute(
            select(_T.date, _T.currency, _T.rate)
            .where(_T.currency == currency).order_by(_T.date).limit(1)).first()
        return _rate(row) if row is not None else None

    def exchange_rates(self, currency: str | None = None) -> Iterator[ExchangeRate]:
        query = select(_T.date, _T.currency, _T.rate).order_by(_T.date.desc(), _T.currency)
        if currency is not None:
            query = query.where(_T.currency == currency)
        for row in self._conn.execute(query):
            yield _rate(row)

    def rates_of(self, currencies: Sequence[str]) -> dict[tuple[str, dt.date], Decimal]:
        if not currencies:
            return {}
        rows = self._conn.execute(select(_T.currency, _T.date, _T.rate)
                                  .where(_T.currency.in_(list(currencies))))
        return {(row.currency, as_date(row.date)): row.rate for row in rows}

    def rate_currencies(self) -> list[tuple[str, int]]:
        rows = self._conn.execute(select(_T.currency, func.count())
                                  .group_by(_T.currency).order_by(_T.currency))
        return [(code, count) for code, count in rows]

    def put_rate(self, rate: ExchangeRate) -> Decimal | None:
        """Keep ``rate``, replacing the currency's rate of that day; the rate replaced."""
        text = rate_text(rate.rate)
        old = self._conn.execute(select(_T.id, _T.rate).where(
            _T.currency == rate.currency, _T.date == rate.date)).first()
        detail = {"currency": rate.currency, "date": rate.date.isoformat(), "rate": text}
        if old is None:
            rate_id = self._exec(exchange_rates.insert().values(
                date=rate.date, currency=rate.currency, rate=Decimal(text)
            )).inserted_primary_key[0]
            self._audit("add", "exchange_rate", rate_id, detail)
            return None
        self._exec(exchange_rates.update().where(_T.id == old.id).values(rate=Decimal(text)))
        self._audit("replace", "exchange_rate", old.id, {**detail, "was": rate_text(old.rate)})
        return old.rate

    def add_rates(self, rates: Sequence[ExchangeRate]) -> None:
        """Insert new rates (none of their days may hold one yet) in one statement."""
        self._conn.exec_driver_sql(
            "INSERT INTO exchange_rates (date, currency, rate) VALUES (?, ?, ?)",
            [(r.date.isoformat(), r.currency, rate_text(r.rate)) for r in rates])
