"""A bulk load into a book with no documents: fast pragmas, then the schema exactly as before."""

from __future__ import annotations

from storage_helpers import raw
from test_bulk import _load

from ledgerdesk.storage import SqliteBook

_SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY 2"


def test_fresh_load_restores_indexes_triggers_and_wal(book: SqliteBook, book_path) -> None:
    conn = raw(book_path)
    before = conn.execute(_SCHEMA).fetchall()
    conn.close()
    _load(book, 20)
    conn = raw(book_path)
    assert conn.execute(_SCHEMA).fetchall() == before
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert book.queries().invariant_failures() == []
