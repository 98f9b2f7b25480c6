"""Manual journals in the book: the gap-free JNL- series, the header beside its entry, and
triggers that refuse a skipped number, an edit or a delete even from outside the services."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from storage_helpers import raw

from ledgerdesk.domain.journals import JournalLine, ManualJournal, journal_entry
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.storage import SqliteBook, open_book

DAY = dt.date(2024, 3, 1)


def _journal(memo: str = "Owner's capital", amount: str = "500.00") -> ManualJournal:
    return ManualJournal(DAY, memo, (
        JournalLine("1000", debit=Decimal(amount), description="Transfer"),
        JournalLine("3000", credit=Decimal(amount)),
    ), "EUR")


def test_numbers_follow_each_other_and_the_journal_reads_back(book: SqliteBook) -> None:
    with book.write() as tx:
        first = tx.add_journal(_journal())
        second = tx.add_journal(_journal("Loan from the bank", "2000"))
    assert [first[1], second[1]] == ["JNL-00001", "JNL-00002"]
    with book.read() as tx:
        journal = tx.get_journal(second[0])
        assert tx.find_journal("jnl-00002") == journal
        assert tx.find_journal("JNL-00009") is None
    assert journal is not None
    assert (journal.number, journal.memo, journal.date, journal.voided) == (
        "JNL-00002", "Loan from the bank", DAY, False)


def test_a_rolled_back_journal_leaves_no_hole(book: SqliteBook) -> None:
    with pytest.raises(RuntimeError), book.write() as tx:
        tx.add_journal(_journal())
        raise RuntimeError("the caller gave up")
    with book.write() as tx:
        assert tx.add_journal(_journal())[1] == "JNL-00001"


def test_lines_come_from_the_posted_entry(book: SqliteBook) -> None:
    with book.write() as tx:
        journal_id, number = tx.add_journal(_journal())
        saved = tx.get_journal(journal_id)
        assert saved is not None and saved.lines == ()  # not posted yet: no lines
        tx.post(journal_entry(dataclasses.replace(_journal(), id=journal_id, number=number)))
    with book.read() as tx:
        journal = tx.get_journal(journal_id)
        assert journal is not None
        assert journal.lines == _journal().lines
        (entry,) = tx.entries_for(SourceType.MANUAL, journal_id)
        assert entry.memo == f"{number} Owner's capital"


def test_voiding_marks_it_once(book: SqliteBook) -> None:
    with book.write() as tx:
        journal_id, _ = tx.add_journal(_journal())
        tx.mark_journal_voided(journal_id)
    with book.read() as tx:
        journal = tx.get_journal(journal_id)
        assert journal is not None and journal.voided
    with pytest.raises(NotAllowed, match="already void"), book.write() as tx:
        tx.mark_journal_voided(journal_id)


def test_the_book_refuses_a_skipped_number_an_edit_and_a_delete(
    book: SqliteBook, book_path: Path
) -> None:
    with book.write() as tx:
        tx.add_journal(_journal())
    conn = raw(book_path)
    with pytest.raises(sqlite3.IntegrityError, match="gap-free"):
        conn.execute("INSERT INTO manual_journals (sequence, number, date, total_minor, currency)"
                     " VALUES (3, 'JNL-00003', '2024-03-01', 100, 'EUR')")
    for statement in ("UPDATE manual_journals SET memo = 'edited'",
                      "UPDATE manual_journals SET total_minor = 1",
                      "UPDATE manual_journals SET voided = 1",  # allowed: 0 -> 1
                      "UPDATE manual_journals SET voided = 0"):
        if statement.endswith("voided = 1"):
            conn.execute(statement)
            continue
        with pytest.raises(sqlite3.IntegrityError, match="only be voided"):
            conn.execute(statement)
    with pytest.raises(sqlite3.IntegrityError, match="void them instead"):
        conn.execute("DELETE FROM manual_journals")
    conn.close()


def test_a_book_from_before_journals_opens_and_takes_the_first_number(
    book_at_0001: Path,
) -> None:
    from ledgerdesk.services.setup import initialise_book

    book = open_book(book_at_0001)
    try:
        initialise_book(book, "Old Co", "EUR")
        with book.write() as tx:
            assert tx.add_journal(_journal())[1] == "JNL-00001"
        with book.read() as tx:
            assert tx.find_contact("Old Customer") is not None
    finally:
        book.close()
