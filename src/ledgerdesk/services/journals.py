"""Manual journal use cases: check, record, void, load; and the list of journal entries.

Recording is one write transaction (``BEGIN IMMEDIATE``): the chart is read again there and
the journal checked against it, then the next JNL- number is taken, the header saved and
its entry posted, so a refusal or a failure leaves nothing behind, not even a number.
Voiding never deletes: it posts the reversal of the journal's entry on the date given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.journals import (
    JournalLine,
    ManualJournal,
    journal_entry,
    validate_journal,
)
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed, NotFound, Problem, ValidationFailed
from ledgerdesk.services.cleared_guard import refuse_if_cleared
from ledgerdesk.services.journal_commands import RecordJournal
from ledgerdesk.services.journal_queries import JournalBook, JournalQuery, JournalSummary
from ledgerdesk.services.lock import refuse_inside_lock
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import base_currency

Tx = Any  # a ``Transaction`` that also keeps journals (``storage.tx_journals``)


@dataclass(frozen=True, slots=True)
class RecordedJournal:
    journal_id: int
    number: str
    total: Money  # the debits, which equal the credits


def build_journal(command: RecordJournal, currency: str) -> ManualJournal:
    """The domain journal a command describes (not checked, not saved)."""
    lines = tuple(
        JournalLine(ln.account_code.strip(), ln.debit, ln.credit, ln.description)
        for ln in command.lines
    )
    return ManualJournal(command.date, command.memo, lines, currency)


def check_journal(book: Book, command: RecordJournal) -> list[Problem]:
    """Every problem with ``command`` against the book as it is now; changes nothing."""
    with book.read() as tx:
        return validate_journal(build_journal(command, base_currency(tx)), tx.accounts())


def record_journal(book: Book, command: RecordJournal) -> RecordedJournal:
    """Record and post a journal, or raise ``ValidationFailed`` with every problem and
    change nothing."""
    with book.write() as tx:
        return record_journal_in(tx, command)


def record_journal_in(tx: Tx, command: RecordJournal) -> RecordedJournal:
    """``record_journal`` inside the caller's transaction."""
    journal = build_journal(command, base_currency(tx))
    refuse_inside_lock(tx, journal.date, _("the journal"))
    problems = validate_journal(journal, tx.accounts())
    if problems:
        raise ValidationFailed(problems)
    journal_id, number = tx.add_journal(journal)
    saved = ManualJournal(journal.date, journal.memo, journal.lines, journal.currency,
                          number, journal_id)
    tx.post(journal_entry(saved))
    return RecordedJournal(journal_id, number, journal.debit_total)


def void_journal(book: Book, journal_id: int, date: dt.date) -> str:
    """Void a journal: post the reversal of its entry dated ``date`` (not before the
    journal's own date) and mark it void.  Returns its number."""
    with book.write() as tx:
        journal = _get(tx, journal_id)
        if journal.voided:
            raise NotAllowed(_("{number} is already void.").format(number=journal.number))
        refuse_inside_lock(tx, journal.date, journal.number or _("the journal"))
        refuse_inside_lock(tx, date, _("the void"))
        refuse_if_cleared(tx, SourceType.MANUAL, journal_id, journal.number or _("the journal"))
        if date < journal.date:
            raise NotAllowed(
                _("{number} cannot be voided before its own date: it is dated {date}, the void "
                  "{date2}.").format(
                    number=journal.number,
                    date=journal.date.isoformat(),
                    date2=date.isoformat())
            )
        for entry in tx.entries_for(SourceType.MANUAL, journal_id):
            if entry.reverses_id is None:
                tx.post(entry.reversal(date, _("Void {memo}").format(memo=entry.memo)))
        tx.mark_journal_voided(journal_id)
        return journal.number or ""


def void_date(journal: ManualJournal, today: dt.date) -> dt.date:
    """When a void the user did not date is dated: today, or the journal's own date if
    that is later (a journal dated ahead is reversed on its date, never before it)."""
    return max(today, journal.date)


def load_journal(book: Book, journal_id: int) -> ManualJournal:
    with book.read() as tx:
        return _get(tx, journal_id)


def reversal_date(book: Book, journal_id: int) -> dt.date | None:
    """When a void journal's reversal was posted (None while it stands)."""
    with book.read() as tx:
        dates = [entry.date for entry in tx.entries_for(SourceType.MANUAL, journal_id)
                 if entry.reverses_id is not None]
    return min(dates, default=None)


def find_journal(book: Book, number: str) -> ManualJournal:
    """A journal by its number, in any case (``jnl-00012``)."""
    with book.read() as tx:
        journal = tx.find_journal(number)
    if journal is None:
        raise NotFound(_("There is no journal numbered {number}.").format(
                           number=number.strip().upper()))
    return journal


def count_journal_entries(book: JournalBook, query: JournalQuery) -> int:
    return book.journals().count_journals(query)


def journal_entries_page(book: JournalBook, query: JournalQuery, offset: int,
                         limit: int) -> list[JournalSummary]:
    """Rows ``offset`` to ``offset + limit`` of the list ``query`` describes, in its order."""
    return book.journals().journal_page(query, offset, limit)


def journal_entries(book: JournalBook) -> Iterator[JournalSummary]:
    """Every manual journal, by date then number, streamed (for a CSV of any length)."""
    return book.journals().journal_summaries()


def _get(tx: Tx, journal_id: int) -> ManualJournal:
    journal = tx.get_journal(journal_id)
    if journal is None:
        raise NotFound(_("There is no journal with id {journal_id}.").format(
                           journal_id=journal_id))
    return journal
