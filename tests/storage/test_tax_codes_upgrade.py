"""A book from before tax codes (revision 0003) opens with codes made from the rates it used.

Every line of every document gets the code of its side and rate ("Tax 20%"; a document
without tax gets "No tax 0%"); each side has a zero code even when none was used; the
posted documents keep their lines' rates, totals and postings, and are rounded per line as
they always were; ``check`` passes, and the tax return reads the old book.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.ledger import DEFAULT_CHART
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.reports.periods import Period
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.tax_codes import list_tax_codes
from ledgerdesk.services.tax_return import tax_return
from ledgerdesk.storage import migrate, open_book
from ledgerdesk.storage.engine import APPLICATION_ID, make_engine

D = Decimal
DAY = "2024-03-10"


def _document(conn, doc_id, kind, contact, lifecycle, mode, total, number, lines, postings):
    for position, (price, account, rate) in enumerate(lines, start=1):  # lines first
        conn.execute(
            "INSERT INTO document_lines (document_id, position, description, quantity,"
            " unit_price, account_code, tax_rate, discount_percent)"
            " VALUES (?, ?, 'item', '1', ?, ?, ?, '0')", (doc_id, position, price, account, rate))
    conn.execute(
        "INSERT INTO documents (id, kind, contact_id, number, issue_date, due_date, currency,"
        " exchange_rate, tax_mode, lifecycle, total_minor) VALUES (?, ?, ?, ?, ?, ?, 'EUR',"
        " '1', ?, ?, ?)", (doc_id, kind, contact, number, DAY, DAY, mode, lifecycle, total))
    if postings:
        entry = conn.execute(
            "INSERT INTO journal_entries (date, memo, source_type, source_id)"
            " VALUES (?, ?, 'DOCUMENT', ?)", (DAY, number, doc_id)).lastrowid
        for account, minor in postings:
            conn.execute("INSERT INTO journal_lines (entry_id, account_code, amount_minor,"
                         " currency) VALUES (?, ?, ?, 'EUR')", (entry, account, minor))


@pytest.fixture
def book_at_0003(tmp_path: Path) -> Path:
    """An invoice at 20 %, 5.5 % and "20.00" %, an invoice without tax (its line at 20 %),
    a bill at 20 % and a draft at 7 %, written as revision 0003 stored them."""
    path = tmp_path / "old-tax.book"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    engine = make_engine(path)
    migrate.upgrade(engine, "0003")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO settings VALUES ('base_currency', 'EUR')")
        conn.executemany("INSERT INTO accounts VALUES (?, ?, ?, ?)", [
            (a.code, a.name, a.type.value, a.role.value if a.role else None)
            for a in DEFAULT_CHART])
        conn.execute("INSERT INTO contacts (id, name, role) VALUES (1, 'Old Customer', 'BOTH')")
        _document(conn, 1, "SALES_INVOICE", 1, "AUTHORISED", "EXCLUSIVE", 13175, "INV-00001",
                  [("100", "4000", "20"), ("10", "4100", "5.5"), ("1", "4000", "20.00")],
                  [("1100", 13175), ("4000", -10100), ("4100", -1000), ("2200", -2075)])
        _document(conn, 2, "SALES_INVOICE", 1, "AUTHORISED", "NO_TAX", 5000, "INV-00002",
                  [("50", "4000", "20")], [("1100", 5000), ("4000", -5000)])
        _document(conn, 3, "BILL", 1, "AUTHORISED", "EXCLUSIVE", 24000, "BILL-00001",
                  [("200", "6000", "20")], [("6000", 20000), ("2200", 4000), ("2000", -24000)])
        _document(conn, 4, "SALES_INVOICE", 1, "DRAFT", "EXCLUSIVE", 1070, None,
                  [("10", "4000", "7")], [])
    conn.close()
    return path


def test_an_old_book_gets_a_code_for_each_rate_it_used_on_each_side(book_at_0003: Path):
    book = open_book(book_at_0003)
    try:
        codes = {(c.side, c.name): c for c in list_tax_codes(book)}
        assert {(side, name, codes[side, name].rate) for side, name in codes} == {
            (Side.SALES, "Tax 20%", D(20)), (Side.SALES, "Tax 5.5%", D("5.5")),
            (Side.SALES, "Tax 7%", D(7)), (Side.SALES, "No tax 0%", D(0)),
            (Side.PURCHASES, "Tax 20%", D(20)), (Side.PURCHASES, "No tax 0%", D(0)),
        }
        assert {c.account_code for c in codes.values()} == {"2200"}
        with book.read() as tx:
            documents = {i: tx.get_document(i) for i in (1, 2, 3, 4)}
        names = {c.id: (c.side, c.name) for c in codes.values()}
        lines = {i: [(names[ln.tax_code_id], ln.tax_rate) for ln in doc.lines]
                 for i, doc in documents.items()}
        assert lines == {
            1: [((Side.SALES, "Tax 20%"), D(20)), ((Side.SALES, "Tax 5.5%"), D("5.5")),
                ((Side.SALES, "Tax 20%"), D("20.00"))],
            2: [((Side.SALES, "No tax 0%"), D(20))],  # the rate as it was posted
            3: [((Side.PURCHASES, "Tax 20%"), D(20))],
            4: [((Side.SALES, "Tax 7%"), D(7))],
        }
        assert {d.tax_rounding for d in documents.values()} == {TaxRounding.PER_LINE}
        assert [d.totals().total.minor_units for d in documents.values()] == [
            13175, 5000, 24000, 1070]
        report = check_book(book)
        assert report.ok, (report.integrity, report.invariants)
    finally:
        book.close()


def test_the_tax_return_reads_an_upgraded_book(book_at_0003: Path):
    book = open_book(book_at_0003)
    try:
        found = tax_return(book, Period(dt.date(2024, 3, 1), dt.date(2024, 3, 31)))
    finally:
        book.close()
    rows = [(r.side, r.code, r.rate, r.net.amount, r.tax.amount) for r in found.rows]
    assert rows == [
        (Side.SALES, "No tax 0%", D(0), D("50.00"), D("0.00")),
        (Side.SALES, "Tax 5.5%", D("5.5"), D("10.00"), D("0.55")),
        (Side.SALES, "Tax 20%", D(20), D("101.00"), D("20.20")),
        (Side.PURCHASES, "Tax 20%", D(20), D("200.00"), D("40.00")),
    ]
    assert found.net_due.amount == D("-19.25")  # 20.75 out, 40.00 in: a refund is due
