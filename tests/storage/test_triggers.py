"""The last line of defence: SQLite itself refuses what the services must never do,
even when another tool writes to the file directly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from storage_helpers import add_customer, authorise, invoice, pay, raw

from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.storage import SqliteBook


def _invoice_of_100(book: SqliteBook) -> tuple[int, int]:
    with book.write() as tx:
        contact = add_customer(tx)
        document_id = authorise(tx, invoice(contact, "100.00"))
    return contact, document_id


def test_journal_and_audit_log_are_append_only(book: SqliteBook, book_path: Path) -> None:
    _invoice_of_100(book)
    conn = raw(book_path)
    for statement in (
        "UPDATE journal_lines SET amount_minor = amount_minor + 1",
        "DELETE FROM journal_lines",
        "UPDATE journal_entries SET memo = 'edited'",
        "DELETE FROM journal_entries",
        "UPDATE audit_log SET action = 'nothing happened'",
        "DELETE FROM audit_log",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
    conn.close()


def test_over_allocation_is_refused_even_bypassing_the_services(
    book: SqliteBook, book_path: Path
) -> None:
    contact, document_id = _invoice_of_100(book)
    with book.write() as tx:
        pay(tx, contact, "60.00", (document_id, "60.00"))
    conn = raw(book_path)
    conn.execute(
        "INSERT INTO payments (kind, contact_id, date, amount_minor, currency,"
        " bank_account_code, client_token) VALUES ('CUSTOMER_RECEIPT', ?, '2024-03-02', 5000,"
        " 'EUR', '1000', 'raw')", (contact,),
    )
    payment_id = conn.execute("SELECT id FROM payments WHERE client_token = 'raw'").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="exceeds the outstanding"):
        conn.execute(
            "INSERT INTO allocations (document_id, amount_minor, payment_id) VALUES (?, 4001, ?)",
            (document_id, payment_id),
        )
    # exactly the outstanding 40.00 is fine
    conn.execute(
        "INSERT INTO allocations (document_id, amount_minor, payment_id) VALUES (?, 4000, ?)",
        (document_id, payment_id),
    )
    conn.close()


def test_over_allocation_through_a_transaction_is_not_allowed(book: SqliteBook) -> None:
    contact, document_id = _invoice_of_100(book)
    with pytest.raises(NotAllowed, match="exceeds the outstanding"), book.write() as tx:
        pay(tx, contact, "100.01", (document_id, "100.01"))
    with book.read() as tx:
        assert tx.open_documents([document_id])[document_id].outstanding.amount == 100


def test_allocation_checks_in_the_database(book: SqliteBook, book_path: Path) -> None:
    contact, document_id = _invoice_of_100(book)
    with book.write() as tx:
        payment_id = pay(tx, contact, "10.00", (document_id, "10.00"))
    conn = raw(book_path)
    insert = "INSERT INTO allocations (document_id, amount_minor, payment_id) VALUES (?, ?, ?)"
    with pytest.raises(sqlite3.IntegrityError, match=r"ck_allocations_amount_minor|CHECK"):
        conn.execute(insert, (document_id, 0, payment_id))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(
            "INSERT INTO allocations (document_id, amount_minor) VALUES (?, 100)", (document_id,)
        )
    with pytest.raises(sqlite3.IntegrityError, match="only be voided"):
        conn.execute("UPDATE allocations SET amount_minor = 1")
    with pytest.raises(sqlite3.IntegrityError, match="void them"):
        conn.execute("DELETE FROM allocations")
    with pytest.raises(sqlite3.IntegrityError, match="only be voided"):
        conn.execute("UPDATE payments SET amount_minor = 1")
    conn.close()


def test_allocation_to_a_draft_is_refused(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        draft = tx.add_document(invoice(contact, "50.00"))
    with pytest.raises(NotAllowed, match="only an authorised document"), book.write() as tx:
        pay(tx, contact, "10.00", (draft, "10.00"))


def test_a_posted_document_is_frozen(book: SqliteBook, book_path: Path) -> None:
    _, document_id = _invoice_of_100(book)
    conn = raw(book_path)
    for statement in (
        "UPDATE documents SET total_minor = 1 WHERE id = ?",
        "UPDATE documents SET issue_date = '2001-01-01' WHERE id = ?",
        "UPDATE documents SET number = 'INV-99999' WHERE id = ?",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="posted document cannot be changed"):
            conn.execute(statement, (document_id,))
    with pytest.raises(sqlite3.IntegrityError, match="lines of a posted document"):
        conn.execute("UPDATE document_lines SET unit_price = '1' WHERE document_id = ?",
                     (document_id,))
    with pytest.raises(sqlite3.IntegrityError, match="lines of a posted document"):
        conn.execute("DELETE FROM document_lines WHERE document_id = ?", (document_id,))
    with pytest.raises(sqlite3.IntegrityError, match="lines of a posted document"):
        conn.execute(
            "INSERT INTO document_lines (document_id, position, quantity, unit_price,"
            " account_code, tax_rate, discount_percent) VALUES (?, 9, '1', '1', '4000', '0', '0')",
            (document_id,),
        )
    with pytest.raises(sqlite3.IntegrityError, match="draft to authorised to voided"):
        conn.execute("UPDATE documents SET lifecycle = 'DRAFT' WHERE id = ?", (document_id,))
    with pytest.raises(sqlite3.IntegrityError, match="only a draft document can be deleted"):
        conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
    conn.close()


def test_a_document_with_allocations_cannot_be_voided(book: SqliteBook) -> None:
    contact, document_id = _invoice_of_100(book)
    with book.write() as tx:
        payment_id = pay(tx, contact, "30.00", (document_id, "30.00"))
    with pytest.raises(NotAllowed, match="active allocations"), book.write() as tx:
        tx.mark_voided(document_id)
    with book.write() as tx:
        tx.mark_payment_voided(payment_id)
        tx.mark_voided(document_id)
        assert tx.active_allocations_on(document_id) == 0
