"""``SqliteJournals``: the manual journals list, counted and paged in SQL, or streamed.

Filters and sort become parameterised SQL the way ``list_sql`` does it for the other lists
(ids of the page first, then their rows); the reversal's date of a void journal comes from
its entry through ``ix_journal_entries_source``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import Connection

from ledgerdesk.domain.money import Money
from ledgerdesk.services.journal_queries import JournalQuery, JournalSort, JournalSummary
from ledgerdesk.storage.list_sql import _LIKE, Filtered, like_pattern
from ledgerdesk.storage.mapping import as_date
from ledgerdesk.storage.pages import ListPages, _window
from ledgerdesk.storage.summaries import IN_JSON_IDS

_BATCH = 500
_KEYS = {
    JournalSort.NUMBER: "m.sequence",
    JournalSort.DATE: "m.date",
    JournalSort.MEMO: "m.memo COLLATE NOCASE",
    JournalSort.TOTAL: "m.total_minor",
}
SUMMARY_SQL = (
    "SELECT m.id, m.number, m.date, m.memo, m.total_minor, m.currency, m.voided,"
    " (SELECT MIN(r.date) FROM journal_entries AS r WHERE r.source_type = 'MANUAL'"
    "  AND r.source_id = m.id AND r.reverses_id IS NOT NULL) AS void_date"
    " FROM manual_journals AS m"
)


def journals_filtered(q: JournalQuery) -> Filtered:
    direction = " DESC" if q.descending else ""
    f = Filtered("manual_journals AS m", f"{_KEYS[q.sort]}{direction}, m.id{direction}")
    if q.date_from is not None:
        f.add("m.date >= :date_from", date_from=q.date_from.isoformat())
    if q.date_to is not None:
        f.add("m.date <= :date_to", date_to=q.date_to.isoformat())
    if q.text:
        f.add(f"(m.number {_LIKE} OR m.memo {_LIKE})", text=like_pattern(q.text))
    return f


def journal_summary(row) -> JournalSummary:
    return JournalSummary(
        id=row.id, number=row.number, date=as_date(row.date), memo=row.memo,
        total=Money.from_minor(row.total_minor, row.currency), voided=bool(row.voided),
        void_date=as_date(row.void_date) if row.void_date else None,
    )


class SqliteJournals(ListPages):
    """The ``JournalQueries`` port (``services.journal_queries``)."""

    def count_journals(self, query: JournalQuery) -> int:
        return self._count(journals_filtered(query))

    def journal_page(self, query: JournalQuery, offset: int, limit: int) -> list[JournalSummary]:
        window = _window(offset, limit)
        with self._reading() as conn:
            return journals_of(conn, self._ids(conn, journals_filtered(query), "m.id", window))

    def journal_summaries(self) -> Iterator[JournalSummary]:
        with self._reading() as conn:
            rows = conn.execution_options(yield_per=_BATCH).exec_driver_sql(
                SUMMARY_SQL + " ORDER BY m.date, m.sequence")
            for row in rows:
                yield journal_summary(row)


def journals_of(conn: Connection, ids: list[int]) -> list[JournalSummary]:
    """The summaries of ``ids``, in that order."""
    rows = conn.exec_driver_sql(f"{SUMMARY_SQL} WHERE m.id {IN_JSON_IDS}", (json.dumps(ids),))
    by_id = {row.id: journal_summary(row) for row in rows}
    return [by_id[i] for i in ids]
