"""What every part of a ``SqliteTransaction`` shares: the connection, refusals, the audit log
(when, who and what, every row)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Executable, insert, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError, OperationalError

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.storage.tables import audit_log


def refused(exc: IntegrityError) -> NotAllowed:
    """A constraint or trigger said no: say so without SQL in the message."""
    reason = str(exc.orig).rstrip(".")
    return NotAllowed(_("The book refused the change: {reason}.").format(reason=reason))


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class TransactionBase:
    """Holds the connection of one open transaction."""

    def __init__(self, conn: Connection, who: str = "") -> None:
        self._conn = conn
        self._who = who  # the user the book was opened for, written on every audit row

    def _exec(self, statement: Executable, params: Any = None) -> CursorResult[Any]:
        try:
            return self._conn.execute(statement, params)
        except IntegrityError as exc:
            raise refused(exc) from exc
        except OperationalError as exc:
            if "readonly" in str(exc.orig):
                raise NotAllowed(_("This is a read-only transaction; use book.write().")) from exc
            raise

    def _audit(
        self, action: str, entity: str, entity_id: int | None, detail: dict[str, Any]
    ) -> None:
        self._exec(insert(audit_log).values(
            ts=now_text(), who=self._who, action=action, entity=entity, entity_id=entity_id,
            detail=detail,
        ))

    def audit(
        self, action: str, entity: str, entity_id: int | None, detail: dict[str, Any]
    ) -> None:
        """Append a row to the audit log (the log itself is append-only)."""
        self._audit(action, entity, entity_id, detail)

    def audit_rows(self) -> list[tuple[str, str, str, str, int | None, dict[str, Any]]]:
        """Every audit row, oldest first: (ts, who, action, entity, entity_id, detail)."""
        rows = self._conn.execute(select(
            audit_log.c.ts, audit_log.c.who, audit_log.c.action, audit_log.c.entity,
            audit_log.c.entity_id, audit_log.c.detail,
        ).order_by(audit_log.c.id))
        return [tuple(row) for row in rows]  # type: ignore[misc]

    def last_entry_id(self) -> int:
        """The newest journal entry's id (0 in an empty book); ids only grow."""
        return int(self._conn.exec_driver_sql(
            "SELECT COALESCE(MAX(id), 0) FROM journal_entries").scalar() or 0)
