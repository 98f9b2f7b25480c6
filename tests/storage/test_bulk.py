"""Bulk loading: one transaction, ids returned, the ledger rules hold, fast enough."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from decimal import Decimal

import pytest
from storage_helpers import ROLES, raw

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.documents import Document, DocumentKind, Lifecycle, LineItem
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, Payment, PaymentKind
from ledgerdesk.domain.postings import document_entry, payment_entry
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.storage import SqliteBook

START = dt.date(2024, 1, 1)


def _invoices(contact_ids: list[int], count: int, first_number: int = 1) -> list[Document]:
    docs = []
    for i in range(count):
        issue = START + dt.timedelta(days=i % 300)
        lines = tuple(
            LineItem(f"line {n}", Decimal(n + 1), Decimal("19.99") + i % 7, "4000", Decimal(20))
            for n in range(3)
        )
        docs.append(Document(
            DocumentKind.SALES_INVOICE, contact_ids[i % len(contact_ids)], issue,
            issue + dt.timedelta(days=30), "EUR", lines,
            number=f"INV-{first_number + i:05d}", lifecycle=Lifecycle.AUTHORISED,
        ))
    return docs


def _load(
    book: SqliteBook, count: int, *, new_book: bool = False
) -> tuple[list[Document], list[Payment]]:
    """Invoices, half of them paid in full, every one posted: what a generator writes."""
    with book.bulk(new_book=new_book) as bulk:
        contacts = bulk.add_contacts(
            [Contact(f"Customer {i}", ContactRole.CUSTOMER) for i in range(20)]
        )
        docs = _invoices(contacts, count)
        docs = [dataclasses.replace(d, id=i) for d, i in zip(docs, bulk.add_documents(docs),
                                                             strict=True)]
        bulk.post_entries([document_entry(d, ROLES) for d in docs])
        payments = [
            Payment(PaymentKind.CUSTOMER_RECEIPT, d.contact_id, d.due_date, d.totals().total,
                    "1000", (Allocation(d.id, d.totals().total),), client_token=f"p{d.id}")
            for d in docs[::2]
        ]
        ids = bulk.add_payments(payments)
        payments = [dataclasses.replace(p, id=i) for p, i in zip(payments, ids, strict=True)]
        bulk.post_entries([payment_entry(p, ROLES) for p in payments])
        bulk.set_next_number(DocumentKind.SALES_INVOICE, count + 1)
    return docs, payments


def test_bulk_load_keeps_every_ledger_rule(book: SqliteBook) -> None:
    docs, payments = _load(book, 200)
    queries = book.queries()
    assert queries.invariant_failures() == []
    assert queries.integrity_problems() == []
    listed = list(queries.list_documents([DocumentKind.SALES_INVOICE]))
    assert len(listed) == 200
    assert sum(1 for d in listed if d.outstanding.is_zero) == 100
    with book.read() as tx:
        assert tx.get_document(docs[7].id) == docs[7]
        assert tx.find_payment_by_token("p1") == payments[0]
    with book.write() as tx:
        assert tx.take_number(DocumentKind.SALES_INVOICE) == "INV-00201"


def test_bulk_load_writes_one_audit_row_and_bumps_the_revision(book, book_path) -> None:
    before = book.revision
    _load(book, 10)
    assert book.revision == before + 1
    conn = raw(book_path)
    rows = conn.execute(
        "SELECT action, detail FROM audit_log WHERE action = 'bulk_load'"
    ).fetchall()
    conn.close()
    assert len(rows) == 1
    assert '"documents": 10' in rows[0][1]


def test_line_trigger_is_back_after_a_bulk_load(book, book_path) -> None:
    docs, _ = _load(book, 3)
    conn = raw(book_path)
    names = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    )}
    assert "trg_document_lines_insert" in names
    with pytest.raises(sqlite3.IntegrityError, match="lines of a posted document"):
        conn.execute(
            "INSERT INTO document_lines (document_id, position, quantity, unit_price,"
            " account_code, tax_rate, discount_percent) VALUES (?, 9, '1', '1', '4000', '0', '0')",
            (docs[0].id,),
        )
    conn.close()


def test_ids_continue_after_existing_rows(book: SqliteBook) -> None:
    with book.write() as tx:
        existing = tx.add_contact(Contact("First", ContactRole.CUSTOMER))
    with book.bulk() as bulk:
        ids = bulk.add_contacts([Contact("Second", ContactRole.CUSTOMER),
                                 Contact("Third", ContactRole.CUSTOMER)])
        more = bulk.add_contacts([Contact("Fourth", ContactRole.CUSTOMER)])
    assert ids == [existing + 1, existing + 2] and more == [existing + 3]


def test_credit_applications_in_bulk(book: SqliteBook) -> None:
    with book.bulk() as bulk:
        (contact,) = bulk.add_contacts([Contact("Acme", ContactRole.CUSTOMER)])
        (inv,) = bulk.add_documents(_invoices([contact], 1))
        credit_doc = Document(
            DocumentKind.SALES_CREDIT_NOTE, contact, START, START, "EUR",
            (LineItem("refund", Decimal(1), Decimal("10.00"), "4000"),),
            number="CN-00001", lifecycle=Lifecycle.AUTHORISED,
        )
        (credit,) = bulk.add_documents([credit_doc])
        (application,) = bulk.add_credit_applications(
            [(credit, START, [Allocation(inv, Money.of("10.00", "EUR"))])]
        )
    with book.read() as tx:
        opened = tx.open_documents([inv, credit])
        assert tx.active_allocations_on(credit) == 1
    assert opened[credit].outstanding.is_zero
    assert opened[inv].outstanding == opened[inv].total - Money.of("10.00", "EUR")
    assert application >= 1


def test_over_allocation_in_bulk_rolls_everything_back(book: SqliteBook) -> None:
    with pytest.raises(NotAllowed, match="exceeds the outstanding"), book.bulk() as bulk:
        (contact,) = bulk.add_contacts([Contact("Acme", ContactRole.CUSTOMER)])
        (inv,) = bulk.add_documents(_invoices([contact], 1))
        too_much = Money.of("100000.00", "EUR")
        bulk.add_payments([Payment(PaymentKind.CUSTOMER_RECEIPT, contact, START, too_much,
                                   "1000", (Allocation(inv, too_much),), client_token="x")])
    with book.read() as tx:
        assert tx.find_contact("Acme") is None


def test_unbalanced_entries_are_refused_in_bulk(book: SqliteBook) -> None:
    docs = _invoices([1], 1)
    entry = document_entry(dataclasses.replace(docs[0], id=1), ROLES)
    broken = dataclasses.replace(entry, lines=entry.lines[:-1])
    with pytest.raises(ValueError, match="does not balance"), book.bulk() as bulk:
        bulk.post_entries([broken])

