"""Whether a book can be changed, and how to open it for reading when it cannot.

A WAL book is changed through two files SQLite keeps beside it, ``-wal`` and ``-shm``, so a
book can be read-only in two ways: the file itself (permissions, ``chattr +i``, a read-only
mount), or its folder, where SQLite cannot create those files.  SQLite opens a read-only
file read-only by itself, but in a read-only folder it cannot even read a WAL book unless
told the file will not change (``immutable=1``).  ``os.access`` answers for root too: a
read-only mount and ``chattr +i`` refuse root.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ledgerdesk.storage.errors import ReadOnly, ReadOnlyFolder

SIDECARS = ("-wal", "-shm")


def read_only_problem(path: Path) -> ReadOnly | None:
    """Why the book at ``path`` cannot be changed, or None when it can."""
    if not os.access(path, os.W_OK):
        return ReadOnly(path)
    if os.access(path.parent, os.W_OK) or all(
            os.access(_sidecar(path, suffix), os.W_OK) for suffix in SIDECARS):
        return None
    return ReadOnlyFolder(path)


def database_name(path: Path, read_only: ReadOnly | None) -> tuple[str, bool]:
    """(what to hand ``sqlite3.connect``, whether it is a URI) for reading ``path``.

    A writable book opens by its name.  A read-only one opens ``mode=ro``, or, in a folder
    where SQLite cannot make its ``-shm`` and there is no unfinished ``-wal`` to read,
    ``immutable=1``: the only way SQLite reads a WAL book there."""
    if read_only is None:
        return str(path), False
    uri = path.resolve().as_uri()
    if os.access(path.parent, os.W_OK) or _has_log(path):
        return f"{uri}?mode=ro", True
    return f"{uri}?immutable=1", True


def connect(path: Path, read_only: ReadOnly | None, *, wait: float) -> sqlite3.Connection:
    """A plain driver connection to the book, read-only when the book is."""
    name, uri = database_name(path, read_only)
    return sqlite3.connect(name, uri=uri, timeout=wait)


def _has_log(path: Path) -> bool:
    wal = _sidecar(path, "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)
