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
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle, Side
from ledgerdesk.domain.ledger import AccountType, JournalEntry
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.read_models import (
    ContactSummary,
    DocumentSummary,
    InvariantFailure,
    PaymentSummary,
    TrialBalanceRow,
)
from ledgerdesk.storage import checks
from ledgerdesk.storage.engine import READ
from ledgerdesk.storage.mapping import as_date, entry_from_rows
from ledgerdesk.storage.sql import (
    OUTSTANDING,
    PURCHASE_KINDS,
    SALES_KINDS,
    kinds_list,
    signed_kind,
)

#: The setting naming the book's own currency.
BASE_CURRENCY_KEY = "base_currency"
_NO_CURRENCY = "XXX"  # ISO 4217 "no currency", for the zeros of an empty book
_BATCH = 500



def _document_summary_sql(index: str) -> str:
    """The summary columns over ``documents AS d INDEXED BY index``: without statistics the
    planner would sometimes take the (kind, lifecycle) index and sort everything."""
    return (
        "SELECT d.id, d.kind, d.number, d.contact_id, c.name AS contact_name, d.issue_date,"
        " d.due_date, d.reference, d.currency, d.total_minor, d.lifecycle,"
        f" {OUTSTANDING} AS outstanding_minor"
        f" FROM documents AS d INDEXED BY {index} JOIN contacts AS c ON c.id = d.contact_id"
    )
_OPEN = f" AND d.lifecycle = 'AUTHORISED' AND {OUTSTANDING} > 0"


def _document_summary(row) -> DocumentSummary:
    return DocumentSummary(
        id=row.id, kind=DocumentKind(row.kind), number=row.number or "",
        contact_id=row.contact_id, contact_name=row.contact_name,
        issue_date=as_date(row.issue_date), due_date=as_date(row.due_date),
        reference=row.reference, total=Money.from_minor(row.total_minor, row.currency),
        outstanding=Money.from_minor(row.outstanding_minor, row.currency),
        lifecycle=Lifecycle(row.lifecycle),
    )


class SqliteQueries:
    """The ``Queries`` port over one book's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(**READ)
            with conn.begin() as transaction:
                yield conn
                transaction.rollback()

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
            sql = _document_summary_sql("ix_documents_kind_issue_date") + " WHERE d.kind = ?"
        else:
            sql = _document_summary_sql("ix_documents_contact") + " WHERE d.kind = ?"
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
                yield _document_summary(row)

    def most_overdue(self, today: dt.date, limit: int) -> list[DocumentSummary]:
        """Authorised invoices and bills with money outstanding past their due date."""
        sql = (
            f"{_document_summary_sql('ix_documents_kind_lifecycle_due_date')}"
            " WHERE d.kind = ? AND d.lifecycle = 'AUTHORISED'"
            f" AND d.due_date < ? AND {OUTSTANDING} > 0 ORDER BY d.due_date, d.id LIMIT ?"
        )
        with self._reading() as conn:
            per_kind = [
                [_document_summary(row) for row in conn.exec_driver_sql(
                    sql, (kind.value, today.isoformat(), limit)
                )]
                for kind in (DocumentKind.SALES_INVOICE, DocumentKind.BILL)
            ]
        merged = heapq.merge(*per_kind, key=lambda s: (s.due_date, s.id))
        return list(itertools.islice(merged, limit))

    def list_contacts(self) -> Iterator[ContactSummary]:
        with self._reading() as conn:
            base = _book_currency(conn)
        sql = (
            "SELECT c.id, c.name, c.role, c.email, d.currency AS currency,"
            f" COALESCE(SUM(CASE WHEN d.kind IN ({kinds_list(SALES_KINDS)})"
            f" THEN {signed_kind(Side.SALES)} * {OUTSTANDING} END), 0) AS receivable,"
            f" COALESCE(SUM(CASE WHEN d.kind IN ({kinds_list(PURCHASE_KINDS)})"
            f" THEN {signed_kind(Side.PURCHASES)} * {OUTSTANDING} END), 0) AS payable"
            " FROM contacts AS c LEFT JOIN documents AS d"
            " ON d.contact_id = c.id AND d.lifecycle = 'AUTHORISED'"
            " GROUP BY c.id, d.currency ORDER BY c.name, c.id, d.currency"
        )
        rows = self._stream(sql)
        for _, group in itertools.groupby(rows, key=lambda row: row.id):
            yield _contact_summary(list(group), base)

    def list_payments(self) -> Iterator[PaymentSummary]:
        sql = (
            "SELECT p.id, p.kind, p.date, p.contact_id, c.name AS contact_name,"
            " p.amount_minor, p.currency, p.reference, p.bank_account_code, p.voided,"
            " COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a"
            " WHERE a.payment_id = p.id), 0) AS allocated_minor,"
            " COALESCE((SELECT group_concat(d.number, ', ') FROM allocations AS a"
            " JOIN documents AS d ON d.id = a.document_id WHERE a.payment_id = p.id), '')"
            " AS documents"
            " FROM payments AS p JOIN contacts AS c ON c.id = p.contact_id"
            " ORDER BY p.date, p.id"
        )
        for row in self._stream(sql):
            yield PaymentSummary(
                id=row.id, kind=PaymentKind(row.kind), date=as_date(row.date),
                contact_id=row.contact_id, contact_name=row.contact_name,
                amount=Money.from_minor(row.amount_minor, row.currency),
                allocated=Money.from_minor(row.allocated_minor, row.currency),
                reference=row.reference, bank_account_code=row.bank_account_code,
                voided=bool(row.voided), documents=row.documents,
            )

    def trial_balance(self, as_of: dt.date | None = None) -> list[TrialBalanceRow]:
        """Balances of the accounts that have journal lines, by code (debit positive)."""
        if as_of is None:
            lines, params = "journal_lines AS l", ()
        else:
            # CROSS JOIN fixes the order: entries by date, then their lines from the
            # covering ix_journal_lines_entry (instead of probing an entry per line).
            lines = (
                "journal_entries AS e CROSS JOIN journal_lines AS l ON l.entry_id = e.id"
                " WHERE e.date <= ?"
            )
            params = (as_of.isoformat(),)
        sql = (
            "SELECT t.account_code, a.name, a.type, t.currency, t.balance FROM ("
            " SELECT l.account_code, l.currency, SUM(l.amount_minor) AS balance"
            f" FROM {lines} GROUP BY l.account_code, l.currency) AS t"
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
            " l.account_code, l.amount_minor, l.currency, l.memo AS line_memo"
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

    __slots__ = ("account_code", "amount_minor", "currency", "memo")

    def __init__(self, row) -> None:
        self.account_code = row.account_code
        self.amount_minor = row.amount_minor
        self.currency = row.currency
        self.memo = row.line_memo


def _book_currency(conn: Connection) -> str:
    value = conn.exec_driver_sql(
        "SELECT value FROM settings WHERE key = ?", (BASE_CURRENCY_KEY,)
    ).scalar()
    if value:
        return value
    first = conn.exec_driver_sql("SELECT currency FROM documents ORDER BY id LIMIT 1").scalar()
    return first or _NO_CURRENCY


def _contact_summary(rows: list, base: str) -> ContactSummary:
    """One contact from its rows per currency: the book's currency if it has any."""
    by_currency = {row.currency: row for row in rows if row.currency is not None}
    currency = base if base in by_currency or not by_currency else next(iter(by_currency))
    chosen = by_currency.get(currency)
    first = rows[0]
    return ContactSummary(
        id=first.id, name=first.name, role=ContactRole(first.role), email=first.email,
        receivable=Money.from_minor(chosen.receivable if chosen else 0, currency),
        payable=Money.from_minor(chosen.payable if chosen else 0, currency),
    )
