"""``ledgerdesk backup``, ``list backups`` and ``restore`` on a copy of the demo book.

Each says what it did in words (where, how big, verified); each refusal is one line, the
book unchanged; where backups go (beside the book, or a folder chosen once) is the same for
every command and for the window.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import sqlite3
from pathlib import Path

import pytest

BACKUP_LINE = re.compile(r"Backed up (?P<book>.+) to (?P<path>.+) \((?P<size>[0-9.]+ [kMG]?B)\), "
                         r"verified: it opens and passes check\.\n")


@pytest.fixture(autouse=True)
def own_config(monkeypatch, tmp_path: Path) -> Path:
    """Where backup folders chosen by these tests are remembered (never the machine's)."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def backed_up(run, *args: object) -> Path:
    status, out, err = run("backup", *args)
    assert (status, err) == (0, "")
    match = BACKUP_LINE.fullmatch(out)
    assert match, out
    return Path(match["path"])


def listed(run, path: Path) -> list[dict[str, str]]:
    status, out, err = run("list", "backups", path, "--csv", "-")
    assert (status, err) == (0, "")
    return list(csv.DictReader(io.StringIO(out)))


def test_a_backup_goes_beside_the_book_and_is_listed(run, book_copy: Path) -> None:
    made = backed_up(run, book_copy)
    assert made.parent == book_copy.with_name("copy.book.backups")
    assert made.name.startswith("copy.book.backup-") and made.name.endswith("-manual")
    assert run("check", made)[0] == 0
    rows = listed(run, book_copy)
    assert [(r["kind"], r["verified"], r["file"], r["bytes"]) for r in rows] == [
        ("manual", "yes", str(made), str(made.stat().st_size))]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rows[0]["when"])
    status, out, _ = run("list", "backups", book_copy)
    assert status == 0 and "manual" in out and out.endswith(
        f"\n1 backup in {made.parent}\n")


def test_a_backup_to_a_file_or_a_folder_of_ones_choosing(run, book_copy: Path,
                                                        tmp_path: Path) -> None:
    exact = backed_up(run, book_copy, "-o", tmp_path / "here.book")
    assert exact == tmp_path / "here.book" and run("check", exact)[0] == 0
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    into = backed_up(run, book_copy, "-o", shelf)
    assert into.parent == shelf
    status, out, err = run("backup", book_copy, "-o", exact)
    assert (status, out) == (1, "")
    assert err == (f"ledgerdesk: error: {exact} already exists; a backup never replaces a "
                   "file: name a new one, or a folder.\n")


def test_a_chosen_folder_is_remembered_for_that_book(run, book_copy: Path,
                                                    tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    status, out, _ = run("backup", book_copy, "--folder", chosen)
    assert status == 0 and out.startswith(f"Backups of {book_copy} now go to {chosen}.\n")
    again = backed_up(run, book_copy)
    assert again.parent == chosen
    assert {r["file"] for r in listed(run, book_copy)} == {
        str(p) for p in chosen.iterdir()}
    status, out, _ = run("backup", book_copy, "--folder", book_copy.with_name("copy.book.backups"))
    assert status == 0 and backed_up(run, book_copy).parent.name == "copy.book.backups"


def test_a_folder_that_is_not_there_is_refused(run, book_copy: Path, tmp_path: Path) -> None:
    status, out, err = run("backup", book_copy, "--folder", tmp_path / "unplugged")
    assert (status, out) == (1, "")
    assert err.startswith(f"ledgerdesk: error: The backup folder {tmp_path / 'unplugged'} "
                          "does not exist") and len(err.splitlines()) == 1


def test_the_daily_backup_is_taken_once_a_day(run, book_copy: Path) -> None:
    first = backed_up(run, book_copy, "--daily")
    assert first.name.endswith("-daily")
    status, out, _ = run("backup", book_copy, "--daily")
    assert status == 0 and out == (f"No backup needed: {book_copy} was backed up today "
                                   f"({first}).\n")


@pytest.mark.parametrize("what", ["missing", "folder", "foreign"])
def test_a_backup_of_something_that_is_not_a_book_is_one_line(run, tmp_path: Path,
                                                             what: str) -> None:
    path = tmp_path / "thing.book"
    if what == "folder":
        path.mkdir()
    elif what == "foreign":
        path.write_text("hello")
    status, out, err = run("backup", path)
    assert (status, out) == (1, "") and len(err.splitlines()) == 1
    assert "Traceback" not in err and str(path) in err
    assert not tmp_path.joinpath("thing.book.backups").exists()


def mistake(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE settings SET value = 'Wrong Name' WHERE key = 'company_name'")


def company(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT value FROM settings WHERE key = 'company_name'"
                            ).fetchone()[0]


def test_restore_asks_and_without_a_terminal_needs_yes(run, book_copy: Path) -> None:
    made = backed_up(run, book_copy)
    mistake(book_copy)
    before = book_copy.read_bytes()
    status, out, err = run("restore", book_copy, made)
    assert (status, out) == (1, "")
    assert err == ("ledgerdesk: error: restore asks before it replaces the book, and standard "
                   f"input is not a terminal; add --yes to restore {book_copy}.\n")
    assert book_copy.read_bytes() == before


def test_restore_says_what_it_did(run, book_copy: Path) -> None:
    original = company(book_copy)
    made = backed_up(run, book_copy)
    mistake(book_copy)
    status, out, err = run("restore", book_copy, made, "--yes")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Restored {book_copy} from {made}, taken {_when(made)}."
    kept = Path(lines[1].removeprefix("The book as it was is kept in ").removesuffix(
        " (verified)."))
    assert kept.name.endswith("-before-restore") and company(kept) == "Wrong Name"
    assert company(book_copy) == original
    assert [r["kind"] for r in listed(run, book_copy)] == ["before-restore", "manual"]


def _when(backup: Path) -> str:
    stamp = re.search(r"backup-(\d{8}T\d{6})Z", backup.name)[1]
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]} UTC"


@pytest.mark.parametrize("what", ["missing", "folder", "foreign", "damaged"])
def test_restore_refuses_a_bad_backup_in_one_line(run, book_copy: Path, tmp_path: Path,
                                                 what: str) -> None:
    bad = tmp_path / "bad"
    if what == "folder":
        bad.mkdir()
    elif what == "foreign":
        bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    elif what == "damaged":
        bad.write_bytes(book_copy.read_bytes()[:50_000])
    before = book_copy.read_bytes()
    status, out, err = run("restore", book_copy, bad, "--yes")
    assert (status, out) == (1, "") and len(err.splitlines()) == 1
    assert err.startswith(f"ledgerdesk: error: {bad} cannot be restored: ")
    assert err.endswith(f"; {book_copy} is unchanged.\n")
    assert book_copy.read_bytes() == before
    assert listed(run, book_copy) == []


def test_restore_is_refused_while_the_book_is_open_elsewhere(run, book_copy: Path) -> None:
    made = backed_up(run, book_copy)
    with contextlib.closing(sqlite3.connect(book_copy)) as other:
        other.execute("SELECT count(*) FROM settings").fetchone()
        status, out, err = run("restore", book_copy, made, "--yes")
    assert (status, out) == (1, "")
    assert err.startswith(f"ledgerdesk: error: {book_copy} is open in another program")


def test_list_backups_of_a_broken_book_still_lists_them(run, book_copy: Path) -> None:
    made = backed_up(run, book_copy)
    book_copy.write_bytes(b"garbage")
    assert [r["file"] for r in listed(run, book_copy)] == [str(made)]


def test_the_backup_before_an_upgrade_goes_to_the_chosen_folder(run, book_at_0001: Path,
                                                                tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    assert run("backup", book_at_0001, "--folder", chosen)[0] == 0  # an old book, copied as is
    assert run("check", book_at_0001)[0] == 0  # opening it upgrades it
    kinds = sorted(r["kind"] for r in listed(run, book_at_0001))
    assert kinds == ["before-migration", "manual"]
    assert {Path(r["file"]).parent for r in listed(run, book_at_0001)} == {chosen}
    assert not book_at_0001.with_name("old.book.backups").exists()
