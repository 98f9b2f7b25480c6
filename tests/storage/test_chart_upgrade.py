"""Migration 0004_accounts on a book kept before it: every account active, every balance the
same, and the book takes archives and re-codes afterwards."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from ledgerdesk.domain.chart import AccountChange
from ledgerdesk.services.chart import edit_account, list_accounts
from ledgerdesk.storage import migrate, open_book
from ledgerdesk.storage.engine import APPLICATION_ID, make_engine


def book_at_0003(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    engine = make_engine(path)
    migrate.upgrade(engine, "0003")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            INSERT INTO settings VALUES ('company_name', 'Old Co'), ('base_currency', 'EUR');
            INSERT INTO accounts (code, name, type, role) VALUES
                ('1000', 'Bank', 'ASSET', 'BANK'), ('1010', 'Till', 'ASSET', 'BANK'),
                ('3000', 'Capital', 'EQUITY', NULL), ('6000', 'Rent', 'EXPENSE', NULL);
            INSERT INTO journal_entries (id, date, memo, source_type) VALUES
                (1, '2024-01-05', 'capital', 'MANUAL'), (2, '2024-01-06', 'rent', 'MANUAL');
            INSERT INTO journal_lines (entry_id, account_code, amount_minor, currency) VALUES
                (1, '1000', 50000, 'EUR'), (1, '3000', -50000, 'EUR'),
                (2, '6000', 12000, 'EUR'), (2, '1000', -12000, 'EUR');
        """)
    conn.close()
    return path


def test_an_old_book_upgrades_with_every_account_active_and_its_balances(tmp_path):
    path = book_at_0003(tmp_path / "old.book")
    day = dt.date(2024, 2, 1)
    with open_book(path) as book:
        listed = {a.code: a for a in list_accounts(book, day).rows}
        assert not any(a.archived for a in listed.values())
        assert [(c, str(listed[c].balance.amount)) for c in ("1000", "3000", "6000")] == [
            ("1000", "380.00"), ("3000", "500.00"), ("6000", "120.00")]
        edit_account(book, "1010", AccountChange(archived=True), day)
        edit_account(book, "1000", AccountChange(code="1001"), day)
        listed = {a.code: a for a in list_accounts(book, day).rows}
        assert listed["1010"].archived and str(listed["1001"].balance.amount) == "380.00"
        assert book.queries().integrity_problems() == []
