"""``ListPages``: counts and pages of documents, payments and contacts for the app's lists.

A page is two statements in one read transaction (one snapshot): the ids of the page in
order (``list_sql`` does the filtering, sorting and ``LIMIT``/``OFFSET``), then the summary
rows of just those ids.  ``OFFSET`` is kept: measured on a 100,000-document book, skipping
even 90,000 rows in index order costs tens of milliseconds (see ``benchmarks/bench_lists.py``),
well inside what a view fetching ~200-row windows can afford.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from ledgerdesk.domain.documents import Lifecycle
from ledgerdesk.services.list_queries import ContactQuery, ContactSort, DocumentQuery, PaymentQuery
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary
from ledgerdesk.storage import list_sql
from ledgerdesk.storage.engine import READ
from ledgerdesk.storage.failures import raw_failures
from ledgerdesk.storage.summaries import (
    CONTACT_BALANCES_SQL,
    IN_JSON_IDS,
    PAYABLE_TERM,
    PAYMENT_SUMMARY_SQL,
    RECEIVABLE_TERM,
    book_currency,
    contact_summary,
    document_summary,
    document_summary_sql,
    payment_summary,
)

#: Each contact's balances in the currency its summary shows (``summaries.contact_summary``):
#: the book's own if the contact has documents in it, else its first currency by code.
_SHOWN_BALANCES = (
    "WITH per AS (SELECT d.contact_id, d.currency,"
    f" COALESCE(SUM({RECEIVABLE_TERM}), 0) AS receivable,"
    f" COALESCE(SUM({PAYABLE_TERM}), 0) AS payable"
    # In table order: walking ix_documents_contact costs a random row read per document.
    f" FROM documents AS d NOT INDEXED WHERE d.lifecycle = '{Lifecycle.AUTHORISED.value}'"
    " GROUP BY d.contact_id, d.currency),"
    # SQLite takes bare columns from the row that gives MIN(): '0' sorts the book's currency
    # before the others ('1'), then by code.
    " shown AS MATERIALIZED (SELECT contact_id, receivable, payable,"
    " MIN((currency <> :base) || currency) FROM per GROUP BY contact_id) "
)


def _window(offset: int, limit: int) -> dict[str, int]:
    if offset < 0 or limit < 0:
        raise ValueError(f"a page needs offset >= 0 and limit >= 0, not {offset}, {limit}")
    return {"offset": offset, "limit": limit}


class ListPages:
    """The paged half of the ``Queries`` port; ``SqliteQueries`` adds the rest."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with raw_failures(self._engine), self._engine.connect() as conn:
            conn.execution_options(**READ)
            with conn.begin() as transaction:
                yield conn
                transaction.rollback()

    def _count(self, filtered: list_sql.Filtered) -> int:
        with self._reading() as conn:
            return conn.exec_driver_sql(filtered.count_sql(), filtered.params).scalar()

    @staticmethod
    def _ids(conn: Connection, filtered: list_sql.Filtered, key: str, window: dict,
             prefix: str = "") -> list[int]:
        sql = prefix + filtered.ids_sql(key)
        return [row[0] for row in conn.exec_driver_sql(sql, {**filtered.params, **window})]

    # documents ---------------------------------------------------------------------------
    def count_documents(self, query: DocumentQuery) -> int:
        return self._count(list_sql.documents(query, for_count=True))

    def document_page(self, query: DocumentQuery, offset: int, limit: int) -> list[DocumentSummary]:
        window = _window(offset, limit)
        with self._reading() as conn:
            return documents_of(conn, self._ids(conn, list_sql.documents(query), "d.id", window))

    def document_summary(self, document_id: int) -> DocumentSummary | None:
        with self._reading() as conn:
            row = conn.exec_driver_sql(
                f"{document_summary_sql()} WHERE d.id = ?", (document_id,)
            ).first()
        return None if row is None else document_summary(row)

    # payments ----------------------------------------------------------------------------
    def count_payments(self, query: PaymentQuery) -> int:
        return self._count(list_sql.payments(query, for_count=True))

    def payment_page(self, query: PaymentQuery, offset: int, limit: int) -> list[PaymentSummary]:
        window = _window(offset, limit)
        with self._reading() as conn:
            return payments_of(conn, self._ids(conn, list_sql.payments(query), "p.id", window))

    # contacts ----------------------------------------------------------------------------
    def count_contacts(self, query: ContactQuery) -> int:
        return self._count(list_sql.contacts(query, for_count=True))

    def contact_page(self, query: ContactQuery, offset: int, limit: int) -> list[ContactSummary]:
        window = _window(offset, limit)
        filtered = list_sql.contacts(query)
        with self._reading() as conn:
            base = book_currency(conn)
            ids = self._ids(conn, filtered, "c.id", {**window, "base": base},
                            contact_ids_prefix(query))
            return contacts_of(conn, ids, base)


def contact_ids_prefix(query: ContactQuery) -> str:
    """A balance sort reads the CTE ``shown`` (with the parameter ``base``)."""
    return "" if query.sort is ContactSort.NAME else _SHOWN_BALANCES


def documents_of(conn: Connection, ids: list[int]) -> list[DocumentSummary]:
    """The summaries of ``ids``, in that order."""
    rows = conn.exec_driver_sql(
        f"{document_summary_sql()} WHERE d.id {IN_JSON_IDS}", (json.dumps(ids),)
    )
    by_id = {row.id: document_summary(row) for row in rows}
    return [by_id[i] for i in ids]


def payments_of(conn: Connection, ids: list[int]) -> list[PaymentSummary]:
    rows = conn.exec_driver_sql(f"{PAYMENT_SUMMARY_SQL} WHERE p.id {IN_JSON_IDS}",
                                (json.dumps(ids),))
    by_id = {row.id: payment_summary(row) for row in rows}
    return [by_id[i] for i in ids]


def contacts_of(conn: Connection, ids: list[int], base: str) -> list[ContactSummary]:
    rows = conn.exec_driver_sql(
        f"{CONTACT_BALANCES_SQL} WHERE c.id {IN_JSON_IDS}"
        " GROUP BY c.id, d.currency ORDER BY c.id, d.currency",
        (json.dumps(ids),),
    )
    by_id = {
        contact_id: contact_summary(list(group), base)
        for contact_id, group in itertools.groupby(rows, key=lambda row: row.id)
    }
    return [by_id[i] for i in ids]
