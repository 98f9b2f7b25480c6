"""Edge amounts go through documents, payments and the journal and come back unchanged."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from storage_helpers import DAY, add_customer, authorise, invoice, pay, raw

from ledgerdesk.domain.documents import Document, DocumentKind, LineItem, TaxMode
from ledgerdesk.domain.ledger import JournalEntry, JournalLine, SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.storage import SqliteBook


@pytest.mark.parametrize(
    ("currency", "price", "stored_minor"),
    [
        ("EUR", "0.005", 1),  # half a cent rounds half away from zero
        ("EUR", "0.004", 0),
        ("EUR", "1000000000000", 100_000_000_000_000),  # 10^12
        ("JPY", "1234.5", 1235),  # no minor unit at all
        ("BHD", "0.0005", 1),  # three decimals
    ],
)
def test_document_total_is_stored_in_minor_units(
    book: SqliteBook, book_path, currency: str, price: str, stored_minor: int
) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        doc = Document(
            DocumentKind.SALES_INVOICE, contact, DAY, DAY, currency,
            (LineItem("odd", Decimal(1), Decimal(price), "4000", Decimal(0)),),
            tax_mode=TaxMode.NO_TAX,
        )
        document_id = tx.add_document(doc)
        saved = tx.get_document(document_id)
    conn = raw(book_path)
    row = conn.execute(
        "SELECT total_minor, typeof(total_minor), currency FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()
    conn.close()
    assert row == (stored_minor, "integer", currency)
    assert saved is not None
    assert saved.lines == doc.lines  # quantity and price come back as the exact Decimals
    assert str(saved.lines[0].unit_price) == price
    assert saved.totals() == doc.totals()


def test_document_fields_round_trip(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        doc = Document(
            DocumentKind.BILL, contact, dt.date(2024, 2, 29), dt.date(2024, 3, 31), "EUR",
            (LineItem("Paper, 80 g", Decimal("2.500"), Decimal("19.99"), "6100", Decimal("20"),
                      Decimal("12.5")),
             LineItem("Toner", Decimal(1), Decimal("0"), "6100")),
            tax_mode=TaxMode.INCLUSIVE, reference="PO 17/3", extra={"xero_id": "abc"},
        )
        document_id = tx.add_document(doc)
        saved = tx.get_document(document_id)
    assert saved is not None
    assert saved.id == document_id
    assert saved == replace(doc, id=document_id)
    assert saved.extra == {"xero_id": "abc"}


@pytest.mark.parametrize(
    ("amount", "currency"),
    [("0.01", "EUR"), ("0.005", "EUR"), ("999999999999.99", "EUR"), ("1000000000000", "USD"),
     ("5", "JPY"), ("123456789012", "JPY"), ("0.001", "KWD")],
)
def test_payment_amounts_round_trip(book: SqliteBook, amount: str, currency: str) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        document_id = authorise(tx, invoice(contact, amount, currency=currency))
        payment_id = pay(tx, contact, amount, (document_id, amount), currency=currency)
        payment = tx.get_payment(payment_id)
        outstanding = tx.open_documents([document_id])[document_id].outstanding
    assert payment is not None
    assert payment.amount == Money.of(amount, currency)
    assert payment.allocations[0].amount == Money.of(amount, currency)
    assert outstanding == Money.zero(currency)


def test_journal_lines_keep_sign_and_size(book: SqliteBook) -> None:
    big = Money.of("999999999999.99", "EUR")
    entry = JournalEntry(
        dt.date(2024, 12, 31), "Year end", SourceType.MANUAL, None,
        (JournalLine("1000", big, "in"), JournalLine("3000", -big, "equity"),
         JournalLine("6000", Money.of("0.01", "EUR")),
         JournalLine("1000", Money.of("-0.01", "EUR"))),
    )
    with book.write() as tx:
        entry_id = tx.post(entry)
    journal = list(book.queries().journal())
    assert journal == [replace(entry, id=entry_id)]


def test_jpy_entries_post_in_yen(book: SqliteBook) -> None:
    with book.write() as tx:
        contact = add_customer(tx)
        document_id = authorise(tx, invoice(contact, "15000", currency="JPY"))
        entries = tx.entries_for(SourceType.DOCUMENT, document_id)
    assert [line.amount for line in entries[0].lines] == [
        Money.of("15000", "JPY"), Money.of("-15000", "JPY")
    ]
    rows = book.queries().trial_balance()
    assert {(r.code, r.balance) for r in rows} == {
        ("1100", Money.of(15000, "JPY")), ("4000", Money.of(-15000, "JPY"))
    }


def test_unbalanced_entry_is_refused(book: SqliteBook) -> None:
    entry = JournalEntry(DAY, "Oops", SourceType.MANUAL, None, (
        JournalLine("1000", Money.of("10.00", "EUR")),
        JournalLine("4000", Money.of("-9.99", "EUR")),
    ))
    with pytest.raises(ValueError, match="does not balance"), book.write() as tx:
        tx.post(entry)
