"""``check`` on opening balances, in SQL: what ``services.opening`` should make true.

- the opening journal the settings name exists, is dated the start date, and its entry
  balances (every entry balancing is checked for the whole book too; this names the one
  an accountant looks for first);
- every opening invoice or bill is dated the start date, and none exists without opening
  balances.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.services.read_models import InvariantFailure

_SETTING = "opening_balances"  # services.opening.OPENING_SETTING (storage cannot import it)


def opening_failures(conn: Connection) -> list[InvariantFailure]:
    stored = conn.exec_driver_sql(
        "SELECT value FROM settings WHERE key = ?", (_SETTING,)).scalar()
    as_of, number = None, ""
    if stored:
        value = json.loads(stored)
        as_of, number = value.get("as_of"), value.get("journal", "")
    wrong = _journal_problems(conn, as_of, number) if number else []
    documents = conn.exec_driver_sql(
        "SELECT number, issue_date FROM documents WHERE json_extract(extra, '$.opening')"
        " IS NOT NULL ORDER BY id").all()
    wrong += [_("opening document {n} is dated {d}, not the opening date {as_of}").format(
                  n=n, d=d, as_of=as_of)
              for n, d in documents if as_of is not None and d != as_of]
    if documents and as_of is None:
        wrong.append(_("{count} opening documents, but the book has no opening balances").format(
                         count=len(documents)))
    if not wrong:
        return []
    return [InvariantFailure("opening_balances",
                             _("the opening balances are not as recorded: {items}").format(
                                 items='; '.join(wrong)))]


def _journal_problems(conn: Connection, as_of: str | None, number: str) -> list[str]:
    row = conn.exec_driver_sql(
        "SELECT m.date, m.currency, (SELECT COALESCE(SUM(l.amount_minor), 0)"
        " FROM journal_entries AS e JOIN journal_lines AS l ON l.entry_id = e.id"
        " WHERE e.source_type = 'MANUAL' AND e.source_id = m.id AND e.reverses_id IS NULL)"
        " FROM manual_journals AS m WHERE m.number = ?", (number,)).first()
    if row is None:
        return [_("the opening journal {number} is missing").format(number=number)]
    date, currency, difference = row
    found = []
    if date != as_of:
        found.append(_("the opening journal {number} is dated {date}, not {as_of}").format(
                         number=number, date=date, as_of=as_of))
    if difference:
        found.append(_("the opening journal {number} is out of balance by {amount}").format(
                         number=number,
                         amount=Money.from_minor(abs(int(difference)), currency)))
    return found
