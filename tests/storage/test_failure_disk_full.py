"""A real full disk (a small tmpfs, as root): paying, building the demo and upgrading an old
book say the disk is full, never that the book is damaged; the book is unchanged, and an
upgrade leaves no backup file that looks real but is not."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from file_systems import fill_up
from ledgerdesk.storage import backups, errors, open_book
from ledgerdesk.storage.migrate import SCHEMA_HEAD

PAY = ["--contact", "Bluebell Nursery", "--amount", "10", "--date", dt.date.today().isoformat(),
       "--allocate", "INV-00025=10"]
FREE_SPACE = "Free some space on it and try again."


def version(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


@pytest.mark.parametrize("leave", [0, 40 * 1024], ids=["no room at all", "room to open"])
def test_pay_on_a_full_disk_says_so_and_changes_nothing(run, demo_book, tiny_disk, leave):
    disk = tiny_disk("2m")
    path = disk / "demo.book"
    shutil.copyfile(demo_book, path)
    filler = fill_up(disk, leave)
    status, out, err = run("pay", path, *PAY)
    assert status == 1 and out == ""
    assert err.startswith(f"ledgerdesk: error: The disk holding {path} is full")
    assert err.endswith(f"{FREE_SPACE}\n") and len(err.splitlines()) == 1
    assert path.read_bytes() == demo_book.read_bytes()
    filler.unlink()  # with room again, the same payment goes through and the book is sound
    assert run("pay", path, *PAY)[0] == 0
    assert run("check", path)[0] == 0


def test_the_demo_on_a_full_disk_leaves_nothing_behind(run, tiny_disk):
    disk = tiny_disk("256k")
    status, out, err = run("demo", disk / "demo.book")
    assert status == 1 and out == ""
    assert err == (f"ledgerdesk: error: The disk holding {disk / 'demo.book'} is full, so the "
                   f"book was not created. {FREE_SPACE}\n")
    assert list(disk.iterdir()) == []


def test_a_demo_that_cannot_replace_a_book_keeps_it(run, demo_book, tiny_disk):
    disk = tiny_disk("1m")
    path = disk / "demo.book"
    shutil.copyfile(demo_book, path)
    status, _, err = run("demo", path, "--force")
    assert status == 1 and f"The disk holding {path} is full" in err
    assert sorted(p.name for p in disk.iterdir()) == ["demo.book"]
    assert path.read_bytes() == demo_book.read_bytes()


def test_an_upgrade_on_a_full_disk_leaves_no_partial_backup(book_at_0001, tiny_disk,
                                                            monkeypatch):
    """Every amount of free space from none to enough: the backup fails, or the upgrade
    does, or both succeed; a failure says "full", keeps the book and leaves no backup."""
    original = book_at_0001.read_bytes()
    disk = tiny_disk("1m")
    outcomes = set()
    backed_up = []
    real_backup = backups.take_backup
    monkeypatch.setattr(backups, "take_backup",
                        lambda *a, **k: backed_up.append(real_backup(*a, **k)) or backed_up[-1])
    # Enough at the end for the backup and every migration (each adds tables to the book).
    for leave in range(0, 2 * len(original) + 128 * 1024, 16 * 1024):
        path = disk / f"old-{leave}.book"
        path.write_bytes(original)
        filler = fill_up(disk, leave)
        backed_up.clear()
        try:
            open_book(path).close()
        except errors.DiskFull as exc:
            filler.unlink()  # room to look
            outcomes.add("upgrade failed" if backed_up else "backup failed")
            assert str(exc).startswith(f"The disk holding {path} is full")
            assert "damaged" not in str(exc)
            assert path.read_bytes() == original and version(path) == "0001"
            assert not [p.name for p in disk.iterdir() if "backup" in p.name]
        else:
            filler.unlink()
            outcomes.add("upgraded")
            (backup,) = (disk / f"{path.name}.backups").glob(f"{path.name}.backup-*")
            assert backup == backed_up[0].path
            assert version(backup) == "0001" and version(path) == SCHEMA_HEAD
            with contextlib.closing(sqlite3.connect(backup)) as copy:
                assert copy.execute("SELECT name FROM contacts").fetchall() == [
                    ("Old Customer",)]
        finally:
            for stale in disk.iterdir():
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    assert outcomes == {"backup failed", "upgrade failed", "upgraded"}
