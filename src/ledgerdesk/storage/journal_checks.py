"""``check`` on manual journals, in SQL: what the services and triggers should make true.

- no manual entry posts to the receivable or payable control account;
- each journal is posted as recorded (its entry debits exactly its total), and is void
  exactly when its entry has been reversed;
- the JNL- numbers run 1, 2, 3 … without a hole.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.journals import journal_number
from ledgerdesk.domain.money import Money
from ledgerdesk.services.read_models import InvariantFailure

_SHOWN = 10


def _listed(items: list[str]) -> str:
    more = f"; and {len(items) - _SHOWN} more" if len(items) > _SHOWN else ""
    return "; ".join(items[:_SHOWN]) + more


def _money(minor: int, currency: str) -> str:
    return str(Money.from_minor(int(minor), currency))


def _manual_on_control(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        "SELECT e.id, a.code, a.name, l.currency, SUM(l.amount_minor) FROM journal_entries AS e"
        " JOIN journal_lines AS l ON l.entry_id = e.id"
        " JOIN accounts AS a ON a.code = l.account_code"
        " WHERE e.source_type = 'MANUAL' AND a.role IN ('RECEIVABLE', 'PAYABLE')"
        " GROUP BY e.id, a.code, l.currency ORDER BY e.id, a.code"
    ).all()
    if not rows:
        return []
    detail = _listed([_("entry {r} posts {money} to {r2} {r3}").format(
                          r=r[0], money=_money(abs(r[4]), r[3]), r2=r[1], r3=r[2])
                      for r in rows])
    return [InvariantFailure(
        "manual_control", _("{count} manual entries post to a control account: {detail}").format(
                              count=len(rows), detail=detail))]


def _journals_posted(conn: Connection) -> list[InvariantFailure]:
    rows = conn.exec_driver_sql(
        "SELECT m.number, m.currency, m.total_minor, m.voided,"
        " COALESCE((SELECT SUM(l.amount_minor) FROM journal_entries AS e"
        "  JOIN journal_lines AS l ON l.entry_id = e.id WHERE e.source_type = 'MANUAL'"
        "  AND e.source_id = m.id AND e.reverses_id IS NULL AND l.amount_minor > 0), 0),"
        " EXISTS (SELECT 1 FROM journal_entries AS r WHERE r.source_type = 'MANUAL'"
        "  AND r.source_id = m.id AND r.reverses_id IS NOT NULL)"
        " FROM manual_journals AS m ORDER BY m.sequence"
    ).all()
    wrong = []
    for number, currency, total, voided, debits, reversed_ in rows:
        if debits != total:
            wrong.append(_("{number} totals {money} but its entry debits {money2}").format(
                             number=number, money=_money(total, currency),
                             money2=_money(debits, currency)))
        if voided and not reversed_:
            wrong.append(_("{number} is void but has no reversal").format(number=number))
        elif reversed_ and not voided:
            wrong.append(_("{number} has a reversal but is not void").format(number=number))
    if not wrong:
        return []
    return [InvariantFailure(
        "journals_posted", _("{count} journals are not posted as recorded: {listed}").format(
                               count=len(wrong), listed=_listed(wrong)))]


def _numbers_gap_free(conn: Connection) -> list[InvariantFailure]:
    count, last = conn.exec_driver_sql(
        "SELECT COUNT(*), COALESCE(MAX(sequence), 0) FROM manual_journals").one()
    if count == last:
        return []
    return [InvariantFailure(
        "journal_numbers", f"the journal numbers have {last - count} missing: {count} "
                           f"journals, numbered up to {journal_number(last)}")]


def journal_failures(conn: Connection) -> list[InvariantFailure]:
    return [*_manual_on_control(conn), *_journals_posted(conn), *_numbers_gap_free(conn)]
