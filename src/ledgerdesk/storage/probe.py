"""Checks a file before it is opened as a book, so that each way it can be wrong gets its
named problem instead of a traceback: missing, not SQLite, someone else's SQLite, cut short,
damaged, unreadable.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from ledgerdesk.domain.i18n import _
from ledgerdesk.storage import access
from ledgerdesk.storage.engine import APPLICATION_ID
from ledgerdesk.storage.errors import Damaged, NotABook, ReadOnly
from ledgerdesk.storage.failures import os_problem, translated

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def probe_book_file(path: Path, *, wait: float = 5) -> ReadOnly | None:
    """Raise a named problem (``storage.errors``) unless ``path`` looks like a readable
    Ledgerdesk book; return why it cannot be changed, if it cannot (``storage.access``)."""
    try:
        if path.is_dir():
            raise NotABook(path, reason=_("it is a folder"))
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise os_problem(exc, path) from exc
    if not header:
        raise NotABook(path, reason=_("it is empty"))
    if not header.startswith(_SQLITE_MAGIC[: len(header)]):
        raise NotABook(path, reason=_("it is not a SQLite database"))
    if len(header) < _HEADER_SIZE:
        raise Damaged(path, reason=_("it ends inside its first page"))
    read_only = access.read_only_problem(path)
    _check_application_id(path, read_only, wait)
    return read_only


def _check_application_id(path: Path, read_only: ReadOnly | None, wait: float) -> None:
    with translated(path, wait=wait), closing(access.connect(path, read_only, wait=wait)) as conn:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        # Reading the schema touches more than the first page: a damaged file fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if application_id != APPLICATION_ID:
        raise NotABook(path, reason=_("it is a SQLite database of another program"))
