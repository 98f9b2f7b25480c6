"""Lists and reports: outstanding, overdue, signed contact balances, trial balance, checks."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from storage_helpers import DAY, add_customer, authorise, invoice, pay, raw

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.storage import SqliteBook

EUR = "EUR"


def _eur(value: str) -> Money:
    return Money.of(value, EUR)


@pytest.fixture
def trading(book: SqliteBook) -> dict[str, int]:
    """Two customers and a supplier with invoices, a bill, payments and a credit note."""
    with book.write() as tx:
        acme = add_customer(tx, "Acme")
        zed = add_customer(tx, "Zed & Co")
        supplier = add_customer(tx, "Paper Supplies")
        ids = {
            "acme": acme, "zed": zed, "supplier": supplier,
            "old": authorise(tx, invoice(acme, "100.00", issue=dt.date(2024, 1, 1))),
            "new": authorise(tx, invoice(acme, "50.00", issue=dt.date(2024, 2, 1))),
            "zed_inv": authorise(tx, invoice(zed, "70.00", issue=dt.date(2024, 1, 15))),
            "credit": authorise(tx, invoice(acme, "30.00", kind=DocumentKind.SALES_CREDIT_NOTE)),
            "bill": authorise(tx, invoice(supplier, "40.00", kind=DocumentKind.BILL,
                                          issue=dt.date(2023, 12, 1))),
            "draft": tx.add_document(invoice(acme, "999.00", issue=dt.date(2024, 1, 10))),
        }
        pay(tx, acme, "60.00", (ids["old"], "60.00"))
        pay(tx, zed, "70.00", (ids["zed_inv"], "70.00"))
        pay(tx, supplier, "15.00", (ids["bill"], "15.00"), kind=PaymentKind.SUPPLIER_PAYMENT)
    return ids


def test_list_documents_in_date_order_with_outstanding(book, trading) -> None:
    sales = list(book.queries().list_documents(
        [DocumentKind.SALES_INVOICE, DocumentKind.SALES_CREDIT_NOTE]
    ))
    assert [d.id for d in sales] == [
        trading["old"], trading["draft"], trading["zed_inv"], trading["new"], trading["credit"]
    ]
    by_id = {d.id: d for d in sales}
    assert by_id[trading["old"]].outstanding == _eur("40.00")
    assert by_id[trading["old"]].total == _eur("100.00")
    assert by_id[trading["old"]].contact_name == "Acme"
    draft = by_id[trading["draft"]]
    assert draft.number == "" and draft.lifecycle is Lifecycle.DRAFT
    assert by_id[trading["zed_inv"]].status(DAY) == "paid"


def test_list_documents_filters_and_limits(book, trading) -> None:
    queries = book.queries()
    open_sales = list(queries.list_documents([DocumentKind.SALES_INVOICE], open_only=True))
    assert [d.id for d in open_sales] == [trading["old"], trading["new"]]
    mine = list(queries.list_documents(list(DocumentKind), contact_id=trading["zed"]))
    assert [d.id for d in mine] == [trading["zed_inv"]]
    assert len(list(queries.list_documents(list(DocumentKind), limit=2))) == 2
    assert list(queries.list_documents([])) == []


def test_list_documents_streams(book, trading) -> None:
    rows = book.queries().list_documents(list(DocumentKind))
    first = next(rows)
    assert first.id == trading["bill"]
    rows.close()  # abandoning the generator gives its connection back
    with book.write() as tx:
        add_customer(tx, "Still writable")


def test_most_overdue_in_due_date_order(book, trading) -> None:
    today = dt.date(2024, 3, 10)  # old due 31 Jan, bill due 31 Dec, new due 2 Mar
    overdue = book.queries().most_overdue(today, limit=10)
    assert [d.id for d in overdue] == [trading["bill"], trading["old"], trading["new"]]
    assert [d.id for d in book.queries().most_overdue(today, limit=1)] == [trading["bill"]]
    assert book.queries().most_overdue(dt.date(2023, 1, 1), limit=10) == []


def test_contacts_carry_signed_balances(book, trading) -> None:
    contacts = {c.name: c for c in book.queries().list_contacts()}
    # Acme: 40 + 50 outstanding on invoices, less a 30 credit note.
    assert contacts["Acme"].receivable == _eur("60.00")
    assert contacts["Acme"].payable == _eur("0.00")
    assert contacts["Zed & Co"].receivable == _eur("0.00")
    assert contacts["Paper Supplies"].payable == _eur("25.00")
    assert list(contacts) == ["Acme", "Paper Supplies", "Zed & Co"]


def test_list_payments(book, trading) -> None:
    payments = list(book.queries().list_payments())
    assert [(p.contact_name, p.amount, p.allocated) for p in payments] == [
        ("Acme", _eur("60.00"), _eur("60.00")),
        ("Zed & Co", _eur("70.00"), _eur("70.00")),
        ("Paper Supplies", _eur("15.00"), _eur("15.00")),
    ]
    assert payments[0].documents == "INV-00001"


def test_trial_balance_now_and_as_of(book, trading) -> None:
    rows = {r.code: r.balance for r in book.queries().trial_balance()}
    assert rows["1100"] == _eur("60.00")  # receivable = signed sales outstanding
    assert rows["2000"] == _eur("-25.00")  # payable, a credit balance
    assert sum((r for r in rows.values()), _eur("0")) == _eur("0")
    before = {r.code: r.balance for r in book.queries().trial_balance(dt.date(2023, 12, 31))}
    assert before == {"2000": _eur("-40.00"), "6100": _eur("40.00")}
    assert list(rows) == sorted(rows)


def test_journal_streams_entries_by_date(book, trading) -> None:
    entries = list(book.queries().journal())
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert all(e.is_balanced() for e in entries)
    assert entries[0].source_id == trading["bill"]
    assert len(list(itertools.islice(book.queries().journal(), 2))) == 2


def test_healthy_book_passes_every_check(book, trading) -> None:
    assert book.queries().integrity_problems() == []
    assert book.queries().invariant_failures() == []


def test_checks_name_what_is_off(book, book_path, trading) -> None:
    conn = raw(book_path)
    conn.execute("DROP TRIGGER trg_allocations_within_outstanding")  # as a buggy tool might
    conn.execute(
        "INSERT INTO journal_entries (date, memo, source_type)"
        " VALUES ('2024-03-05', 'bad', 'MANUAL')"
    )
    conn.execute(
        "INSERT INTO journal_lines (entry_id, account_code, amount_minor, currency)"
        " VALUES (last_insert_rowid(), '1100', 1234, 'EUR')"
    )
    payment = conn.execute(
        "SELECT payment_id FROM allocations WHERE document_id = ?", (trading["old"],)
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO allocations (document_id, amount_minor, payment_id) VALUES (?, 5000, ?)",
        (trading["old"], payment),
    )
    conn.close()
    failures = {f.check: f.detail for f in book.queries().invariant_failures()}
    assert "12.34 EUR" in failures["entries_balance"]
    assert "12.34 EUR" in failures["trial_balance"]
    assert "INV-00001 has -10.00 EUR" in failures["outstanding_not_negative"]
    assert "of 60.00 EUR has 110.00 EUR allocated" in failures["payments_accounted"]
    assert "receivable_control" in failures
    assert "difference" in failures["receivable_control"]


def test_integrity_problems_report_broken_foreign_keys(book, book_path, trading) -> None:
    conn = raw(book_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE contacts SET id = 777 WHERE id = ?", (trading["zed"],))
    conn.close()
    problems = book.queries().integrity_problems()
    assert problems and all("foreign key" in p for p in problems)
