"""The book's self-checks: SQLite's own integrity checks and the ledger rules, in SQL.

Each failure names what is off, with the numbers, so that ``ledgerdesk check`` output can be
acted on.  Only the first few offenders of each kind are listed.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.services.read_models import InvariantFailure
from ledgerdesk.storage.balance_sql import account_days_failures
from ledgerdesk.storage.chart_checks import chart_failures
from ledgerdesk.storage.fx_checks import foreign_still_held, fx_failures, home_currency
from ledgerdesk.storage.journal_checks import journal_failures
from ledgerdesk.storage.lock_checks import lock_failures
from ledgerdesk.storage.opening_checks import opening_failures
from ledgerdesk.storage.rate_checks import rate_failures
from ledgerdesk.storage.reconciliation_checks import reconciliation_failures
from ledgerdesk.storage.settlement_sql import settlement_failures
from ledgerdesk.storage.sql import OUTSTANDING, PURCHASE_KINDS, SALES_KINDS, kinds_list, signed_kind
from ledgerdesk.storage.tax_checks import tax_failures

_SHOWN = 10


def integrity_problems(conn: Connection) -> list[str]:
    """SQLite's integrity_check and foreign_key_check; empty when both are clean."""
    problems = [
        _("integrity: {row}").format(row=row[0])
        for row in conn.exec_driver_sql("PRAGMA integrity_check")
        if row[0] != "ok"
    ]
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        problems.append(_("foreign key: {table} row {rowid} points to a missing {parent} "
                          "row").format(
                            table=table, rowid=rowid, parent=parent))
    return problems


def _money(minor: int, currency: str) -> Money:
    return Money.from_minor(int(minor), currency)


def _listed(rows: list, describe: Callable) -> str:
    shown = "; ".join(describe(row) for row in rows[:_SHOWN])
    more = f"; and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else ""
    return shown + more


def _unbalanced_entries(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        "SELECT entry_id, currency, SUM(amount_minor) FROM journal_lines"
        " GROUP BY entry_id, currency HAVING SUM(amount_minor) <> 0 ORDER BY entry_id"
    ).all()
    if not rows:
        return []
    detail = _listed(rows, lambda r: _("entry {r} debits exceed credits by {money}").format(
                                         r=r[0], money=_money(r[2], r[1])))
    return [InvariantFailure("entries_balance", _("{count} unbalanced entries: {detail}").format(
                                                    count=len(rows), detail=detail))]


def _trial_balance_total(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        "SELECT currency, SUM(amount_minor) FROM journal_lines"
        " GROUP BY currency HAVING SUM(amount_minor) <> 0"
    ).all()
    return [
        InvariantFailure(
            "trial_balance", _("the trial balance in {r} is off by {money}").format(
                                 r=r[0], money=_money(r[1], r[0]))
        )
        for r in rows
    ]


def _control_account(conn: Connection, side: Side) -> list[InvariantFailure]:
    role, kinds, sign = (
        ("RECEIVABLE", SALES_KINDS, 1) if side is Side.SALES else ("PAYABLE", PURCHASE_KINDS, -1)
    )
    ledger = dict(conn.exec_driver_sql(
        "SELECT l.currency, SUM(l.amount_minor) * ? FROM journal_lines AS l"
        " JOIN accounts AS a ON a.code = l.account_code WHERE a.role = ? GROUP BY l.currency",
        (sign, role),
    ).all())
    home = home_currency(conn) or ""
    documents = dict(conn.exec_driver_sql(
        f"SELECT d.currency, SUM({signed_kind(side)} * {OUTSTANDING}) FROM documents AS d"
        f" WHERE d.lifecycle = 'AUTHORISED' AND d.kind IN ({kinds_list(kinds)})"
        " AND d.currency = ? GROUP BY d.currency", (home,)
    ).all())
    if foreign := foreign_still_held(conn, side, home):  # at their booked rates, at home
        documents[home] = documents.get(home, 0) + foreign
    failures = []
    for currency in sorted(set(ledger) | set(documents)):
        balance, outstanding = ledger.get(currency, 0), documents.get(currency, 0)
        if balance != outstanding:
            failures.append(InvariantFailure(
                f"{role.lower()}_control",
                _("the {role} control accounts hold {money} but the {side} documents have "
                  "{money2} outstanding (difference {money3})").format(
                    role=role.lower(), money=_money(balance, currency), side=side.value.lower(),
                    money2=_money(outstanding, currency),
                    money3=_money(balance - outstanding, currency)),
            ))
    return failures


def _negative_outstanding(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        f"SELECT d.id, d.number, d.currency, {OUTSTANDING} AS outstanding FROM documents AS d"
        f" WHERE {OUTSTANDING} < 0 ORDER BY d.id"
    ).all()
    if not rows:
        return []
    detail = _listed(rows, lambda r: f"document {r[1] or r[0]} has {_money(r[3], r[2])}")
    return [InvariantFailure("outstanding_not_negative",
        _("over-allocated documents: {detail}").format(
                                                             detail=detail))]


def _voided_with_allocations(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        "SELECT d.id, d.number, d.currency, SUM(a.amount_minor) FROM documents AS d"
        " JOIN allocations AS a ON a.document_id = d.id AND a.voided = 0"
        " WHERE d.lifecycle = 'VOIDED' GROUP BY d.id ORDER BY d.id"
    ).all()
    if not rows:
        return []
    detail = _listed(
        rows, lambda r: f"{r[1] or r[0]} still has {_money(r[3], r[2])} allocated"
    )
    return [InvariantFailure("voided_unallocated",
        _("void documents with allocations: {detail}").format(
                                                       detail=detail))]


def _payments_accounted(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        "SELECT id, currency, amount_minor, allocated, kept FROM ("
        " SELECT p.id, p.currency, p.amount_minor,"
        " COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a"
        "  WHERE a.payment_id = p.id AND a.voided = 0), 0) AS allocated,"
        " COALESCE((SELECT SUM(d.total_minor) FROM documents AS d"
        "  WHERE d.source_payment_id = p.id AND d.lifecycle <> 'VOIDED'), 0) AS kept"
        " FROM payments AS p WHERE p.voided = 0"
        # Money in one currency for documents in another is all of it, at the rate implied.
        " AND NOT EXISTS (SELECT 1 FROM allocations AS a JOIN documents AS d"
        "  ON d.id = a.document_id WHERE a.payment_id = p.id AND d.currency <> p.currency))"
        " WHERE amount_minor <> allocated + kept ORDER BY id"
    ).all()
    if not rows:
        return []
    detail = _listed(rows, lambda r: (
        _("payment {r} of {money} has {money2} allocated and {money3} kept as credit").format(
            r=r[0], money=_money(r[2], r[1]), money2=_money(r[3], r[1]), money3=_money(r[4], r[1]))
    ))
    return [InvariantFailure("payments_accounted",
        _("payments not fully accounted: {detail}").format(
                                                       detail=detail))]


def invariant_failures(conn: Connection) -> list[InvariantFailure]:
    """Every broken ledger rule; empty for a healthy book."""
    return [
        *_unbalanced_entries(conn),
        *_trial_balance_total(conn),
        *_control_account(conn, Side.SALES),
        *_control_account(conn, Side.PURCHASES),
        *_negative_outstanding(conn),
        *_voided_with_allocations(conn),
        *_payments_accounted(conn),
        *chart_failures(conn),
        *journal_failures(conn),
        *lock_failures(conn),
        *opening_failures(conn),
        *tax_failures(conn),
        *reconciliation_failures(conn),
        *account_days_failures(conn),
        *settlement_failures(conn),
        *rate_failures(conn),
        *fx_failures(conn),
    ]
