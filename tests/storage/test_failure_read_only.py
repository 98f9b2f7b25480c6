"""A read-only book, or a book in a read-only folder (where SQLite cannot create the -wal and
-shm files WAL needs): reading commands work, writing ones are refused naming the file, and
nothing calls it damaged.  Made the way that stops root too: a read-only bind mount of the
file, or of its folder."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from file_systems import read_only_file, read_only_view
from ledgerdesk.storage import errors, open_book

# Each command with BOOK where the book's path goes (and CSV a file to import).
READING = [["list", "invoices", "BOOK"], ["trial-balance", "BOOK"], ["summary", "BOOK"],
           ["check", "BOOK"], ["report", "receivable-aging", "BOOK"],
           ["export-journal", "BOOK", "--output", "JOURNAL"]]
WRITING = [["pay", "BOOK", "--contact", "Bluebell Nursery", "--amount", "10", "--date",
            "2025-12-01", "--allocate", "INV-00025=10"],
           ["add-account", "BOOK", "1999", "Petty cash", "--type", "asset"],
           ["import", "contacts", "BOOK", "CSV"]]


def arguments(command: list[str], path: Path, csv: Path) -> list[object]:
    files = {"BOOK": path, "CSV": csv, "JOURNAL": csv.with_name("journal.txt")}
    return [files.get(part, part) for part in command]


@pytest.fixture(params=["file", "folder"])
def read_only(request, as_root, demo_book, tmp_path) -> Iterator[Path]:
    """The demo book, read-only: the file itself, or its folder (each bound read-only)."""
    folder = tmp_path / "books"
    folder.mkdir()
    path = folder / "demo.book"
    shutil.copyfile(demo_book, path)
    with contextlib.ExitStack() as stack:
        if request.param == "file":
            yield stack.enter_context(read_only_file(path))
        else:
            yield stack.enter_context(read_only_view(folder, tmp_path / "view")) / path.name


@pytest.fixture
def contacts_csv(tmp_path) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text("name,role\nNew Customer,customer\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", READING, ids=lambda c: c[0])
def test_reading_commands_work(run, read_only, contacts_csv, command):
    status, _out, err = run(*arguments(command, read_only, contacts_csv))
    assert status == 0, err


@pytest.mark.parametrize("command", WRITING, ids=lambda c: c[0])
def test_writing_commands_are_refused_naming_the_file(run, read_only, contacts_csv, command,
                                                      demo_book):
    status, _out, err = run(*arguments(command, read_only, contacts_csv))
    assert status == 1
    assert err.startswith(f"ledgerdesk: error: {read_only} is read-only")
    assert "Ledgerdesk can show it but not change it" in err
    assert len(err.splitlines()) == 1 and "damaged" not in err
    assert read_only.read_bytes() == demo_book.read_bytes()


def test_the_book_says_it_is_read_only_when_opened(read_only):
    book = open_book(read_only)
    try:
        assert isinstance(book.read_only, errors.ReadOnly)
        assert str(book.read_only).startswith(f"{read_only} is read-only")
        with pytest.raises(errors.ReadOnly), book.write():
            pass
        with book.read() as tx:
            assert tx.get_setting("base_currency") == "EUR"
    finally:
        book.close()


def test_a_writable_book_is_not_read_only(book):
    assert book.read_only is None


def test_an_old_read_only_book_says_why_it_cannot_be_opened(as_root, book_at_0001, tmp_path):
    with read_only_file(book_at_0001), pytest.raises(errors.ReadOnly) as caught:
        open_book(book_at_0001)
    message = str(caught.value)
    assert message.startswith(f"{book_at_0001} is read-only")
    assert "upgraded" in message and "damaged" not in message
    assert not list(tmp_path.glob("*.backup*"))


def test_no_book_can_be_created_in_a_read_only_folder(run, as_root, tmp_path):
    folder = tmp_path / "shelf"
    folder.mkdir()
    with read_only_view(folder, tmp_path / "view") as view:
        status, _, err = run("demo", view / "new.book")
    assert status == 1 and len(err.splitlines()) == 1
    assert err == (f"ledgerdesk: error: {view / 'new.book'} cannot be created: its folder is "
                   "read-only. Choose a folder you can write to.\n")
    assert list(folder.iterdir()) == []
