"""A book the user may not read, or may read but not change, run as an ordinary user (the
tests run as root, which permission bits do not stop, so the command runs as ``nobody``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534


def as_nobody(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
         sys.executable, "-m", "ledgerdesk", *map(str, args)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "HOME": tempfile.gettempdir()}, cwd=tempfile.gettempdir())


@pytest.fixture
def shelf(as_root, demo_book) -> Iterator[Path]:
    """A folder everyone may enter but only root may write, holding a copy of the demo."""
    if shutil.which("setpriv") is None:
        pytest.skip("needs setpriv (util-linux) to run a command as nobody")
    if as_nobody("--version").returncode != 0:
        pytest.skip("the user nobody cannot run this checkout's Python")
    folder = Path(tempfile.mkdtemp(prefix="ledgerdesk-shelf-"))
    try:
        folder.chmod(0o755)
        shutil.copyfile(demo_book, folder / "demo.book")
        yield folder
    finally:
        shutil.rmtree(folder)


def test_a_book_the_user_may_not_read(shelf):
    path = shelf / "demo.book"
    path.chmod(0o600)
    result = as_nobody("list", "invoices", path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (f"ledgerdesk: error: You may not use {path} (permission denied). "
                             "Ask whoever owns the file for access, or work on a copy of it.\n")


def test_a_book_the_user_may_read_but_not_change(shelf, demo_book):
    path = shelf / "demo.book"
    path.chmod(0o644)
    listed = as_nobody("list", "invoices", path)
    assert listed.returncode == 0 and "INV-00001" in listed.stdout, listed.stderr
    paid = as_nobody("pay", path, "--contact", "Bluebell Nursery", "--amount", "10", "--date",
                     "2025-12-01", "--allocate", "INV-00025=10")
    assert paid.returncode == 1
    assert paid.stderr.startswith(f"ledgerdesk: error: {path} is read-only: ")
    assert path.read_bytes() == demo_book.read_bytes()


def test_a_writable_book_in_a_folder_the_user_may_not_write_to(shelf, demo_book):
    """WAL writes two files beside the book; where they cannot be made, the book is read-only
    though its own file is not (and is read without them)."""
    path = shelf / "demo.book"
    os.chown(path, NOBODY, NOBODY)
    listed = as_nobody("list", "invoices", path)
    assert listed.returncode == 0 and "INV-00001" in listed.stdout, listed.stderr
    paid = as_nobody("pay", path, "--contact", "Bluebell Nursery", "--amount", "10", "--date",
                     "2025-12-01", "--allocate", "INV-00025=10")
    assert paid.returncode == 1
    assert paid.stderr == (f"ledgerdesk: error: {path} is read-only, as its folder is: "
                           "Ledgerdesk can show it but not change it. Move it to a folder you "
                           "can write to.\n")
    assert path.read_bytes() == demo_book.read_bytes()
