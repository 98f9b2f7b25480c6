"""The bank reconciliation half of a transaction: an account's uncleared postings, the
reconciliations with what they cleared, finishing and undoing one, and which standing
reconciliation clears a record's posting (what the void guard asks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, update

from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.reconciliation import (
    BankPosting,
    Reconciliation,
    finished_words,
    posting_words,
    undone_words,
)
from ledgerdesk.storage.reconciliation_tables import reconciliation_lines, reconciliations
from ledgerdesk.storage.tx_base import TransactionBase

# A line in a standing reconciliation; and one whose entry is neither reversed nor a reversal.
CLEARED = ("EXISTS (SELECT 1 FROM reconciliation_lines AS c JOIN reconciliations AS r"
           " ON r.id = c.reconciliation_id AND r.undone = 0 WHERE c.journal_line_id = l.id)")
LIVE = ("e.reverses_id IS NULL AND e.id NOT IN"
        " (SELECT reverses_id FROM journal_entries WHERE reverses_id IS NOT NULL)")
_POSTING = ("SELECT l.id, e.date, l.amount_minor, l.currency, e.memo, e.source_type,"
            " e.source_id FROM journal_lines AS l JOIN journal_entries AS e ON e.id = l.entry_id")
_RECONCILIATION = (
    "SELECT r.id, r.account_code, a.name, r.statement_date, r.statement_balance_minor,"
    " r.opening_balance_minor, r.currency, r.undone,"
    " (SELECT COUNT(*) FROM reconciliation_lines AS c WHERE c.reconciliation_id = r.id),"
    " (SELECT COALESCE(SUM(l.amount_minor), 0) FROM reconciliation_lines AS c"
    "  JOIN journal_lines AS l ON l.id = c.journal_line_id WHERE c.reconciliation_id = r.id)"
    " FROM reconciliations AS r JOIN accounts AS a ON a.code = r.account_code")


def posting_from_row(row: Sequence[Any]) -> BankPosting:
    line_id, date, minor, currency, memo, source, source_id = row
    kind = SourceType(source)
    return BankPosting(line_id, _date(date), Money.from_minor(int(minor), currency),
                       posting_words(kind, source_id, memo), kind, source_id)


def reconciliation_from_row(row: Sequence[Any]) -> Reconciliation:
    rec_id, code, name, date, balance, opening, currency, undone, count, cleared = row
    return Reconciliation(
        code, name, _date(date), Money.from_minor(int(balance), currency),
        Money.from_minor(int(opening), currency), rec_id, bool(undone), int(count),
        Money.from_minor(int(cleared), currency))


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


class ReconciliationStore(TransactionBase):
    def uncleared_postings(self, account_code: str) -> list[BankPosting]:
        """The account's live postings no standing reconciliation clears, by date."""
        rows = self._conn.exec_driver_sql(
            f"{_POSTING} WHERE l.account_code = ? AND {LIVE} AND NOT {CLEARED}"
            " ORDER BY e.date, l.id", (account_code,))
        return [posting_from_row(row) for row in rows]

    def cleared_line_ids(self, account_code: str) -> frozenset[int]:
        """The account's journal lines a standing reconciliation clears."""
        rows = self._conn.exec_driver_sql(
            "SELECT c.journal_line_id FROM reconciliation_lines AS c JOIN reconciliations AS r"
            " ON r.id = c.reconciliation_id WHERE r.undone = 0 AND r.account_code = ?",
            (account_code,))
        return frozenset(row[0] for row in rows)

    def cleared_postings(self, reconciliation_id: int) -> list[BankPosting]:
        rows = self._conn.exec_driver_sql(
            f"{_POSTING} JOIN reconciliation_lines AS c ON c.journal_line_id = l.id"
            " WHERE c.reconciliation_id = ? ORDER BY e.date, l.id", (reconciliation_id,))
        return [posting_from_row(row) for row in rows]

    def reconciliations(self) -> list[Reconciliation]:
        """Every reconciliation, standing or undone, oldest first."""
        rows = self._conn.exec_driver_sql(f"{_RECONCILIATION} ORDER BY r.id")
        return [reconciliation_from_row(row) for row in rows]

    def get_reconciliation(self, reconciliation_id: int) -> Reconciliation | None:
        row = self._conn.exec_driver_sql(f"{_RECONCILIATION} WHERE r.id = ?",
                                         (reconciliation_id,)).first()
        return None if row is None else reconciliation_from_row(row)

    def last_reconciliation(self, account_code: str) -> Reconciliation | None:
        """The account's latest standing reconciliation, which the next starts from."""
        row = self._conn.exec_driver_sql(
            f"{_RECONCILIATION} WHERE r.account_code = ? AND r.undone = 0"
            " ORDER BY r.id DESC LIMIT 1", (account_code,)).first()
        return None if row is None else reconciliation_from_row(row)

    def cleared_in(self, source_type: SourceType, source_id: int) -> Reconciliation | None:
        """The standing reconciliation that clears a posting of this record, if any."""
        row = self._conn.exec_driver_sql(
            f"{_RECONCILIATION} WHERE r.undone = 0 AND r.id IN (SELECT c.reconciliation_id"
            " FROM journal_entries AS e JOIN journal_lines AS l ON l.entry_id = e.id"
            " JOIN reconciliation_lines AS c ON c.journal_line_id = l.id"
            " WHERE e.source_type = ? AND e.source_id = ?) ORDER BY r.id LIMIT 1",
            (source_type.value, source_id)).first()
        return None if row is None else reconciliation_from_row(row)

    def add_reconciliation(self, rec: Reconciliation, line_ids: Sequence[int]) -> int:
        """Save a finished reconciliation and the lines it cleared, with its audit row."""
        rec_id = self._exec(insert(reconciliations).values(
            account_code=rec.account_code, statement_date=rec.statement_date,
            statement_balance_minor=rec.statement_balance, opening_balance_minor=rec.opening,
            currency=rec.statement_balance.currency, undone=0,
        )).inserted_primary_key[0]
        if line_ids:
            self._exec(insert(reconciliation_lines), [
                {"reconciliation_id": rec_id, "journal_line_id": line} for line in line_ids])
        saved = self.get_reconciliation(rec_id)
        assert saved is not None
        self._audit("reconcile", "reconciliation", rec_id, {
            "what": finished_words(saved), "account": rec.account_code,
            "statement_date": rec.statement_date.isoformat(), "cleared": len(line_ids)})
        return rec_id

    def mark_reconciliation_undone(self, reconciliation_id: int) -> None:
        rec = self.get_reconciliation(reconciliation_id)
        assert rec is not None
        self._exec(update(reconciliations).where(reconciliations.c.id == reconciliation_id)
                   .values(undone=1))
        self._audit("undo", "reconciliation", reconciliation_id, {"what": undone_words(rec)})
