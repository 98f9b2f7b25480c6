"""The tax invariants ``check`` verifies, in SQL: lines agree with their tax codes, and each
tax settlement posted exactly its amount, once, for a period no other settlement covers."""

from __future__ import annotations

from sqlalchemy import Connection

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.services.read_models import InvariantFailure
from ledgerdesk.storage.sql import SALES_KINDS, kinds_list

_SHOWN = 10


def _listed(rows: list, describe) -> str:
    shown = "; ".join(describe(row) for row in rows[:_SHOWN])
    return shown + (f"; and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else "")


def _lines_on_their_codes(conn: Connection) -> list[InvariantFailure]:
    side = (f"CASE WHEN d.kind IN ({kinds_list(SALES_KINDS)}) THEN 'SALES' "
            "ELSE 'PURCHASES' END")
    rows = conn.exec_driver_sql(
        f"SELECT d.id, d.number, l.position, t.name, t.side, {side}, t.rate, l.tax_rate"
        " FROM document_lines AS l JOIN documents AS d ON d.id = l.document_id"
        " JOIN tax_codes AS t ON t.id = l.tax_code_id"
        f" WHERE t.side <> {side} OR (d.tax_mode <> 'NO_TAX'"
        " AND CAST(t.rate AS REAL) <> CAST(l.tax_rate AS REAL))"
        " ORDER BY d.id, l.position"
    ).all()
    if not rows:
        return []
    detail = _listed(rows, lambda r: (
        f"line {r[2]} of {r[1] or f'draft {r[0]}'} is on {r[4].lower()} code {r[3]} "
        f"({r[6]}%) but is a {r[5].lower()} line at {r[7]}%"))
    return [InvariantFailure("lines_on_their_tax_codes",
                             _("lines that disagree with their tax code: {detail}").format(
                                 detail=detail))]


def _settlements_posted(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        "SELECT s.id, s.currency, s.amount_minor, COUNT(DISTINCT e.id),"
        " COALESCE(SUM(CASE WHEN l.account_code = s.bank_account_code"
        " THEN l.amount_minor END), 0)"
        " FROM tax_settlements AS s LEFT JOIN journal_entries AS e"
        " ON e.source_type = 'TAX_SETTLEMENT' AND e.source_id = s.id"
        " LEFT JOIN journal_lines AS l ON l.entry_id = e.id"
        " GROUP BY s.id HAVING COUNT(DISTINCT e.id) <> 1"
        " OR COALESCE(SUM(CASE WHEN l.account_code = s.bank_account_code"
        " THEN l.amount_minor END), 0) <> -s.amount_minor ORDER BY s.id"
    ).all()
    overlaps = conn.exec_driver_sql(
        "SELECT a.id, b.id FROM tax_settlements AS a JOIN tax_settlements AS b ON a.id < b.id"
        " AND a.period_start <= b.period_end AND b.period_start <= a.period_end ORDER BY a.id"
    ).all()
    failures = []
    if rows:
        detail = _listed(rows, lambda r: (
            _("settlement {r} of {amount} has {r2} entries moving {amount2} through its "
              "bank").format(
                r=r[0], amount=Money.from_minor(int(r[2]), r[1]), r2=r[3],
                amount2=Money.from_minor(-int(r[4]), r[1]))))
        failures.append(InvariantFailure("tax_settlements_posted",
                                         _("tax settlements not posted as recorded: "
                                           "{detail}").format(
                                             detail=detail)))
    if overlaps:
        detail = _listed(overlaps, lambda r: _("settlements {r} and {r2}").format(r=r[0], r2=r[1]))
        failures.append(InvariantFailure("tax_periods_settled_once",
                                         _("tax periods settled twice: {detail}").format(
                                             detail=detail)))
    return failures


def tax_failures(conn: Connection) -> list[InvariantFailure]:
    return [*_lines_on_their_codes(conn), *_settlements_posted(conn)]
