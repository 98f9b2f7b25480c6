"""Opening and creating book files: every wrong file gets one clear BookError sentence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ledgerdesk.storage import BookError, create_book, open_book
from ledgerdesk.storage.engine import APPLICATION_ID


def _assert_clear(error: BookError, path: Path) -> None:
    message = str(error)
    assert str(path) in message
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith(".")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.book"
    with pytest.raises(BookError, match="There is no book at") as caught:
        open_book(path)
    _assert_clear(caught.value, path)
    assert not path.exists()  # opening never creates a file


def test_garbage_file_is_not_a_book(tmp_path: Path) -> None:
    path = tmp_path / "notes.book"
    path.write_bytes(b"Dear diary, today I did my accounts in a text file.\n" * 10)
    with pytest.raises(BookError, match="not a SQLite database") as caught:
        open_book(path)
    _assert_clear(caught.value, path)


def test_empty_file_is_not_a_book(tmp_path: Path) -> None:
    path = tmp_path / "empty.book"
    path.write_bytes(b"")
    with pytest.raises(BookError, match="not a Ledgerdesk book"):
        open_book(path)


def test_foreign_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "firefox.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(BookError, match="another program") as caught:
        open_book(path)
    _assert_clear(caught.value, path)
    assert path.read_bytes() == before


def test_damaged_book_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.book"
    create_book(path).close()
    data = bytearray(path.read_bytes())
    # Keep the 100-byte header (magic and application id) but wipe the schema page.
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(BookError, match="damaged") as caught:
        open_book(path)
    _assert_clear(caught.value, path)


def test_truncated_book_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.book"
    create_book(path).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(BookError, match="damaged"):
        open_book(path)


def test_book_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.book"
    create_book(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(BookError, match="newer version of Ledgerdesk"):
        open_book(path)


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "precious.book"
    path.write_bytes(b"do not overwrite me")
    with pytest.raises(BookError, match="already exists") as caught:
        create_book(path)
    _assert_clear(caught.value, path)
    assert path.read_bytes() == b"do not overwrite me"


def test_created_book_is_marked_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "new.book"
    create_book(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    book = open_book(path)
    try:
        with book.read() as tx:
            assert tx.accounts() == {}
    finally:
        book.close()


def test_every_connection_gets_the_pragmas(tmp_path: Path) -> None:
    book = create_book(tmp_path / "p.book")
    try:
        with book._engine.connect() as conn:
            pragma = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
            }
        assert pragma == {
            "foreign_keys": 1, "journal_mode": "wal", "synchronous": 2, "busy_timeout": 30000,
        }
    finally:
        book.close()
