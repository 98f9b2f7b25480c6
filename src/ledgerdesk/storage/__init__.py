"""SQLite storage for a book: the only package that imports SQLAlchemy and Alembic.

``create_book`` and ``open_book`` return a ``SqliteBook`` implementing the ``Book`` port of
``ledgerdesk.services.ports``; anything wrong with the file is a ``BookError``: one of the
named problems of ``storage.errors`` (full disk, read-only, locked, damaged …), which
``storage.failures`` makes out of SQLite's and the OS's errors.

The names are imported on first use, so that a process which needs only
``storage.staging`` (the demo's generator process) does not pay a quarter of a second for
importing SQLAlchemy and Alembic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ledgerdesk.storage.book import SqliteBook, create_book, open_book
    from ledgerdesk.storage.errors import BookError

__all__ = ["BookError", "SqliteBook", "create_book", "open_book"]

_HOMES = {
    "SqliteBook": "ledgerdesk.storage.book",
    "create_book": "ledgerdesk.storage.book",
    "open_book": "ledgerdesk.storage.book",
    "BookError": "ledgerdesk.storage.errors",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
