"""The audit log as people read it: when (UTC), who, and what, oldest first.

Every change the book makes appends a row in its own transaction (``storage``); who is the
user the book was opened for, which the command line and the window take from the system.
A lock's row says in words what happened ("Lock moved from 2025-06-30 to 2025-12-31");
other rows are worded from their action, record and details.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ledgerdesk.services.ports import Book

#: Details longer than this are cut (an import's or a bulk load's counts can run long).
MAX_WHAT = 240


class AuditReads(Protocol):
    def audit_rows(self) -> list[tuple[str, str, str, str, int | None, dict[str, Any]]]: ...


@dataclass(frozen=True, slots=True)
class AuditRow:
    when: str  # ISO 8601, UTC, to the millisecond
    who: str  # "" when unknown (rows written before the log kept it)
    what: str


def audit_log(book: Book) -> Iterator[AuditRow]:
    """Every row of the audit log, oldest first."""
    with book.read() as tx:
        rows = _reads(tx).audit_rows()
    for when, who, action, entity, entity_id, detail in rows:
        yield AuditRow(when, who, audit_words(action, entity, entity_id, detail))


def audit_words(action: str, entity: str, entity_id: int | None,
                detail: dict[str, Any]) -> str:
    """One line for an audit row: its own words when it has them (a lock), else the action
    and the record with its details, e.g. "void payment 7 (allocations_voided: 1)"."""
    if isinstance(detail.get("what"), str):
        return detail["what"]
    record = entity.replace("_", " ") + (f" {entity_id}" if entity_id is not None else "")
    said = ", ".join(f"{key}: {value}" for key, value in detail.items())
    text = f"{action.replace('_', ' ')} {record}" + (f" ({said})" if said else "")
    return " ".join(text.split())[:MAX_WHAT]


def _reads(tx: Any) -> AuditReads:
    return tx  # storage's transaction keeps the log; the Transaction port only appends
