"""A bulk load into a book with no documents: fast pragmas, then the schema exactly as before."""

from __future__ import annotations

from storage_helpers import raw
from test_bulk import _load

import ledgerdesk.storage.book as book_module
from ledgerdesk.storage import SqliteBook

_SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY 2"


def test_fresh_load_restores_indexes_triggers_and_wal(book: SqliteBook, book_path) -> None:
    conn = raw(book_path)
    before = conn.execute(_SCHEMA).fetchall()
    conn.close()
    _load(book, 20, new_book=True)
    conn = raw(book_path)
    assert conn.execute(_SCHEMA).fetchall() == before
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert book.queries().invariant_failures() == []


def test_only_a_promised_new_book_skips_syncing(book: SqliteBook, monkeypatch) -> None:
    # An import into a real book must stay durable even when the book has no documents yet.
    switched = []
    real = book_module.unsafe_journal

    def spy(raw_conn):
        switched.append(True)
        return real(raw_conn)

    monkeypatch.setattr(book_module, "unsafe_journal", spy)
    _load(book, 5)
    assert switched == []


def test_a_fresh_load_puts_the_connection_back_as_it_was(book: SqliteBook) -> None:
    # Foreign keys and full syncs are off only while the load runs; the pooled connection
    # that ran it must enforce and sync again for whatever comes next.
    _load(book, 5, new_book=True)
    for _ in range(3):  # whichever pooled connection comes back
        with book.write() as tx:
            assert tx._conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert tx._conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
            assert tx._conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
