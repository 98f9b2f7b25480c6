"""The sync tables: an older book gains them on opening, and their rules hold in SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.storage import open_book


def test_a_book_at_0001_opens_with_the_sync_tables_and_keeps_its_rows(book_at_0001: Path) -> None:
    book = open_book(book_at_0001)
    try:
        with book.read() as tx:
            assert tx.find_contact("Old Customer") is not None
            assert tx.connections() == [] and tx.outbox() == []
    finally:
        book.close()
    assert list((book_at_0001.parent / "old.book.backups").glob("old.book.backup-*"))


def test_an_outbox_client_token_is_unique(xero_book, customer, issue, pay) -> None:
    from ledgerdesk.services.sync import link_documents, outbox

    document_id, number = issue(customer, "100")
    xero_book.xero.add_invoice(number, "100")
    link_documents(xero_book.book, xero_book.gateway(), [number])
    pay(customer, "10", (document_id, "10"))
    [row] = outbox(xero_book.book)
    with pytest.raises(NotAllowed), xero_book.book.write() as tx:
        tx.add_outbox(row)
    with xero_book.book.write() as tx:
        tx.add_contact(Contact("Still writable", ContactRole.CUSTOMER))


def test_finding_a_documents_links_uses_the_index(xero_book) -> None:
    # Recording every payment asks this; a scan would grow with every linked document.
    with xero_book.book.read() as tx:
        plan = tx._conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT * FROM sync_links WHERE kind = 'DOCUMENT' "
            "AND local_key IN ('1', '2')").all()
    assert "ux_sync_links_local" in " ".join(str(row) for row in plan)
