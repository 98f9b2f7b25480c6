"""Transactions: commit or roll back together, bump the revision, keep an audit trail."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from dataclasses import replace

import pytest
from storage_helpers import DAY, add_customer, authorise, invoice, pay, raw

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.storage import SqliteBook


def test_revision_bumps_only_on_commit(book: SqliteBook) -> None:
    start = book.revision
    with book.read() as tx:
        tx.accounts()
    assert book.revision == start
    with book.write() as tx:
        add_customer(tx)
    assert book.revision == start + 1
    with pytest.raises(RuntimeError), book.write() as tx:
        add_customer(tx, "Rolled Back Ltd")
        raise RuntimeError("user cancelled")
    assert book.revision == start + 1
    with book.read() as tx:
        assert tx.find_contact("Rolled Back Ltd") is None


def test_read_transactions_cannot_write(book: SqliteBook) -> None:
    with pytest.raises(NotAllowed, match="read-only"), book.read() as tx:
        add_customer(tx)
    with book.write() as tx:  # the pooled connection is writable again afterwards
        assert add_customer(tx) > 0


def test_client_token_makes_a_payment_unique(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        document_id = authorise(tx, invoice(contact, "100.00"))
        payment_id = pay(tx, contact, "40.00", (document_id, "40.00"), token="abc-123")
    with book.read() as tx:
        found = tx.find_payment_by_token("abc-123")
        assert found is not None and found.id == payment_id
        assert tx.find_payment_by_token("never-used") is None
    with pytest.raises(NotAllowed, match="client_token"), book.write() as tx:
        pay(tx, contact, "40.00", (document_id, "40.00"), token="abc-123")
    with book.read() as tx:
        assert tx.open_documents([document_id])[document_id].outstanding == Money.of(60, "EUR")


def test_numbers_are_gap_free_and_rolled_back_with_the_transaction(book: SqliteBook) -> None:
    with book.write() as tx:
        assert tx.take_number(DocumentKind.SALES_INVOICE) == "INV-00001"
        assert tx.take_number(DocumentKind.SALES_INVOICE) == "INV-00002"
        assert tx.take_number(DocumentKind.BILL) == "BILL-00001"
    with pytest.raises(RuntimeError), book.write() as tx:
        tx.take_number(DocumentKind.SALES_INVOICE)
        raise RuntimeError("authorising failed")
    with book.write() as tx:
        assert tx.take_number(DocumentKind.SALES_INVOICE) == "INV-00003"


def test_drafts_can_be_replaced_posted_documents_cannot(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        draft_id = tx.add_document(invoice(contact, "10.00"))
        tx.replace_draft(replace(invoice(contact, "20.00", "5.00"), id=draft_id))
        draft = tx.get_document(draft_id)
        assert draft is not None and len(draft.lines) == 2
        assert draft.totals().total == Money.of("25.00", "EUR")
        tx.mark_authorised(draft_id, tx.take_number(DocumentKind.SALES_INVOICE))
        with pytest.raises(NotAllowed, match="only a draft"):
            tx.replace_draft(draft)
        with pytest.raises(NotAllowed, match="only a draft"):
            tx.mark_authorised(draft_id, "INV-99999")
        with pytest.raises(NotFound):
            tx.mark_authorised(424242, "INV-99999")
        found = tx.find_document("INV-00001")
        assert found is not None and found.lifecycle is Lifecycle.AUTHORISED


def test_contacts_are_found_by_name_ignoring_case(book: SqliteBook) -> None:
    with book.write() as tx:
        contact_id = tx.add_contact(Contact("Zeta GmbH", ContactRole.SUPPLIER, "a@b.c", "DE1", 14))
    with book.read() as tx:
        assert tx.find_contact("zeta gmbh") == Contact(
            "Zeta GmbH", ContactRole.SUPPLIER, "a@b.c", "DE1", 14, contact_id
        )
        assert tx.get_contact(contact_id) == tx.find_contact("ZETA GMBH")
        assert tx.find_contact("Zeta") is None


def test_open_documents_compute_outstanding_over_several_payments(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        late = authorise(tx, invoice(contact, "100.00", issue=dt.date(2024, 1, 1)))
        early = authorise(tx, invoice(contact, "50.00", issue=dt.date(2023, 12, 1)))
        paid = authorise(tx, invoice(contact, "10.00"))
        pay(tx, contact, "70.00", (late, "30.00"), (paid, "10.00"), (early, "30.00"))
        pay(tx, contact, "5.00", (late, "5.00"))
        opened = tx.open_documents([late, early, paid, 999])
        listed = tx.open_documents_for(contact, [DocumentKind.SALES_INVOICE])
    assert opened[late].outstanding == Money.of("65.00", "EUR")
    assert opened[early].outstanding == Money.of("20.00", "EUR")
    assert opened[paid].outstanding == Money.zero("EUR") and opened[paid].authorised
    assert 999 not in opened
    assert [d.id for d in listed] == [early, late]  # oldest due first, fully paid left out


def test_voiding_a_payment_releases_its_allocations(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        document_id = authorise(tx, invoice(contact, "100.00"))
        payment_id = pay(tx, contact, "100.00", (document_id, "100.00"))
        assert tx.active_allocations_on(document_id) == 1
        tx.mark_payment_voided(payment_id)
        assert tx.active_allocations_on(document_id) == 0
        assert tx.open_documents([document_id])[document_id].outstanding.amount == 100
        payment = tx.get_payment(payment_id)
        assert payment is not None and payment.voided and len(payment.allocations) == 1
        with pytest.raises(NotAllowed, match="already void"):
            tx.mark_payment_voided(payment_id)


def test_excess_kept_as_credit_and_applied_to_an_invoice(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        first = authorise(tx, invoice(contact, "60.00"))
        second = authorise(tx, invoice(contact, "25.00"))
        payment_id = pay(tx, contact, "100.00", (first, "60.00"), keep_excess=True)
        credit = tx.prepayment_of(payment_id)
        assert credit is not None and credit.kind is DocumentKind.CUSTOMER_PREPAYMENT
        assert credit.prepayment_amount == Money.of("40.00", "EUR")
        tx.add_credit_application(credit.id, DAY, [Allocation(second, Money.of("25.00", "EUR"))])
        opened = tx.open_documents([first, second, credit.id])
        assert tx.active_allocations_on(credit.id) == 1
        assert tx.active_allocations_on(second) == 1
    assert opened[second].outstanding == Money.zero("EUR")
    assert opened[credit.id].outstanding == Money.of("15.00", "EUR")
    assert book.queries().invariant_failures() == []


def test_every_change_is_in_the_audit_log(book: SqliteBook, book_path) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        document_id = authorise(tx, invoice(contact, "100.00"))
        payment_id = pay(tx, contact, "10.00", (document_id, "10.00"), token="tok-1")
        tx.mark_payment_voided(payment_id)
        tx.set_setting("bank_feed_secret", "hunter2")
        tx.audit("export", "book", None, {"rows": 3})
    conn = raw(book_path)
    rows = conn.execute("SELECT action, entity, entity_id, detail FROM audit_log ORDER BY id")
    log = [(a, e, i, json.loads(d)) for a, e, i, d in rows]
    conn.close()
    actions = [(a, e) for a, e, _, _ in log]
    for expected in [
        ("add", "contact"), ("add", "document"), ("take_number", "number_series"),
        ("authorise", "document"), ("post", "journal_entry"), ("add", "payment"),
        ("void", "payment"), ("set_setting", "setting"), ("export", "book"),
    ]:
        assert expected in actions
    assert ("add", "payment", payment_id) in [(a, e, i) for a, e, i, _ in log]
    assert "hunter2" not in json.dumps([d for *_, d in log])


def test_entries_for_a_source(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        document_id = authorise(tx, invoice(contact, "80.00"))
        (entry,) = tx.entries_for(SourceType.DOCUMENT, document_id)
        reversal_id = tx.post(entry.reversal(DAY, "Void"))
        entries = tx.entries_for(SourceType.DOCUMENT, document_id)
    assert [e.id for e in entries] == [entry.id, reversal_id]
    assert entries[1].reverses_id == entry.id
    assert [ln.amount for ln in entries[1].lines] == [-ln.amount for ln in entry.lines]


def test_write_takes_the_write_lock_at_begin(book: SqliteBook, book_path) -> None:
    other = raw(book_path)
    other.execute("PRAGMA busy_timeout = 0")
    with book.read() as tx:
        tx.get_setting("base_currency")
        other.execute("BEGIN IMMEDIATE")  # a reader does not block writers
        other.execute("ROLLBACK")
    with book.write() as tx:
        tx.get_setting("base_currency")  # nothing written yet, the lock is already held
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.close()


def test_concurrent_payers_never_overpay(book: SqliteBook) -> None:
    """Read-outstanding-then-pay from several threads: BEGIN IMMEDIATE serialises them."""
    with book.write() as tx:
        contact = add_customer(tx)
        invoices = [authorise(tx, invoice(contact, "10.00")) for _ in range(10)]
    refused: list[Exception] = []

    def payer() -> None:
        for document_id in invoices:
            try:
                with book.write() as tx:
                    due = tx.open_documents([document_id])[document_id].outstanding
                    if due.is_positive:
                        pay(tx, contact, str(due.amount), (document_id, str(due.amount)))
            except NotAllowed as exc:  # would mean a stale read reached the trigger
                refused.append(exc)

    threads = [threading.Thread(target=payer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert refused == []
    payments = list(book.queries().list_payments())
    assert len(payments) == len(invoices)
    assert book.queries().invariant_failures() == []
