"""``check`` on bank reconciliations: each adds up, nothing cleared is void, each cleared
line is its own account's and dated by its statement (and cleared once), and each standing
reconciliation starts where its account's previous one ended.

The services and the triggers refuse all of this; these find a book written by another
tool, or by hand, with the triggers dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.services.read_models import InvariantFailure

_SHOWN = 10
_NAMED = ("'reconciliation ' || r.id || ' of ' || r.account_code || ' ' || a.name ||"
          " ' (statement ' || r.statement_date || ')'")
_FROM = ("FROM reconciliations AS r JOIN accounts AS a ON a.code = r.account_code")
_CLEARED = (f"{_FROM} JOIN reconciliation_lines AS c ON c.reconciliation_id = r.id"
            " JOIN journal_lines AS l ON l.id = c.journal_line_id"
            " JOIN journal_entries AS e ON e.id = l.entry_id")


def _failure(check: str, rows: list, what: str, describe: Callable) -> list[InvariantFailure]:
    if not rows:
        return []
    shown = "; ".join(describe(row) for row in rows[:_SHOWN])
    more = f"; and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else ""
    return [InvariantFailure(check, f"{len(rows)} {what}: {shown}{more}")]


def _money(minor: int, currency: str) -> Money:
    return Money.from_minor(int(minor), currency)


def _not_adding_up(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        f"SELECT {_NAMED}, r.statement_balance_minor, r.opening_balance_minor, r.currency,"
        " COALESCE((SELECT SUM(l.amount_minor) FROM reconciliation_lines AS c"
        "  JOIN journal_lines AS l ON l.id = c.journal_line_id"
        "  WHERE c.reconciliation_id = r.id), 0) AS cleared"
        f" {_FROM} WHERE r.statement_balance_minor <> r.opening_balance_minor + cleared"
        " ORDER BY r.id").all()
    return _failure("reconciliation_balance", rows, _("reconciliations do not add up"),
                    lambda r: _("{r} says {money}, but its opening {money2} and cleared "
                                "postings {money3} make {money4}").format(
                                  r=r[0], money=_money(r[1], r[3]), money2=_money(r[2], r[3]),
                                  money3=_money(r[4], r[3]), money4=_money(r[2] + r[4], r[3])))


def _void_cleared(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        f"SELECT l.id, lower(e.source_type), e.source_id, {_NAMED} {_CLEARED}"
        " WHERE r.undone = 0 AND (e.reverses_id IS NOT NULL"
        "  OR EXISTS (SELECT 1 FROM journal_entries AS v WHERE v.reverses_id = e.id)"
        "  OR (e.source_type = 'PAYMENT' AND EXISTS (SELECT 1 FROM payments AS p"
        "   WHERE p.id = e.source_id AND p.voided = 1))"
        "  OR (e.source_type = 'MANUAL' AND EXISTS (SELECT 1 FROM manual_journals AS m"
        "   WHERE m.id = e.source_id AND m.voided = 1))"
        "  OR (e.source_type = 'DOCUMENT' AND EXISTS (SELECT 1 FROM documents AS d"
        "   WHERE d.id = e.source_id AND d.lifecycle = 'VOIDED')))"
        " ORDER BY r.id, l.id").all()
    return _failure("reconciliation_void", rows, _("cleared postings are void"),
                    lambda r: _("line {r} ({role} {r2}) in {r3}").format(
                                  r=r[0], role=r[1].replace('_', ' '), r2=r[2], r3=r[3]))


def _misplaced(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        f"SELECT l.id, l.account_code, e.date, {_NAMED} {_CLEARED}"
        " WHERE l.account_code <> r.account_code OR e.date > r.statement_date"
        "  OR (r.undone = 0 AND EXISTS (SELECT 1 FROM reconciliation_lines AS o"
        "   JOIN reconciliations AS s ON s.id = o.reconciliation_id AND s.undone = 0"
        "   WHERE o.journal_line_id = l.id AND s.id <> r.id))"
        " ORDER BY r.id, l.id").all()
    return _failure("reconciliation_lines", rows, _("cleared lines do not belong where they are"),
                    lambda r: _("line {r} on {r2} dated {r3} in {r4}").format(
                                  r=r[0], r2=r[1], r3=r[2], r4=r[3]))


def _broken_chain(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        f"SELECT {_NAMED}, r.opening_balance_minor, r.currency, p.statement_balance_minor,"
        " p.statement_date"
        f" {_FROM} LEFT JOIN reconciliations AS p ON p.id = (SELECT MAX(q.id)"
        "  FROM reconciliations AS q WHERE q.account_code = r.account_code AND q.undone = 0"
        "  AND q.id < r.id)"
        " WHERE r.undone = 0 AND (r.opening_balance_minor <> COALESCE("
        "  p.statement_balance_minor, 0) OR r.statement_date < p.statement_date)"
        " ORDER BY r.id").all()
    return _failure("reconciliation_chain", rows,
                    _("reconciliations do not start where the previous one ended"),
                    lambda r: _("{r} opens with {money}, but the one before it ends with "
                                "{money2}").format(
                                  r=r[0], money=_money(r[1], r[2]), money2=_money(r[3] or 0, r[2]))
                    + (_(" on {r}").format(r=r[4]) if r[4] else ""))


def reconciliation_failures(conn: Connection) -> list[InvariantFailure]:
    return [*_not_adding_up(conn), *_void_cleared(conn), *_misplaced(conn),
            *_broken_chain(conn)]
