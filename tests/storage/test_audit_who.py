"""Migration 0006_audit: an older book gains the audit log's ``who`` (old rows '' ), every
new row names the user the book was opened for, and the log stays append-only."""

from __future__ import annotations

import sqlite3

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.services.audit import audit_log
from ledgerdesk.services.commands import NewContact
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.storage import open_book


def test_an_old_book_upgrades_and_new_rows_say_who(book_at_0001) -> None:
    with sqlite3.connect(book_at_0001) as conn:
        conn.execute("INSERT INTO audit_log (ts, action, entity, entity_id, detail) "
                     "VALUES ('2024-01-01T00:00:00.000+00:00', 'add', 'contact', 1, '{}')")
    conn.close()
    with open_book(book_at_0001, user="ann") as book:
        add_contact(book, NewContact(name="New Customer", role=ContactRole.CUSTOMER))
        rows = list(audit_log(book))
    assert rows[0].who == "" and rows[0].what == "add contact 1"
    assert rows[-1].who == "ann"
    with sqlite3.connect(book_at_0001) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE audit_log SET who = 'mallory'")
    conn.close()
