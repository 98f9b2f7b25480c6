"""Recording and voiding manual journals: one transaction each, checked again inside it;
a refusal changes nothing, a void posts a reversal and keeps the journal and its number."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest

from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journal_queries import JournalQuery, JournalSort
from ledgerdesk.services.journals import (
    check_journal,
    find_journal,
    journal_entries_page,
    load_journal,
    record_journal,
    void_journal,
)
from ledgerdesk.storage import open_book

DAY = dt.date(2024, 3, 1)


def capital(amount: str = "5000.00", *, memo: str = "Owner's capital", day=DAY,
            credit_code: str = "3000", credit: str | None = None) -> RecordJournal:
    return RecordJournal(date=day, memo=memo, lines=[
        JournalLineInput(account_code="1000", debit=Decimal(amount), description="Transfer in"),
        JournalLineInput(account_code=credit_code, credit=Decimal(credit or amount)),
    ])


def audit_rows(book) -> list[tuple[str, str]]:
    with sqlite3.connect(book.path) as conn:
        rows = conn.execute("SELECT action, entity FROM audit_log ORDER BY id").fetchall()
    conn.close()
    return rows


def test_recording_posts_the_lines_and_numbers_it(book, balances) -> None:
    first = record_journal(book, capital())
    second = record_journal(book, capital("250.00", memo="More capital"))
    assert (first.number, second.number) == ("JNL-00001", "JNL-00002")
    assert balances()["1000"] == Decimal("5250.00")
    assert balances()["3000"] == Decimal("-5250.00")
    with book.read() as tx:
        (entry,) = tx.entries_for(SourceType.MANUAL, first.journal_id)
    assert entry.memo == "JNL-00001 Owner's capital"
    assert [line.memo for line in entry.lines] == ["Transfer in", ""]


def test_every_step_is_in_the_audit_log(book) -> None:
    before = len(audit_rows(book))
    recorded = record_journal(book, capital())
    void_journal(book, recorded.journal_id, DAY)
    assert audit_rows(book)[before:] == [
        ("add", "journal"), ("post", "journal_entry"),
        ("post", "journal_entry"), ("void", "journal"),
    ]


def test_an_unbalanced_journal_is_refused_naming_the_difference(book, state) -> None:
    before = state()
    with pytest.raises(ValidationFailed) as refused:
        record_journal(book, capital("5000.00", credit="4990.00"))
    (problem,) = refused.value.problems
    assert problem.field == "lines" and problem.numbers["difference"] == Decimal("10.00")
    assert state() == before


def test_check_journal_lists_the_problems_without_saving(book, state) -> None:
    before = state()
    command = capital(credit_code="1100")
    problems = check_journal(book, command)
    assert [p.field for p in problems] == ["lines[1].account_code"]
    assert state() == before


def test_a_refused_journal_leaves_the_file_byte_for_byte_unchanged(book, customer, issue,
                                                                    tmp_path) -> None:
    issue(customer, "120.00")
    record_journal(book, capital())
    path = book.path
    book.close()
    original = path.read_bytes()
    again = open_book(path)
    try:
        for refused in (capital(credit="1"), capital(credit_code="1100"),
                        capital(credit_code="2000"), RecordJournal(date=DAY, lines=[])):
            with pytest.raises(ValidationFailed):
                record_journal(again, refused)
    finally:
        again.close()
    assert path.read_bytes() == original
    assert not path.with_name(path.name + "-wal").exists()


def test_the_service_checks_again_inside_its_transaction(book, monkeypatch) -> None:
    """What the form saw is not trusted: the chart is read again in the write transaction."""
    import ledgerdesk.services.journals as journals

    seen = []
    real = journals.validate_journal
    monkeypatch.setattr(journals, "validate_journal",
                        lambda journal, accounts: seen.append(accounts) or real(journal, accounts))
    record_journal(book, capital())
    assert seen and "1000" in seen[-1]


def test_voiding_posts_a_reversal_on_the_date_given_and_keeps_the_journal(book,
                                                                         balances) -> None:
    recorded = record_journal(book, capital())
    later = DAY + dt.timedelta(days=30)
    assert void_journal(book, recorded.journal_id, later) == "JNL-00001"
    assert balances().get("1000", Decimal(0)) == 0
    with book.read() as tx:
        original, reversal = tx.entries_for(SourceType.MANUAL, recorded.journal_id)
    assert reversal.reverses_id == original.id and reversal.date == later
    assert reversal.memo == "Void JNL-00001 Owner's capital"
    journal = load_journal(book, recorded.journal_id)
    assert journal.voided and journal.number == "JNL-00001" and len(journal.lines) == 2
    assert record_journal(book, capital()).number == "JNL-00002"  # the number stays used


def test_a_void_is_refused_twice_and_before_the_journal_date(book, state) -> None:
    recorded = record_journal(book, capital())
    before = state()
    with pytest.raises(NotAllowed, match="before its own date"):
        void_journal(book, recorded.journal_id, DAY - dt.timedelta(days=1))
    assert state() == before
    void_journal(book, recorded.journal_id, DAY)
    before = state()
    with pytest.raises(NotAllowed, match="JNL-00001 is already void"):
        void_journal(book, recorded.journal_id, DAY)
    assert state() == before


def test_finding_by_number(book) -> None:
    recorded = record_journal(book, capital())
    assert find_journal(book, "jnl-00001").id == recorded.journal_id
    with pytest.raises(NotFound, match="JNL-00007"):
        find_journal(book, "JNL-00007")
    with pytest.raises(NotFound):
        load_journal(book, 99)


def test_the_list_is_paged_sorted_and_filtered_in_sql(book) -> None:
    for i in range(5):
        record_journal(book, capital(f"{100 + i}.00", memo=f"Loan repayment {i}",
                                     day=DAY + dt.timedelta(days=i)))
    void_journal(book, 2, DAY + dt.timedelta(days=10))
    queries = book.journals()
    newest_first = JournalQuery()
    assert queries.count_journals(newest_first) == 5
    page = journal_entries_page(book, newest_first, 1, 2)
    assert [row.number for row in page] == ["JNL-00004", "JNL-00003"]
    row = page[0]
    assert (row.date, row.memo, row.total.amount, row.voided) == (
        DAY + dt.timedelta(days=3), "Loan repayment 3", Decimal("103.00"), False)
    void = journal_entries_page(book, JournalQuery(text="repayment 1"), 0, 10)
    assert [(r.number, r.voided, r.void_date) for r in void] == [
        ("JNL-00002", True, DAY + dt.timedelta(days=10))]
    by_total = JournalQuery(sort=JournalSort.TOTAL, descending=False,
                            date_from=DAY + dt.timedelta(days=1))
    assert [r.number for r in journal_entries_page(book, by_total, 0, 10)] == [
        "JNL-00002", "JNL-00003", "JNL-00004", "JNL-00005"]
    assert queries.count_journals(JournalQuery(text="jnl-0000")) == 5


def test_every_entry_streams_in_date_order(book) -> None:
    from ledgerdesk.services.journals import journal_entries

    for i in (3, 1, 2):
        record_journal(book, capital(day=DAY + dt.timedelta(days=i), memo=f"day {i}"))
    assert [row.memo for row in journal_entries(book)] == ["day 1", "day 2", "day 3"]
