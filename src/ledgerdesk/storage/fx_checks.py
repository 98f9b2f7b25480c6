"""The foreign-currency checks of ``ledgerdesk check`` (issue 15).

- What a foreign document still holds at home is its total at its booked rate less what
  its active settlements took (``allocations.home_minor``); the control accounts are
  checked against that (``checks._control_account``).
- A foreign document settled in full holds nothing at home either.
- Each foreign posting's home amount is its foreign amount at its rate, rounded at home: a
  document's receivable or payable at the document's rate, a payment's bank line at the
  payment's.

The rounding is Python's (``domain.fx.at_rate``), on the foreign documents and postings
only; a home-currency book reads nothing here.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.services.read_models import InvariantFailure
from ledgerdesk.storage.sql import PURCHASE_KINDS, SALES_KINDS, kinds_list, signed_kind

_SHOWN = 10
_TAKEN = ("COALESCE((SELECT SUM(COALESCE(a.home_minor, a.amount_minor)) FROM allocations AS a"
          " WHERE a.document_id = d.id AND a.voided = 0), 0)")
_SETTLED = ("COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a"
            " WHERE a.document_id = d.id AND a.voided = 0), 0)")


def home_currency(conn: Connection) -> str | None:
    return conn.exec_driver_sql(
        "SELECT value FROM settings WHERE key = 'base_currency'").scalar()


def _open_foreign(conn: Connection, side: Side, home: str):
    kinds = SALES_KINDS if side is Side.SALES else PURCHASE_KINDS
    return conn.exec_driver_sql(
        f"SELECT d.id, d.number, d.currency, d.exchange_rate, d.total_minor, {_SETTLED},"
        f" {_TAKEN}, {signed_kind(side)} FROM documents AS d"
        f" WHERE d.lifecycle = 'AUTHORISED' AND d.kind IN ({kinds_list(kinds)})"
        " AND d.currency <> ? ORDER BY d.id", (home,)).all()


def foreign_still_held(conn: Connection, side: Side, home: str) -> int:
    """What the side's foreign documents still hold at home, signed as the control account
    holds it, in the home currency's minor units."""
    held = 0
    for _id, _number, currency, rate, total, _settled, taken, sign in _open_foreign(
            conn, side, home):
        booked = at_rate(Money.from_minor(total, currency), Decimal(rate), home)
        held += sign * (booked.minor_units - taken)
    return held


def _settled_but_held(conn: Connection, home: str) -> list[InvariantFailure]:
    found = []
    for side in Side:
        for _id, number, currency, rate, total, settled, taken, _sign in _open_foreign(
                conn, side, home):
            booked = at_rate(Money.from_minor(total, currency), Decimal(rate), home)
            if settled == total and booked.minor_units != taken:
                left = Money.from_minor(booked.minor_units - taken, home)
                found.append(_("{number} is settled but holds {left} at home").format(
                    number=number, left=left))
    if not found:
        return []
    return [InvariantFailure("fx_settled_zero", _listed(found))]


def _listed(found: list[str]) -> str:
    more = (_("; and {count} more").format(count=len(found) - _SHOWN)
            if len(found) > _SHOWN else "")
    return "; ".join(found[:_SHOWN]) + more


_POSTED_AT_RATE = (
    "SELECT e.id, l.account_code, l.amount_minor, l.foreign_minor, l.foreign_currency,"
    " CASE e.source_type WHEN 'DOCUMENT' THEN d.exchange_rate ELSE p.exchange_rate END"
    " FROM journal_lines AS l JOIN journal_entries AS e ON e.id = l.entry_id"
    " LEFT JOIN documents AS d ON e.source_type = 'DOCUMENT' AND d.id = e.source_id"
    " LEFT JOIN payments AS p ON e.source_type = 'PAYMENT' AND p.id = e.source_id"
    " LEFT JOIN accounts AS a ON a.code = l.account_code"
    " WHERE l.foreign_currency IS NOT NULL AND ("
    "  (e.source_type = 'DOCUMENT' AND a.role IN ('RECEIVABLE', 'PAYABLE'))"
    "  OR (e.source_type = 'PAYMENT' AND a.role = 'BANK'))"
    " ORDER BY e.id"
)


def _postings_off_rate(conn: Connection, home: str) -> list[InvariantFailure]:
    found = []
    for entry_id, code, minor, foreign_minor, currency, rate in conn.exec_driver_sql(
            _POSTED_AT_RATE):
        expected = at_rate(Money.from_minor(foreign_minor, currency), Decimal(rate), home)
        if expected.minor_units != minor:
            found.append(_("entry {entry_id} holds {held} on {code} for {foreign} at {rate}, "
                           "not {expected}").format(
                entry_id=entry_id, held=Money.from_minor(minor, home), code=code,
                foreign=Money.from_minor(foreign_minor, currency), rate=rate,
                expected=expected))
    if not found:
        return []
    return [InvariantFailure("fx_posted_at_rate", _listed(found))]


def fx_failures(conn: Connection) -> list[InvariantFailure]:
    home = home_currency(conn)
    if home is None:
        return []
    return [*_settled_but_held(conn, home), *_postings_off_rate(conn, home)]
