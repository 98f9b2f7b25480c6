"""``SqliteBulkWriter``: many records in one ``BEGIN IMMEDIATE`` transaction, fast.

Ids are assigned here from ``max(id) + 1`` (safe: the write lock is held) so that each call
returns them without a round trip per row; rows go in with ``executemany`` of plain tuples.
The triggers still run (the allocation check is one indexed SUM), except the one refusing
new lines on posted documents: it cost more than a third of the time of writing lines, and
here every line belongs to a document created by this same writer.  It is dropped inside
the transaction and re-created from its stored SQL before commit (a rollback restores it
too), and no other connection can see the gap because the write lock is held throughout.
One summary audit row is written when the transaction commits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from ledgerdesk.domain.contacts import Contact
from ledgerdesk.domain.documents import Document, DocumentKind
from ledgerdesk.domain.ledger import JournalEntry
from ledgerdesk.domain.money import Money, minor_exponent
from ledgerdesk.domain.numbering import DEFAULT_PREFIXES
from ledgerdesk.domain.payments import Allocation, Payment
from ledgerdesk.services.bulk_rows import NextIds, RowBatch, RowStager
from ledgerdesk.storage.fast_totals import total_minor
from ledgerdesk.storage.fresh_load import DeferredSchema
from ledgerdesk.storage.staging import (
    ROW_COLUMNS,
    STAGED,
    batch_tables,
    check_staged,
    copy_sql,
    insert_sql,
    stage_rows,
)
from ledgerdesk.storage.tx_base import now_text, refused
from ledgerdesk.storage.tx_payments import payment_token

_NEW_LINE_TRIGGER = "trg_document_lines_insert"
_INSERT_DOCUMENT = insert_sql("documents")
_INSERT_LINE = insert_sql("document_lines")
_INSERT_ENTRY = insert_sql("journal_entries")
#: The staged layouts (``ROW_COLUMNS``, which the demo fills in the home currency only) with
#: the foreign-currency columns of 0013, which an import of foreign money needs.
_INSERT_PAYMENT = insert_sql("payments", extra=("exchange_rate",))
_INSERT_ALLOCATION = insert_sql("allocations", extra=("home_minor",))
_INSERT_JOURNAL_LINE = insert_sql("journal_lines",
                                  extra=("foreign_minor", "foreign_currency"))
#: The tables whose rows a ``RowBatch`` gives with their ids.
_ID_TABLES = ("documents", "payments", "credit_applications", "journal_entries")


class SqliteBulkWriter:
    """The ``BulkWriter`` port; use it through ``SqliteBook.bulk()``."""

    def __init__(self, conn: Connection, deferred: DeferredSchema | None = None, *,
                 who: str = "") -> None:
        self._conn = conn
        self._who = who
        self._deferred = deferred
        self._next_id: dict[str, int] = {}
        self._counts: Counter[str] = Counter()
        self._suspended: dict[str, str] = {}  # trigger name -> its CREATE statement

    def _ids(self, table: str, count: int) -> range:
        if table not in self._next_id:
            self._next_id[table] = self._conn.exec_driver_sql(
                f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"
            ).scalar()
        start = self._next_id[table]
        self._next_id[table] = start + count
        self._counts[table] += count
        return range(start, start + count)

    def _many(self, sql: str, rows: Sequence[tuple]) -> None:
        if not rows:
            return
        try:
            self._conn.exec_driver_sql(sql, list(rows))
        except IntegrityError as exc:
            raise refused(exc) from exc

    def add_contacts(self, contacts: list[Contact]) -> list[int]:
        ids = self._ids("contacts", len(contacts))
        self._many(
            "INSERT INTO contacts (id, name, role, email, tax_number, payment_terms_days,"
            " address) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(i, c.name, c.role.value, c.email, c.tax_number, c.payment_terms_days, c.address)
             for i, c in zip(ids, contacts, strict=True)],
        )
        return list(ids)

    def add_documents(self, documents: list[Document]) -> list[int]:
        ids = self._ids("documents", len(documents))
        rows, lines = [], []
        for document_id, doc in zip(ids, documents, strict=True):
            rows.append(_document_row(document_id, doc))
            lines.extend(
                (document_id, position, ln.description, str(ln.quantity), str(ln.unit_price),
                 ln.account_code, str(ln.tax_rate), str(ln.discount_percent), ln.tax_code_id)
                for position, ln in enumerate(doc.lines, start=1)
            )
        # Lines first: the document_lines foreign key is deferred, and a line may not be
        # added once its document row says it is posted.
        self._suspend_trigger(_NEW_LINE_TRIGGER)
        self._many(_INSERT_LINE, lines)
        self._many(_INSERT_DOCUMENT, rows)
        return list(ids)

    def add_payments(self, payments: list[Payment]) -> list[int]:
        ids = self._ids("payments", len(payments))
        rows, allocations = [], []
        for payment_id, p in zip(ids, payments, strict=True):
            currency = p.amount.currency  # allocations are in their documents' currencies
            voided = int(p.voided)
            rows.append((
                payment_id, p.kind.value, p.contact_id, p.date.isoformat(),
                _minor(p.amount), currency, p.bank_account_code, p.reference,
                payment_token(p), int(p.keep_excess_as_credit), voided, str(p.rate),
            ))
            allocations.extend(
                (a.document_id, _minor(a.amount), payment_id, None, voided,
                 None if a.home is None else _minor(a.home))
                for a in p.allocations
            )
        self._many(_INSERT_PAYMENT, rows)
        self._many(_INSERT_ALLOCATION, allocations)
        return list(ids)

    def add_credit_applications(
        self, applications: list[tuple[int, dt.date, list[Allocation]]]
    ) -> list[int]:
        ids = self._ids("credit_applications", len(applications))
        rows, allocations = [], []
        for application_id, (credit_id, date, pairs) in zip(ids, applications, strict=True):
            rows.append((application_id, credit_id, date.isoformat()))
            for a in pairs:
                minor = _minor(a.amount)
                allocations.append((a.document_id, minor, None, application_id, 0, None))
                allocations.append((credit_id, minor, None, application_id, 0, None))
        self._many(insert_sql("credit_applications"), rows)
        self._many(_INSERT_ALLOCATION, allocations)
        return list(ids)

    def post_entries(self, entries: list[JournalEntry]) -> list[int]:
        ids = self._ids("journal_entries", len(entries))
        rows, lines = [], []
        for entry_id, e in zip(ids, entries, strict=True):
            rows.append((entry_id, e.date.isoformat(), e.memo, e.source_type.value,
                         e.source_id, e.reverses_id))
            lines.extend(_entry_lines(entry_id, e))
        self._many(_INSERT_ENTRY, rows)
        self._many(_INSERT_JOURNAL_LINE, lines)
        return list(ids)

    def next_ids(self) -> NextIds:
        """The first free id of each table; rows given to ``add_rows`` start there."""
        self._next_id.clear()  # rows loaded since may have taken ids
        return NextIds(*(
            self._conn.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").scalar()
            for table in _ID_TABLES
        ))

    def add_rows(self, batch: RowBatch) -> None:
        """Write a batch of ready rows (``services.bulk_rows``) with ``executemany``."""
        _check_balanced(batch.journal_entries, batch.journal_lines)
        new_documents = {row[0] for row in batch.documents}
        if any(line[0] not in new_documents for line in batch.document_lines):
            raise ValueError("bulk rows may add lines only to documents of the same batch")
        self._suspend_trigger(_NEW_LINE_TRIGGER)
        for table, rows in batch_tables(batch):
            self._many(insert_sql(table), rows)
            self._counts[table] += len(rows)
        self._next_id.clear()

    def stager(self) -> RowStager:
        """What stages a batch for ``load_staged``; picklable, for another process."""
        return stage_rows

    def load_staged(self, staged: bytes) -> None:
        """Load a batch staged by ``stager()``: one ``INSERT ... SELECT`` per table."""
        raw = self._conn.connection.driver_connection
        if self._deferred is not None:
            # The rows come ready from another process, so this one has time to keep the
            # indexes up to date as it copies: no rebuild at the end, while nothing overlaps.
            self._deferred.restore_indexes()
        raw.deserialize(staged, name=STAGED)
        check_staged(raw)
        self._suspend_trigger(_NEW_LINE_TRIGGER)
        for table in ROW_COLUMNS:
            try:
                copied = self._conn.exec_driver_sql(copy_sql(table)).rowcount
            except IntegrityError as exc:
                raise refused(exc) from exc
            self._counts[table] += copied
        self._next_id.clear()

    def set_next_number(self, kind: DocumentKind, next_number: int) -> None:
        self._many(
            "INSERT INTO number_series (kind, prefix, next_number) VALUES (?, ?, ?)"
            " ON CONFLICT (kind) DO UPDATE SET next_number = excluded.next_number",
            [(kind.value, DEFAULT_PREFIXES[kind], next_number)],
        )
        self._counts["number_series"] += 1

    def _suspend_trigger(self, name: str) -> None:
        if name in self._suspended:
            return
        sql = self._conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).scalar()
        if sql is not None:
            self._conn.exec_driver_sql(f"DROP TRIGGER {name}")
            self._suspended[name] = sql

    def finish(self) -> None:
        """Restore suspended triggers and write the one audit row summarising this load."""
        for sql in self._suspended.values():
            self._conn.exec_driver_sql(sql)
        self._suspended.clear()
        detail: dict[str, Any] = dict(sorted(self._counts.items()))
        self._many(
            "INSERT INTO audit_log (ts, who, action, entity, entity_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(now_text(), self._who, "bulk_load", "book", None,
              json.dumps(detail, sort_keys=True))],
        )


def _minor(amount: Money) -> int:
    """``amount.minor_units`` without looking the exponent up every time."""
    digits = _DIGITS.get(amount.currency)
    if digits is None:
        digits = _DIGITS.setdefault(amount.currency, minor_exponent(amount.currency))
    return int(amount.amount.scaleb(digits))


_DIGITS: dict[str, int] = {}


def _document_row(document_id: int, doc: Document) -> tuple:
    extra = json.dumps(doc.extra, sort_keys=True) if doc.extra else "{}"
    return (
        document_id, doc.kind.value, doc.contact_id, doc.number, doc.reference,
        doc.issue_date.isoformat(), doc.due_date.isoformat(), doc.currency,
        str(doc.exchange_rate), doc.tax_mode.value, doc.lifecycle.value, total_minor(doc),
        doc.source_payment_id, extra, doc.tax_rounding.value,
    )


def _check_balanced(entries: list[tuple], lines: list[tuple]) -> None:
    """Every entry row has line rows, and they balance in each currency."""
    sums: dict[tuple[int, str], int] = {}
    for entry_id, _, minor, currency, *_ in lines:
        key = (entry_id, currency)
        sums[key] = sums.get(key, 0) + minor
    unbalanced = next((entry for (entry, _), value in sums.items() if value), None)
    if unbalanced is None:
        with_lines = {entry for entry, _ in sums}
        unbalanced = next((entry[0] for entry in entries if entry[0] not in with_lines), None)
    if unbalanced is not None:
        raise ValueError(f"journal entry {unbalanced} does not balance or has no lines")


def _entry_lines(entry_id: int, entry: JournalEntry) -> list[tuple]:
    lines = [
        (entry_id, ln.account_code, _minor(ln.amount), ln.amount.currency, ln.memo,
         None if ln.foreign is None else _minor(ln.foreign),
         None if ln.foreign is None else ln.foreign.currency)
        for ln in entry.lines
    ]
    sums: dict[str, int] = {}
    for line in lines:
        sums[line[3]] = sums.get(line[3], 0) + line[2]
    if not lines or any(sums.values()):
        raise ValueError(f"journal entry {entry.memo!r} does not balance or has no lines")
    return lines
