"""A book another program is writing to: Ledgerdesk waits, then says who holds it, how long it
waited and what to do; nothing is saved, and no backup is left by an upgrade that waited."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from ledgerdesk.storage import engine, errors, open_book
from ledgerdesk.storage.migrate import SCHEMA_HEAD

WAIT = 0.2  # seconds: the default (30) would make the test wait that long


@contextmanager
def writer_holding(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write: it holds the book's write lock."""
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        try:
            yield other
        finally:
            other.execute("ROLLBACK")


def test_a_write_waits_then_names_the_other_program(book, book_path):
    quick = open_book(book_path, busy_timeout=WAIT)
    try:
        with writer_holding(book_path), pytest.raises(errors.Locked) as caught, quick.write():
            pass
    finally:
        quick.close()
    assert str(caught.value) == (
        f"Another program is writing to {book_path}; Ledgerdesk waited {WAIT} seconds for it "
        "to finish, so nothing was saved. Close the other program, or try again when it is "
        "done.")


def test_reading_is_not_held_up_by_a_writer(book, book_path):
    quick = open_book(book_path, busy_timeout=WAIT)
    try:
        with writer_holding(book_path), quick.read() as tx:
            assert tx.get_setting("base_currency") == "EUR"
    finally:
        quick.close()


def test_pay_on_a_locked_book_is_one_line_and_records_nothing(run, demo_book, tmp_path,
                                                              monkeypatch):
    path = tmp_path / "held.book"
    path.write_bytes(demo_book.read_bytes())
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_SECONDS", WAIT)
    with writer_holding(path):
        status, out, err = run("pay", path, "--contact", "Bluebell Nursery", "--amount", "10",
                               "--date", "2025-12-01", "--allocate", "INV-00025=10")
    assert status == 1 and out == ""
    assert err == (f"ledgerdesk: error: Another program is writing to {path}; Ledgerdesk waited "
                   f"{WAIT} seconds for it to finish, so nothing was saved. Close the other "
                   "program, or try again when it is done.\n")
    assert path.read_bytes() == demo_book.read_bytes()


def test_an_upgrade_that_cannot_get_the_lock_leaves_no_backup(book_at_0001):
    before = book_at_0001.read_bytes()
    with writer_holding(book_at_0001), pytest.raises(errors.Locked) as caught:
        open_book(book_at_0001, busy_timeout=WAIT)
    assert "could not be upgraded" in str(caught.value)
    assert "damaged" not in str(caught.value)
    assert [p.name for p in book_at_0001.parent.iterdir()] == [book_at_0001.name]
    assert book_at_0001.read_bytes() == before
    with closing(sqlite3.connect(book_at_0001)) as conn:  # and it still upgrades later
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    open_book(book_at_0001).close()
    with closing(sqlite3.connect(book_at_0001)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
