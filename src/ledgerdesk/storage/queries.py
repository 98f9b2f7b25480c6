"""``SqliteQueries``: the read-only lists and reports, answered in SQL and streamed.

Each call runs in its own read transaction (one consistent snapshot).  Lists are generators
over a cursor: they never fetch a whole table into memory, and they release their
connection when exhausted or closed.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections.abc import Iterable, Iterator

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import AccountType, JournalEntry
from ledgerdesk.domain.money import Money
from ledgerdesk.services.contact_names import ContactName
from ledgerdesk.services.read_models import (
    ContactSummary,
    DocumentSummary,
    InvariantFailure,
    PaymentSummary,
    TrialBalanceRow,
)
from ledgerdesk.storage import checks
from ledgerdesk.storage.mapping import entry_from_rows
from ledgerdesk.storage.pages import ListPages
from ledgerdesk.storage.sql import OUTSTANDING
from ledgerdesk.storage.summaries import (
    CONTACT_BALANCES_SQL,
    PAYMENT_SUMMARY_SQL,
    book_currency,
    contact_summary,
    document_summary,
    document_summary_sql,
    payment_summary,
)

_BATCH = 500
_OPEN = f" AND d.lifecycle = 'AUTHORISED' AND {OUTSTANDING} > 0"


class SqliteQueries(ListPages):
    """The ``Queries`` port over one book's engine (the paged lists are in ``ListPages``)."""

    def _stream(self, sql: str, params: tuple = ()) -> Iterator:
        with self._reading() as conn:
            result = conn.execution_options(yield_per=_BATCH).exec_driver_sql(sql, params)
            yield from result

    def list_documents(
        self,
        kinds: Iterable[DocumentKind],
        *,
        open_only: bool = False,
        contact_id: int | None = None,
        limit: int | None = None,
    ) -> Iterator[DocumentSummary]:
        # One cursor per kind, each in (kind, issue_date) index order, merged here: the
        # first rows arrive at once instead of after sorting every document.
        params: tuple = ()
        if contact_id is None:
            sql = document_summary_sql("ix_documents_kind_issue_date") + " WHERE d.kind = ?"
        else:
            sql = document_summary_sql("ix_documents_contact") + " WHERE d.kind = ?"
            sql += " AND d.contact_id = ?"
            params += (contact_id,)
        if open_only:
            sql += _OPEN
        sql += " ORDER BY d.issue_date, d.id"
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        with self._reading() as conn:
            cursors = [
                conn.execution_options(yield_per=_BATCH).exec_driver_sql(
                    sql, (kind.value, *params)
                )
                for kind in sorted(set(kinds), key=lambda k: k.value)
            ]
            merged = heapq.merge(*cursors, key=lambda row: (row.issue_date, row.id))
            for row in itertools.islice(merged, limit):
                yield document_summary(row)

    def most_overdue(self, today: dt.date, limit: int) -> list[DocumentSummary]:
        """Authorised invoices and bills with money outstanding past their due date."""
        sql = (
            f"{document_summary_sql('ix_documents_kind_lifecycle_due_date')}"
            " WHERE d.kind = ? AND d.lifecycle = 'AUTHORISED'"
            f" AND d.due_date < ? AND {OUTSTANDING} > 0 ORDER BY d.due_date, d.id LIMIT ?"
        )
        with self._reading() as conn:
            per_kind = [
                [document_summary(row) for row in conn.exec_driver_sql(
                    sql, (kind.value, today.isoformat(), limit)
                )]
                for kind in (DocumentKind.SALES_INVOICE, DocumentKind.BILL)
            ]
        merged = heapq.merge(*per_kind, key=lambda s: (s.due_date, s.id))
        return list(itertools.islice(merged, limit))

    def list_contacts(self) -> Iterator[ContactSummary]:
        with self._reading() as conn:
            base = book_currency(conn)
        sql = CONTACT_BALANCES_SQL + " GROUP BY c.id, d.currency ORDER BY c.name, c.id, d.currency"
        rows = self._stream(sql)
        for _, group in itertools.groupby(rows, key=lambda row: row.id):
            yield contact_summary(list(group), base)

    def contact_names(self) -> list[ContactName]:
        with self._reading() as conn:  # ix_contacts_name: in name order without sorting
            rows = conn.exec_driver_sql("SELECT id, name, role FROM contacts ORDER BY name, id")
            return [ContactName(row.id, row.name, ContactRole(row.role)) for row in rows]

    def list_payments(self) -> Iterator[PaymentSummary]:
        for row in self._stream(PAYMENT_SUMMARY_SQL + " ORDER BY p.date, p.id"):
            yield payment_summary(row)

    def trial_balance(self, as_of: dt.date | None = None) -> list[TrialBalanceRow]:
        """Balances of the accounts that have journal lines, by code (debit positive)."""
        # The running balances (``account_days``): a row per account, currency and day.
        where, params = ("", ()) if as_of is None else (" WHERE d.day <= ?",
                                                        (as_of.isoformat(),))
        sql = (
            "SELECT t.account_code, a.name, a.type, t.currency, t.balance FROM ("
            " SELECT d.account_code, d.currency, SUM(d.amount_minor) AS balance"
            f" FROM account_days AS d{where} GROUP BY d.account_code, d.currency) AS t"
            " JOIN accounts AS a ON a.code = t.account_code"
            " ORDER BY t.account_code, t.currency"
        )
        with self._reading() as conn:
            rows = conn.exec_driver_sql(sql, params).all()
        return [
            TrialBalanceRow(
                code=row.account_code, name=row.name, type=AccountType(row.type),
                balance=Money.from_minor(row.balance, row.currency),
            )
            for row in rows
        ]

    def journal(self) -> Iterator[JournalEntry]:
        """Every entry with its lines, by date then id."""
        sql = (
            "SELECT e.id, e.date, e.memo, e.source_type, e.source_id, e.reverses_id,"
            " l.account_code, l.amount_minor, l.currency, l.memo AS line_memo,"
            " l.foreign_minor, l.foreign_currency"
            " FROM journal_entries AS e JOIN journal_lines AS l ON l.entry_id = e.id"
            " ORDER BY e.date, e.id, l.id"
        )
        rows = self._stream(sql)
        for _, group in itertools.groupby(rows, key=lambda row: row.id):
            lines = list(group)
            yield entry_from_rows(lines[0], [_JournalLineRow(row) for row in lines])

    def integrity_problems(self) -> list[str]:
        with self._reading() as conn:
            return checks.integrity_problems(conn)

    def invariant_failures(self) -> list[InvariantFailure]:
        with self._reading() as conn:
            return checks.invariant_failures(conn)


class _JournalLineRow:
    """A joined journal row seen as a journal line row (its memo is the line's)."""

    __slots__ = (
        "account_code",
        "amount_minor",
        "currency",
        "foreign_currency",
        "foreign_minor",
        "memo",
    )

    def __init__(self, row) -> None:
        self.account_code = row.account_code
        self.amount_minor = row.amount_minor
        self.currency = row.currency
        self.memo = row.line_memo
        self.foreign_minor = row.foreign_minor
        self.foreign_currency = row.foreign_currency

