"""The demo book generator: every invariant holds, it shows every status, and it is repeatable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind, Lifecycle, is_partly_paid
from ledgerdesk.domain.ledger import DEFAULT_CHART, AccountType
from ledgerdesk.domain.numbering import DEFAULT_PREFIXES, format_number
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.services import demo_worker
from ledgerdesk.services.demo import DemoStats, generate_demo
from ledgerdesk.services.queries import check_book, trial_balance

TODAY = dt.date(2025, 6, 30)
EVERY_KIND = list(DocumentKind)


@pytest.fixture
def new_book(tmp_path):
    """A factory of fresh, initialised books in ``tmp_path``."""
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    opened = []

    def make(name: str = "demo.book", currency: str = "GBP"):
        book = create_book(tmp_path / name)
        opened.append(book)
        initialise_book(book, "Demo Co", currency)
        return book

    yield make
    for book in opened:
        book.close()


@pytest.fixture
def small(new_book):
    book = new_book()
    return book, generate_demo(book, today=TODAY)


def test_small_demo_passes_every_check(small) -> None:
    book, _ = small
    report = check_book(book)
    assert report.ok, (report.integrity, report.invariants)


def test_small_demo_has_enough_of_everything(small) -> None:
    book, stats = small
    assert stats.contacts >= 30
    assert stats.invoices + stats.bills >= 200
    assert stats.credit_notes >= 1
    assert stats.payments >= stats.invoices + stats.bills  # most are paid, some in parts
    assert stats.voided >= 1
    contacts = list(book.queries().list_contacts())
    assert len(contacts) == stats.contacts
    assert {c.role.value for c in contacts} == {"CUSTOMER", "SUPPLIER", "BOTH"}


def test_small_demo_shows_every_status(small) -> None:
    book, _ = small
    docs = list(book.queries().list_documents(EVERY_KIND))
    statuses = {d.status(TODAY) for d in docs}
    assert {"draft", "open", "overdue", "paid", "void"} <= statuses
    assert any(is_partly_paid(d.lifecycle, d.total, d.outstanding) for d in docs)
    assert book.queries().most_overdue(TODAY, 5)
    kinds = {d.kind for d in docs}
    assert {DocumentKind.SALES_CREDIT_NOTE, DocumentKind.PURCHASE_CREDIT_NOTE,
            DocumentKind.CUSTOMER_PREPAYMENT} <= kinds
    # A kept credit that was later applied to an invoice.
    credits = [d for d in docs if d.kind is DocumentKind.CUSTOMER_PREPAYMENT]
    assert any(d.outstanding < d.total for d in credits)


def test_small_demo_has_a_credit_note_waiting_to_be_applied(small) -> None:
    """An authorised credit note with credit left, and an open invoice it could settle."""
    book, _ = small
    docs = list(book.queries().list_documents(EVERY_KIND, open_only=True))
    notes = [d for d in docs if d.kind is DocumentKind.SALES_CREDIT_NOTE
             and d.lifecycle is Lifecycle.AUTHORISED and d.outstanding.is_positive]
    invoices = {d.contact_id for d in docs if d.kind is DocumentKind.SALES_INVOICE}
    assert any(note.contact_id in invoices for note in notes)


def test_every_demo_contact_has_a_postal_address(new_book) -> None:
    book = new_book()
    generate_demo(book, size=5000, today=TODAY)
    with book.read() as tx:
        contacts = [tx.get_contact(c.id) for c in book.queries().list_contacts()]
    assert len(contacts) == 50
    assert all(len(c.address.splitlines()) >= 3 for c in contacts)
    harbour = next(c for c in contacts if c.name == "Harbour Lights Café")
    assert harbour.address.endswith("Falmouth\nTR11 3HH")


def test_small_demo_has_voided_payment_refund_and_spread_payment(small) -> None:
    book, _ = small
    payments = list(book.queries().list_payments())
    assert any(p.voided for p in payments)
    assert any(p.kind.is_refund for p in payments)
    assert any("," in p.documents for p in payments)  # one payment, several documents
    assert any(p.allocated < p.amount for p in payments)  # excess kept as credit
    with book.read() as tx:
        voided = [d for d in book.queries().list_documents(EVERY_KIND)
                  if d.lifecycle is Lifecycle.VOIDED]
        assert voided
        from ledgerdesk.domain.ledger import SourceType

        entries = tx.entries_for(SourceType.DOCUMENT, voided[0].id)
    assert len(entries) == 2 and entries[1].reverses_id == entries[0].id


def test_small_demo_uses_realistic_tax(small) -> None:
    book, _ = small
    with book.read() as tx:
        doc_ids = [d.id for d in book.queries().list_documents(EVERY_KIND)][:120]
        docs = [tx.get_document(i) for i in doc_ids]
    rates = {line.tax_rate for doc in docs if doc for line in doc.lines}
    assert {Decimal(20), Decimal(0)} <= rates
    assert {doc.tax_mode.value for doc in docs if doc} >= {"EXCLUSIVE", "INCLUSIVE"}


def test_numbers_are_gap_free_and_continue_after_the_demo(small) -> None:
    book, _ = small
    prefix = DEFAULT_PREFIXES[DocumentKind.SALES_INVOICE]
    invoices = sorted(  # the opening invoices keep the old program's numbers (OB-1001)
        d.number for d in book.queries().list_documents([DocumentKind.SALES_INVOICE])
        if d.number and d.number.startswith(prefix)
    )
    expected = [format_number(DEFAULT_PREFIXES[DocumentKind.SALES_INVOICE], n)
                for n in range(1, len(invoices) + 1)]
    assert invoices == expected
    with book.write() as tx:
        assert tx.take_number(DocumentKind.SALES_INVOICE) == format_number(
            DEFAULT_PREFIXES[DocumentKind.SALES_INVOICE], len(invoices) + 1
        )


def test_same_seed_same_book(new_book) -> None:
    first, second, other = new_book("a.book"), new_book("b.book"), new_book("c.book")
    generate_demo(first, seed=3, today=TODAY)
    generate_demo(second, seed=3, today=TODAY)
    generate_demo(other, seed=4, today=TODAY)
    assert trial_balance(first) == trial_balance(second)
    assert trial_balance(first) != trial_balance(other)


def test_nothing_is_dated_after_today(small) -> None:
    book, _ = small
    assert all(d.issue_date <= TODAY for d in book.queries().list_documents(EVERY_KIND))
    assert all(p.date <= TODAY for p in book.queries().list_payments())


def test_refuses_a_book_that_has_documents(small) -> None:
    book, _ = small
    with pytest.raises(NotAllowed):
        generate_demo(book, today=TODAY)


def test_works_in_a_currency_without_minor_units(new_book) -> None:
    book = new_book("yen.book", "JPY")
    generate_demo(book, today=TODAY)
    assert check_book(book).ok


def test_sized_demo_passes_every_check_and_reports_progress(new_book) -> None:
    book = new_book()
    seen: list[tuple[int, int]] = []
    stats = generate_demo(book, size=5000, today=TODAY, progress=lambda d, t: seen.append((d, t)))
    assert isinstance(stats, DemoStats)
    assert 5000 <= stats.invoices + stats.bills <= 5010
    assert 1.3 <= stats.payments / (stats.invoices + stats.bills) <= 1.7
    assert seen and seen[-1][0] == seen[-1][1] == stats.invoices + stats.bills
    report = check_book(book)
    assert report.ok, (report.integrity, report.invariants)


def _everything(book) -> tuple:
    queries = book.queries()
    return (list(queries.list_documents(EVERY_KIND)), list(queries.list_payments()),
            list(queries.journal()), list(queries.list_contacts()))


def test_a_second_process_generates_the_same_book(new_book, monkeypatch) -> None:
    monkeypatch.setattr(demo_worker, "CHUNK_DOCUMENTS", 700)  # several staged batches
    here, there = new_book("here.book"), new_book("there.book")
    progress: list[tuple[int, int]] = []
    ours = generate_demo(here, size=2000, today=TODAY, in_process=True)
    theirs = generate_demo(there, size=2000, today=TODAY, in_process=False,
                           progress=lambda d, t: progress.append((d, t)))
    assert dataclasses.replace(ours, seconds=0) == dataclasses.replace(theirs, seconds=0)
    assert len(progress) == 3 and progress[-1][0] == theirs.invoices + theirs.bills
    assert _everything(here) == _everything(there)
    report = check_book(there)
    assert report.ok, (report.integrity, report.invariants)
    assert not multiprocessing.active_children()


def test_an_error_in_the_second_process_is_raised_here(tmp_path) -> None:
    from ledgerdesk.storage.book import create_book

    book = create_book(tmp_path / "no-income.book")
    with book.write() as tx:
        for account in DEFAULT_CHART:
            if account.type is not AccountType.INCOME:
                tx.add_account(account)
        tx.set_setting("base_currency", "GBP")
    with pytest.raises(NotAllowed, match="no income account"):
        generate_demo(book, size=500, today=TODAY, in_process=False)
    assert not multiprocessing.active_children()
    assert list(book.queries().list_contacts()) == []  # the whole load was rolled back
    book.close()
