"""``check`` on manual journals: each is posted as recorded (its entry's debits are its
total), void exactly when reversed, numbered without a hole, and never on a control account.
A healthy book passes; each rule broken from outside the services is named."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from storage_helpers import raw

from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal, void_journal
from ledgerdesk.storage import SqliteBook

DAY = dt.date(2024, 3, 1)


def _record(book: SqliteBook, amount: str = "75.00") -> int:
    return record_journal(book, RecordJournal(date=DAY, memo="Depreciation", lines=[
        JournalLineInput(account_code="6000", debit=Decimal(amount)),
        JournalLineInput(account_code="1500", credit=Decimal(amount)),
    ])).journal_id


def _failures(book: SqliteBook) -> dict[str, str]:
    return {f.check: f.detail for f in book.queries().invariant_failures()}


def test_recorded_and_voided_journals_pass(book: SqliteBook) -> None:
    _record(book)
    void_journal(book, _record(book), DAY)
    assert book.queries().invariant_failures() == []


def test_a_manual_entry_on_a_control_account_is_named(book: SqliteBook, book_path: Path) -> None:
    conn = raw(book_path)
    conn.execute("INSERT INTO journal_entries (date, memo, source_type)"
                 " VALUES ('2024-03-05', 'sneaky', 'MANUAL')")
    entry = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
    conn.executemany(
        "INSERT INTO journal_lines (entry_id, account_code, amount_minor, currency)"
        " VALUES (?, ?, ?, 'EUR')", [(entry, "2000", -500), (entry, "6000", 500)])
    conn.close()
    failures = _failures(book)
    assert failures["manual_control"] == (
        f"1 manual entries post to a control account: entry {entry} posts 5.00 EUR to "
        "2000 Accounts Payable")


def test_a_journal_whose_entry_differs_from_its_total_is_named(book: SqliteBook,
                                                                book_path: Path) -> None:
    journal_id = _record(book)
    conn = raw(book_path)
    conn.execute("DROP TRIGGER trg_manual_journals_only_void")  # as a buggy tool might
    conn.execute("UPDATE manual_journals SET total_minor = 9999 WHERE id = ?", (journal_id,))
    conn.close()
    assert _failures(book)["journals_posted"] == (
        "1 journals are not posted as recorded: JNL-00001 totals 99.99 EUR but its entry "
        "debits 75.00 EUR")


def test_void_without_a_reversal_and_a_hole_in_the_numbers_are_named(
        book: SqliteBook, book_path: Path) -> None:
    _record(book)
    conn = raw(book_path)
    conn.execute("UPDATE manual_journals SET voided = 1")
    conn.execute("DROP TRIGGER trg_manual_journals_gap_free")
    conn.execute("INSERT INTO manual_journals (sequence, number, date, total_minor, currency)"
                 " VALUES (3, 'JNL-00003', '2024-03-01', 100, 'EUR')")
    conn.close()
    failures = _failures(book)
    assert "JNL-00001 is void but has no reversal" in failures["journals_posted"]
    assert "JNL-00003 totals 1.00 EUR but its entry debits 0.00 EUR" in (
        failures["journals_posted"])
    assert failures["journal_numbers"] == (
        "the journal numbers have 1 missing: 2 journals, numbered up to JNL-00003")
