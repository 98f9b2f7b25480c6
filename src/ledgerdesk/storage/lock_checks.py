"""``check`` on the lock date: nothing was posted inside a lock while it stood.

Each lock audit row (``services.lock.change_lock_in``) keeps the lock it set and the last
journal entry id at that moment; entry ids only grow (entries are never deleted), so the
entries posted while that lock stood are exactly those after its id and up to the next
lock row's.  Any of them dated on or before that lock was written into a closed period:
by a program that ignored the lock, or by hand.  Entries posted before a lock was set, or
while it was cleared or set earlier, are not failures; what was locked then is what counts.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection

from ledgerdesk.domain.i18n import _
from ledgerdesk.services.read_models import InvariantFailure

_SHOWN = 10


def _locks(conn: Connection) -> list[tuple[str | None, int]]:
    """(the lock set, or None when cleared; the last entry id then), oldest first."""
    found = []
    for (detail,) in conn.exec_driver_sql(
            "SELECT detail FROM audit_log WHERE action = 'lock' ORDER BY id"):
        values = json.loads(detail)
        found.append((values.get("through"), int(values.get("last_entry") or 0)))
    return found


def lock_failures(conn: Connection) -> list[InvariantFailure]:
    locks = _locks(conn)
    wrong: list[str] = []
    for index, (through, after) in enumerate(locks):
        if through is None:
            continue
        until = locks[index + 1][1] if index + 1 < len(locks) else None
        rows = conn.exec_driver_sql(
            "SELECT id, date FROM journal_entries WHERE id > ? AND (? IS NULL OR id <= ?)"
            " AND date <= ? ORDER BY id", (after, until, until, through)).all()
        wrong += [_("entry {entry_id} dated {date} was posted while the books were locked "
                    "through {through}").format(entry_id=entry_id, date=date,
                        through=through) for entry_id, date in rows]
    if not wrong:
        return []
    more = f"; and {len(wrong) - _SHOWN} more" if len(wrong) > _SHOWN else ""
    return [InvariantFailure(
        "inside_lock", _("{count} entries posted inside the lock: ").format(count=len(wrong))
        + "; ".join(wrong[:_SHOWN]) + more)]
