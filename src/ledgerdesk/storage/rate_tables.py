"""The exchange rates table (migration 0011_rates): one rate per currency and day.

The rate is exact decimal text (``ExactDecimal``, as a document's ``exchange_rate``), already
rounded to ``domain.rates.RATE_PLACES`` places; the CHECK keeps it a plain positive decimal
(digits and one dot: no sign, no exponent).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Integer, Table, Text, UniqueConstraint

from ledgerdesk.storage.coltypes import ExactDecimal, IsoDate
from ledgerdesk.storage.tables import metadata

#: The rate column's CHECK: digits and at most one dot, and more than zero.
RATE_CHECK = ("rate NOT GLOB '*[^0-9.]*' AND rate NOT GLOB '*.*.*' AND rate GLOB '*[0-9]*'"
              " AND CAST(rate AS REAL) > 0")

exchange_rates = Table(
    "exchange_rates", metadata,
    Column("id", Integer, primary_key=True),
    Column("date", IsoDate, nullable=False),
    Column("currency", Text, nullable=False),
    Column("rate", ExactDecimal, nullable=False),
    CheckConstraint("length(currency) = 3", name="ck_exchange_rates_currency"),
    CheckConstraint(RATE_CHECK, name="ck_exchange_rates_rate"),
    # Also the index of "the latest rate on or before a day" (currency, date DESC).
    UniqueConstraint("currency", "date", name="uq_exchange_rates_currency_date"),
)
