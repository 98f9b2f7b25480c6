"""``check`` finds a line that disagrees with its tax code, and a tax settlement that was not
posted as recorded (both written past the services, as a damaged or hand-edited book)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import Side
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.tax_codes import list_tax_codes


def _failures(book) -> dict[str, str]:
    return {f.check: f.detail for f in check_book(book).invariants}


def test_a_line_on_a_code_of_the_other_side_or_another_rate_is_named(book, add_contact, draft):
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    draft(acme, "100", tax_rate="20")
    assert _failures(book) == {}
    purchases = next(c for c in list_tax_codes(book, Side.PURCHASES) if c.rate == 20)
    with sqlite3.connect(book.path) as conn:
        conn.execute("UPDATE document_lines SET tax_code_id = ?", (purchases.id,))
    conn.close()
    assert _failures(book) == {"lines_on_their_tax_codes": (
        "lines that disagree with their tax code: line 1 of draft 1 is on purchases code "
        "Standard 20% (20%) but is a sales line at 20%")}
    with sqlite3.connect(book.path) as conn:
        conn.execute("UPDATE document_lines SET tax_code_id = (SELECT id FROM tax_codes"
                     " WHERE side = 'SALES' AND rate = '5'), tax_rate = '20'")
    conn.close()
    assert _failures(book) == {"lines_on_their_tax_codes": (
        "lines that disagree with their tax code: line 1 of draft 1 is on sales code "
        "Reduced 5% (5%) but is a sales line at 20%")}


def test_a_settlement_without_its_entry_is_named(book):
    with sqlite3.connect(book.path) as conn:
        conn.execute("INSERT INTO tax_settlements (period_start, period_end, date, amount_minor,"
                     " currency, bank_account_code) VALUES (?, ?, ?, 1234, 'EUR', '1000')",
                     ("2024-01-01", "2024-03-31", dt.date(2024, 4, 2).isoformat()))
    conn.close()
    assert _failures(book) == {"tax_settlements_posted": (
        "tax settlements not posted as recorded: settlement 1 of 12.34 EUR has 0 entries "
        "moving 0.00 EUR through its bank")}
