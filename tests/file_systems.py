"""Real file-system conditions for the storage tests, as root: a tiny disk that fills up, a
read-only folder, a read-only file.

Root ignores permission bits, so "read-only" is made the way it stops root too: a read-only
bind mount (EROFS), of a folder or of the file itself.  A full disk is a small tmpfs.  Both
need only ``mount`` (``chattr +i`` would also stop root, but not every file system takes
it).  Each helper undoes itself, even when the test fails; the fixtures in
``tests/conftest.py`` skip (saying why) when the tests do not run as root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOT_ROOT = "needs root: it mounts a small tmpfs or a read-only bind mount"


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, text=True)


@contextmanager
def mounted_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` (``"2m"``) mounted on ``folder`` for the block."""
    folder.mkdir(parents=True, exist_ok=True)
    _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill_up(folder: Path, leave: int = 0) -> Path:
    """Fill the disk holding ``folder`` with one file until ``leave`` bytes are free."""
    free = shutil.disk_usage(folder).free
    filler = folder / "filler"
    with filler.open("wb") as out:
        remaining = max(free - leave, 0)
        while remaining > 0:
            chunk = min(remaining, 1 << 16)
            try:
                out.write(b"\0" * chunk)
                out.flush()
            except OSError:
                break
            remaining -= chunk
    return filler


@contextmanager
def read_only_view(folder: Path, view: Path) -> Iterator[Path]:
    """``folder`` also seen at ``view``, read-only (a bind mount remounted ``ro``)."""
    view.mkdir(parents=True, exist_ok=True)
    _run("mount", "--bind", str(folder), str(view))
    try:
        _run("mount", "-o", "remount,ro,bind", str(view))
        yield view
    finally:
        _run("umount", "-l", str(view))


@contextmanager
def read_only_file(path: Path) -> Iterator[Path]:
    """``path`` read-only for the block (bound read-only onto itself); its folder is not."""
    _run("mount", "--bind", str(path), str(path))
    try:
        _run("mount", "-o", "remount,ro,bind", str(path))
        yield path
    finally:
        _run("umount", "-l", str(path))
