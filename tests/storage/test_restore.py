"""Restoring a book from a backup: the book as it is is backed up first and kept; the backup
replaces it whole, or nothing changes.  Refused, in one sentence and with the book as it was,
while another program has the book open, and for a backup that is not a sound Ledgerdesk
book."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fault_injection import flip_page_byte
from file_systems import fill_up
from ledgerdesk.domain.backups import BackupKind
from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.storage import backups, errors, open_book
from ledgerdesk.storage.book import SqliteBook
from ledgerdesk.storage.restore import restore_book

NOON = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)


def contacts(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro",
                                            uri=True)) as conn:
        return sorted(name for (name,) in conn.execute("SELECT name FROM contacts"))


def add(path: Path, name: str) -> None:
    with contextlib.closing(open_book(path)) as book, book.write() as tx:
        tx.add_contact(Contact(name, ContactRole.CUSTOMER))


@pytest.fixture
def saved(book: SqliteBook, book_path: Path, tmp_path: Path) -> Path:
    """A closed book holding "Kept"; its backup (taken then) is returned; after the backup
    the book gained "Mistake"."""
    with book.write() as tx:
        tx.add_contact(Contact("Kept", ContactRole.CUSTOMER))
    book.close()
    made = backups.take_backup(book_path, tmp_path / "b", BackupKind.MANUAL, now=NOON)
    add(book_path, "Mistake")
    return made.path


def folder_of(tmp_path: Path) -> Path:
    return tmp_path / "b"


def test_a_restore_brings_the_backup_back_and_keeps_the_book_as_it_was(
        saved: Path, book_path: Path, tmp_path: Path) -> None:
    done = restore_book(book_path, saved, folder_of(tmp_path), now=NOON + dt.timedelta(hours=1))
    assert contacts(book_path) == ["Kept"]
    assert done.before is not None and done.before.kind is BackupKind.BEFORE_RESTORE
    assert done.before.verified and contacts(done.before.path) == ["Kept", "Mistake"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("acme")) == [
        "acme.book"]  # nothing left beside the book: no copy, no old log
    assert saved.exists()  # the backup itself stays


def test_the_commits_still_in_the_books_log_are_in_its_backup_and_not_in_the_restored_book(
        saved: Path, book_path: Path, tmp_path: Path) -> None:
    # A program that committed and died leaves its WAL behind, not yet in the main file.
    code = ("import sys; from pathlib import Path; from ledgerdesk.storage import open_book\n"
            "from ledgerdesk.domain.contacts import Contact, ContactRole\n"
            "import os; b = open_book(Path(sys.argv[1]))\n"
            "with b.write() as tx: tx.add_contact(Contact('In the log', ContactRole.CUSTOMER))\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(book_path)], check=True)
    assert Path(f"{book_path}-wal").stat().st_size > 0
    done = restore_book(book_path, saved, folder_of(tmp_path), now=NOON)
    assert contacts(done.before.path) == ["In the log", "Kept", "Mistake"]
    assert contacts(book_path) == ["Kept"]


def test_refused_while_this_process_has_the_book_open(saved: Path, book_path: Path,
                                                    tmp_path: Path) -> None:
    with contextlib.closing(open_book(book_path)) as other:
        with other.read() as tx:  # then idle, as a window is between reads
            tx.get_setting("base_currency")
        with pytest.raises(errors.InUse) as raised:
            restore_book(book_path, saved, folder_of(tmp_path), now=NOON)
    assert str(raised.value) == (
        f"{book_path} is open in another program (a Ledgerdesk window, or a command still "
        "running), so nothing was restored. Close it there and try again.")
    assert contacts(book_path) == ["Kept", "Mistake"]
    assert [b.kind for b in backups.list_backups(book_path, folder_of(tmp_path))] == [
        BackupKind.MANUAL]


def test_refused_while_another_program_has_the_book_open(saved: Path, book_path: Path,
                                                       tmp_path: Path) -> None:
    code = ("import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]);"
            "c.execute('SELECT count(*) FROM contacts').fetchall(); print('open', flush=True);"
            "sys.stdin.readline()")
    other = subprocess.Popen([sys.executable, "-c", code, str(book_path)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline() == "open\n"
        with pytest.raises(errors.InUse):
            restore_book(book_path, saved, folder_of(tmp_path), now=NOON)
    finally:
        other.communicate("\n", timeout=30)
    assert contacts(book_path) == ["Kept", "Mistake"]
    restore_book(book_path, saved, folder_of(tmp_path), now=NOON)  # once it has let go
    assert contacts(book_path) == ["Kept"]


@pytest.mark.parametrize("what", ["missing", "folder", "foreign", "damaged", "fails check",
                                  "the book itself", "newer"])
def test_a_backup_that_cannot_be_trusted_is_refused_and_nothing_changes(
        saved: Path, book_path: Path, tmp_path: Path, what: str) -> None:
    bad = tmp_path / "bad.book"
    if what == "folder":
        bad.mkdir()
    elif what == "foreign":
        with contextlib.closing(sqlite3.connect(bad)) as conn:
            conn.execute("CREATE TABLE t (x)")
    elif what == "damaged":
        bad.write_bytes(saved.read_bytes())
        flip_page_byte(bad, "contacts")
    elif what == "fails check":
        bad.write_bytes(saved.read_bytes())
        with contextlib.closing(sqlite3.connect(bad)) as conn, conn:
            conn.execute("INSERT INTO journal_entries (date, memo, source_type) "
                         "VALUES ('2024-01-01', 'x', 'MANUAL')")
            conn.execute("INSERT INTO journal_lines (entry_id, account_code, amount_minor, "
                         "currency, memo) VALUES (last_insert_rowid(), '1000', 1, 'EUR', '')")
    elif what == "the book itself":
        bad = book_path
    elif what == "newer":
        bad.write_bytes(saved.read_bytes())
        with contextlib.closing(sqlite3.connect(bad)) as conn, conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = book_path.read_bytes()
    with pytest.raises(errors.CannotRestore) as raised:
        restore_book(book_path, bad, folder_of(tmp_path), now=NOON)
    said = str(raised.value)
    assert said.startswith(f"{bad} cannot be restored: ")
    assert said.endswith(f"; {book_path} is unchanged.") and "\n" not in said
    assert book_path.read_bytes() == before
    assert len(backups.list_backups(book_path, folder_of(tmp_path))) == 1


def test_a_damaged_book_is_restored_and_its_broken_copy_kept_unverified(
        saved: Path, book_path: Path, tmp_path: Path) -> None:
    flip_page_byte(book_path, "contacts")
    done = restore_book(book_path, saved, folder_of(tmp_path), now=NOON)
    assert contacts(book_path) == ["Kept"]
    assert done.before is not None and not done.before.verified
    assert done.before.path.name.endswith("-before-restore-unverified")


def test_a_book_that_is_gone_is_restored_from_its_backup(saved: Path, book_path: Path,
                                                        tmp_path: Path) -> None:
    book_path.unlink()
    done = restore_book(book_path, saved, folder_of(tmp_path), now=NOON)
    assert done.before is None and contacts(book_path) == ["Kept"]


def test_a_foreign_file_at_the_books_path_is_never_replaced(saved: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a book")
    with pytest.raises(errors.NotABook):
        restore_book(notes, saved, folder_of(tmp_path), now=NOON)
    assert notes.read_text() == "not a book"


@pytest.mark.parametrize("room", [0, 1 / 2, 3 / 2], ids=["none", "half a copy", "one copy"])
def test_a_full_disk_leaves_the_book_as_it_was(saved: Path, tiny_disk, book_path: Path,
                                               room: float) -> None:
    """No room for the copy of the book, or for the backup to replace it: one sentence, and
    the book and its folder as they were."""
    disk = tiny_disk("4m")
    book = disk / "acme.book"
    book.write_bytes(book_path.read_bytes())
    backup = disk / saved.name
    backup.write_bytes(saved.read_bytes())
    fill_up(disk, int(room * book.stat().st_size))
    before = book.read_bytes()
    with pytest.raises(errors.DiskFull) as raised:
        restore_book(book, backup, disk / "acme.book.backups", now=NOON)
    assert "so nothing was restored" in str(raised.value)
    assert book.read_bytes() == before
    left = {p.name for p in disk.iterdir()} - {"acme.book-wal", "acme.book-shm"}  # SQLite's
    assert left == {"acme.book", saved.name, "filler"}


@pytest.mark.parametrize("kind", ["full", "ioerr", "readonly"])
def test_a_failure_at_any_step_leaves_the_book_as_it_was(faults, saved: Path, book_path: Path,
                                                        tmp_path: Path, kind: str) -> None:
    faults.count()
    scratch = tmp_path / "scratch.book"
    scratch.write_bytes(book_path.read_bytes())
    restore_book(scratch, saved, tmp_path / "scratch", now=NOON)
    total = faults.steps
    assert total >= 3  # the lock, the copy of the book, the copy of the backup
    for step in range(1, total + 1):
        faults.fail_at(step, kind)
        with pytest.raises(errors.BookError) as raised:
            restore_book(book_path, saved, folder_of(tmp_path), now=NOON)
        where = f"step {step} of {total} ({faults.failed!r})"
        faults.count()
        assert "so nothing was restored" in str(raised.value), where
        assert contacts(book_path) == ["Kept", "Mistake"], where
        assert [b.kind for b in backups.list_backups(book_path, folder_of(tmp_path))] == [
            BackupKind.MANUAL], where
        assert not list(tmp_path.glob("*.incomplete*")), where


def test_a_link_to_the_book_stays_a_link(saved: Path, book_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "shortcut.book"
    link.symlink_to(book_path)
    restore_book(link, saved, folder_of(tmp_path), now=NOON)
    assert link.is_symlink() and contacts(book_path) == ["Kept"]
