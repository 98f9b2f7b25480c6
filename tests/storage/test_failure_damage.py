"""A damaged book: ``ledgerdesk check`` reports the damage in one line and exits non-zero;
every other command says the book is damaged and that ``ledgerdesk check`` explains."""

from __future__ import annotations

from pathlib import Path

import pytest

from fault_injection import flip_page_byte

# Each command with BOOK where the book's path goes.
READING = [["list", "invoices", "BOOK"], ["trial-balance", "BOOK"], ["summary", "BOOK"],
           ["report", "receivable-aging", "BOOK"]]
WRITING = [["pay", "BOOK", "--contact", "Bluebell Nursery", "--amount", "10", "--date",
            "2025-12-01", "--allocate", "INV-00025=10"],
           ["add-account", "BOOK", "1999", "Petty cash", "--type", "asset"]]


@pytest.fixture
def damaged(demo_book, tmp_path) -> Path:
    """A copy of the demo with a flipped byte in each table the commands read first."""
    path = tmp_path / "rotten.book"
    path.write_bytes(demo_book.read_bytes())
    for table in ("settings", "accounts", "contacts", "documents", "journal_lines"):
        flip_page_byte(path, table)
    return path


@pytest.fixture
def torn(demo_book, tmp_path) -> Path:
    """A copy of the demo cut short, as a copy interrupted half-way leaves it."""
    path = tmp_path / "torn.book"
    path.write_bytes(demo_book.read_bytes()[: demo_book.stat().st_size // 2])
    return path


@pytest.mark.parametrize("which", ["damaged", "torn"])
def test_check_reports_damage_in_one_line(run, request, which):
    path = request.getfixturevalue(which)
    status, out, err = run("check", path)
    assert status == 1
    lines = (out + err).splitlines()
    assert len(lines) == 1 and "Traceback" not in out + err
    assert lines[0].startswith(f"FAILED {path} is damaged: ")
    assert lines[0].endswith("Restore the book from a backup copy.")


@pytest.mark.parametrize("which", ["damaged", "torn"])
@pytest.mark.parametrize("command", READING + WRITING, ids=lambda c: c[0])
def test_every_other_command_says_damaged_and_points_to_check(run, request, which, command):
    path = request.getfixturevalue(which)
    before = path.read_bytes()
    status, out, err = run(*[path if part == "BOOK" else part for part in command])
    assert status == 1 and "damaged" not in out  # a list may have printed its header
    assert err.startswith(f"ledgerdesk: error: {path} is damaged (SQLite: ")
    assert err.endswith(f"`ledgerdesk check {path}` explains.\n")
    assert len(err.splitlines()) == 1
    assert path.read_bytes() == before


def test_a_sound_book_passes_check(run, demo_book):
    status, out, _ = run("check", demo_book)
    assert status == 0 and out.startswith("OK: ")
