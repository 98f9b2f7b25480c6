"""``SqliteListStreams``: every row of a list query, streamed (the ``ListStreams`` port).

The same SQL as the list's pages (``list_sql``'s filter and ``ORDER BY``, with no limit),
read in one snapshot: the ids come off one cursor a batch at a time and each batch's
summary rows are read with the pages' own ``*_of`` helpers, so an export holds one batch,
never the whole list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from sqlalchemy import Connection

from ledgerdesk.services.list_queries import ContactQuery, DocumentQuery, PaymentQuery
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary
from ledgerdesk.storage import list_sql
from ledgerdesk.storage.pages import (
    ListPages,
    contact_ids_prefix,
    contacts_of,
    documents_of,
    payments_of,
)
from ledgerdesk.storage.summaries import book_currency

BATCH = 500
_EVERY_ROW = {"limit": -1, "offset": 0}  # SQLite: LIMIT -1 is no limit
Row = TypeVar("Row")


class SqliteListStreams(ListPages):
    def _stream(self, filtered: list_sql.Filtered, key: str,
                rows_of: Callable[[Connection, list[int]], list[Row]], prefix: str = "",
                **extra: Any) -> Iterator[Row]:
        with self._reading() as conn:
            sql = prefix + filtered.ids_sql(key)
            ids = conn.execution_options(yield_per=BATCH).exec_driver_sql(
                sql, {**filtered.params, **_EVERY_ROW, **extra})
            for batch in ids.partitions(BATCH):
                yield from rows_of(conn, [row[0] for row in batch])

    def stream_documents(self, query: DocumentQuery) -> Iterator[DocumentSummary]:
        return self._stream(list_sql.documents(query), "d.id", documents_of)

    def stream_payments(self, query: PaymentQuery) -> Iterator[PaymentSummary]:
        return self._stream(list_sql.payments(query), "p.id", payments_of)

    def stream_contacts(self, query: ContactQuery) -> Iterator[ContactSummary]:
        with self._reading() as conn:
            base = book_currency(conn)
        return self._stream(list_sql.contacts(query), "c.id",
                            lambda conn, ids: contacts_of(conn, ids, base),
                            contact_ids_prefix(query), base=base)
