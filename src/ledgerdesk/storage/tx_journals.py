"""The manual journal half of a transaction: the next JNL- number, the header, voiding.

The number is taken inside the caller's write transaction (``BEGIN IMMEDIATE``), as the
maximum sequence plus one: journals are never deleted, so the series is the table itself,
and a rolled-back journal leaves no hole.  A journal's lines are read from its entry.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select, update

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.journals import JournalLine, ManualJournal, journal_number
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.storage.journal_tables import manual_journals
from ledgerdesk.storage.tables import journal_entries, journal_lines
from ledgerdesk.storage.tx_base import TransactionBase


class JournalStore(TransactionBase):
    def add_journal(self, journal: ManualJournal) -> tuple[int, str]:
        """Save the header with the next number; returns (id, number).  Post its entry in the
        same transaction."""
        sequence = self._conn.scalar(
            select(func.coalesce(func.max(manual_journals.c.sequence), 0) + 1)
        )
        number = journal_number(sequence)
        total = journal.debit_total
        journal_id = self._exec(insert(manual_journals).values(
            sequence=sequence, number=number, date=journal.date, memo=journal.memo,
            total_minor=total, currency=total.currency,
        )).inserted_primary_key[0]
        self._audit("add", "journal", journal_id, {
            "number": number, "date": journal.date.isoformat(), "total": str(total.amount),
            "lines": len(journal.lines),
        })
        return journal_id, number

    def get_journal(self, journal_id: int) -> ManualJournal | None:
        row = self._conn.execute(
            select(manual_journals).where(manual_journals.c.id == journal_id)
        ).first()
        return None if row is None else self._journal_of(row)

    def find_journal(self, number: str) -> ManualJournal | None:
        """By number, in any case (``jnl-00012``)."""
        row = self._conn.execute(
            select(manual_journals).where(manual_journals.c.number == number.strip().upper())
        ).first()
        return None if row is None else self._journal_of(row)

    def mark_journal_voided(self, journal_id: int) -> None:
        voided = self._conn.scalar(
            select(manual_journals.c.voided).where(manual_journals.c.id == journal_id)
        )
        if voided is None:
            raise NotFound(_("There is no journal with id {journal_id}.").format(
                               journal_id=journal_id))
        if voided:
            raise NotAllowed(_("This journal is already void."))
        self._exec(update(manual_journals).where(manual_journals.c.id == journal_id)
                   .values(voided=1))
        self._audit("void", "journal", journal_id, {})

    def _journal_of(self, row) -> ManualJournal:
        original = (
            select(journal_entries.c.id)
            .where(journal_entries.c.source_type == SourceType.MANUAL.value,
                   journal_entries.c.source_id == row.id,
                   journal_entries.c.reverses_id.is_(None))
            .order_by(journal_entries.c.id).limit(1)
            .scalar_subquery()
        )
        rows = self._conn.execute(
            select(journal_lines.c.account_code, journal_lines.c.amount_minor,
                   journal_lines.c.memo)
            .where(journal_lines.c.entry_id == original).order_by(journal_lines.c.id)
        )
        lines = tuple(_line(code, minor, memo, row.currency) for code, minor, memo in rows)
        return ManualJournal(
            date=row.date, memo=row.memo, lines=lines, currency=row.currency,
            number=row.number, id=row.id, voided=bool(row.voided),
        )


def _line(code: str, minor: int, memo: str, currency: str) -> JournalLine:
    amount = Money.from_minor(abs(minor), currency).amount
    if minor >= 0:
        return JournalLine(code, debit=amount, description=memo)
    return JournalLine(code, credit=amount, description=memo)
