"""The lock date: nothing dated on or before it is created, authorised, paid, voided,
journalled or credited; each refusal is one sentence naming the lock date, and the book
is unchanged.  Locking, moving and clearing the lock are recorded in the audit log."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.lock import Locked
from ledgerdesk.services.audit import audit_log
from ledgerdesk.services.commands import AllocationInput, ApplyCredit, DocumentDraft, LineInput
from ledgerdesk.services.credits import apply_credit
from ledgerdesk.services.documents import (
    authorise_document,
    save_draft,
    void_document,
)
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal, void_journal
from ledgerdesk.services.lock import change_lock, read_lock_date
from ledgerdesk.services.payments import record_payment, void_payment
from ledgerdesk.storage import open_book

LOCK = dt.date(2024, 1, 31)
INSIDE = dt.date(2024, 1, 15)  # the helpers' default day
AFTER = dt.date(2024, 2, 1)


def capital(day: dt.date) -> RecordJournal:
    return RecordJournal(date=day, memo="Owner's capital", lines=[
        JournalLineInput(account_code="1000", debit=Decimal("500")),
        JournalLineInput(account_code="3000", credit=Decimal("500")),
    ])


def locked_words(what: str, day: dt.date) -> str:
    return f"The books are locked through 2024-01-31; {what} is dated {day.isoformat()}."


def test_nothing_dated_inside_the_lock_can_be_written(book, customer, issue, draft, command,
                                                       state) -> None:
    invoice_id, number = issue(customer, "100")
    paid = record_payment(book, command(customer, "40", (invoice_id, "40")))
    journal = record_journal(book, capital(INSIDE))
    draft_id = draft(customer, "10")
    change_lock(book, LOCK)
    before = state()
    attempts = {
        "draft": lambda: save_draft(book, _draft(customer, INSIDE)),
        "authorise": lambda: authorise_document(book, draft_id),
        "payment": lambda: record_payment(book, command(customer, "10", (invoice_id, "10"))),
        "void invoice": lambda: void_document(book, invoice_id, AFTER),
        "void payment": lambda: void_payment(book, paid.payment_id, AFTER),
        "journal": lambda: record_journal(book, capital(INSIDE)),
        "void journal": lambda: void_journal(book, journal.journal_id, AFTER),
        "lock day itself": lambda: record_journal(book, capital(LOCK)),
    }
    for name, attempt in attempts.items():
        with pytest.raises(Locked) as refused:
            attempt()
        assert "locked through 2024-01-31" in str(refused.value), name
        assert "\n" not in str(refused.value), name
    assert state() == before
    with pytest.raises(Locked) as refused:
        void_document(book, invoice_id, AFTER)
    assert str(refused.value) == locked_words(number, INSIDE)
    with pytest.raises(Locked) as refused:
        record_journal(book, capital(INSIDE))
    assert str(refused.value) == locked_words("the journal", INSIDE)


def test_a_void_dated_inside_the_lock_is_refused_even_for_a_later_record(book) -> None:
    journal = record_journal(book, capital(AFTER))
    change_lock(book, LOCK)
    with pytest.raises(Locked) as refused:
        void_journal(book, journal.journal_id, INSIDE)
    assert str(refused.value) == locked_words("the void", INSIDE)


def test_after_the_lock_everything_still_works(book, customer, command) -> None:
    change_lock(book, LOCK)
    document_id = save_draft(book, _draft(customer, AFTER))
    authorise_document(book, document_id)
    paid = record_payment(book, command(customer, "15", (document_id, "15"), date=AFTER))
    void_payment(book, paid.payment_id, AFTER)
    record_journal(book, capital(AFTER))


def test_a_credit_applied_inside_the_lock_is_refused(book, customer, issue, command) -> None:
    invoice_id, _ = issue(customer, "100")
    kept = record_payment(book, command(customer, "50", keep=True))
    change_lock(book, LOCK)
    with pytest.raises(Locked):
        apply_credit(book, ApplyCredit(
            credit_id=kept.credit_id, date=INSIDE,
            allocations=[AllocationInput(document_id=invoice_id, amount=Decimal("10"))]))


def test_locking_moving_and_clearing_are_audited_with_who(book) -> None:
    """Who is the user the book was opened for (the command line and the window pass the
    system's user name); every audit row carries it."""
    assert read_lock_date(book) is None
    for user, through, said in (
            ("ann", LOCK, "Locked through 2024-01-31"),
            ("bob", dt.date(2023, 12, 31), "Lock moved from 2024-01-31 to 2023-12-31"),
            ("cy", None, "Lock cleared (was through 2023-12-31)")):
        with open_book(book.path, user=user) as as_user:
            assert change_lock(as_user, through) == said
            assert read_lock_date(as_user) == through
    assert read_lock_date(book) is None
    rows = [(row.who, row.what) for row in audit_log(book) if row.what.startswith("Lock")]
    assert rows == [("ann", "Locked through 2024-01-31"),
                    ("bob", "Lock moved from 2024-01-31 to 2023-12-31"),
                    ("cy", "Lock cleared (was through 2023-12-31)")]


def test_an_unchanged_lock_writes_nothing(book) -> None:
    change_lock(book, LOCK)
    count = len(list(audit_log(book)))
    assert change_lock(book, LOCK) == "Already locked through 2024-01-31"
    assert len(list(audit_log(book))) == count


def _draft(contact_id: int, day: dt.date):
    return DocumentDraft(kind=DocumentKind.SALES_INVOICE, contact_id=contact_id,
                         issue_date=day, lines=[LineInput(
                             description="x", unit_price=Decimal("20"), account_code="4000")])


def test_check_finds_an_entry_posted_inside_the_lock_while_it_stood(book, customer) -> None:
    """Earlier entries inside the period are the closed year itself; one written past the
    guard (another program, or by hand) after the lock was set is a failure."""
    from ledgerdesk.domain.ledger import SourceType
    from ledgerdesk.services.queries import check_book

    first = record_journal(book, capital(INSIDE))
    change_lock(book, LOCK)
    change_lock(book, None)
    record_journal(book, capital(INSIDE))  # while unlocked: allowed, and no failure
    change_lock(book, LOCK)
    assert check_book(book).invariants == []
    with book.write() as tx:  # around the guard, as a program that ignores it would
        entry = tx.entries_for(SourceType.MANUAL, first.journal_id)[0]
        tx.post(entry.reversal(INSIDE, "written past the lock"))
    failures = {f.check: f.detail for f in check_book(book).invariants}
    assert "was posted while the books were locked through 2024-01-31" in failures["inside_lock"]
