"""What ``check`` verifies of exchange rates, in SQL: each is a positive plain decimal of
at most ``RATE_PLACES`` places, for a currency other than the book's own.  The table's CHECK
already refuses the first; a hand-edited book (``PRAGMA ignore_check_constraints``) may not
have obeyed it."""

from __future__ import annotations

from sqlalchemy import Connection

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.rates import RATE_PLACES
from ledgerdesk.services.read_models import InvariantFailure

_SHOWN = 10

_BAD = f"""
SELECT r.currency, r.date, r.rate FROM exchange_rates AS r
 WHERE r.rate GLOB '*[^0-9.]*' OR r.rate GLOB '*.*.*' OR NOT r.rate GLOB '*[0-9]*'
    OR CAST(r.rate AS REAL) <= 0
    OR (instr(r.rate, '.') > 0 AND length(r.rate) - instr(r.rate, '.') > {RATE_PLACES})
    OR r.currency = (SELECT value FROM settings WHERE key = 'base_currency')
 ORDER BY r.date, r.currency
"""


def rate_failures(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(_BAD).all()
    if not rows:
        return []
    shown = "; ".join(f"{currency} on {date}: {rate!r}" for currency, date, rate in rows[:_SHOWN])
    more = f"; and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else ""
    return [InvariantFailure(
        "rates_positive",
        _("exchange rates that are not a positive number of at most {rate_places} decimal "
          "places for a foreign currency: {shown}{more}").format(
            rate_places=RATE_PLACES, shown=shown, more=more))]
