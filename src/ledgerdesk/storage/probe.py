"""Checks a file before it is opened as a book, so that each way it can be wrong gets one
clear sentence instead of a traceback: missing, not SQLite, someone else's SQLite, damaged.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from ledgerdesk.storage.engine import APPLICATION_ID
from ledgerdesk.storage.errors import BookError

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def probe_book_file(path: Path) -> None:
    """Raise ``BookError`` unless ``path`` looks like a readable Ledgerdesk book."""
    if not path.exists():
        raise BookError(f"There is no book at {path}.")
    if not path.is_file():
        raise BookError(f"{path} is a folder, not a book file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise BookError(f"{path} cannot be read ({exc.strerror or exc}).") from exc
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_MAGIC):
        raise BookError(f"{path} is not a Ledgerdesk book (it is not a SQLite database).")
    _check_application_id(path)


def _check_application_id(path: Path) -> None:
    try:
        with closing(sqlite3.connect(path)) as conn:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            # Reading the schema touches more than the first page: a damaged file fails here.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise damaged(path, exc) from exc
    if application_id != APPLICATION_ID:
        raise BookError(
            f"{path} is a SQLite database of another program, not a Ledgerdesk book."
        )


def damaged(path: Path, exc: BaseException) -> BookError:
    """The error for a file SQLite refuses to read."""
    return BookError(f"{path} is damaged and cannot be opened as a book ({exc}).")
