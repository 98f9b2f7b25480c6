"""SQLite storage for a book: the only package that imports SQLAlchemy and Alembic.

``create_book`` and ``open_book`` return a ``SqliteBook`` implementing the ``Book`` port of
``ledgerdesk.services.ports``; anything wrong with the file is a ``BookError``.
"""

from ledgerdesk.storage.book import SqliteBook, create_book, open_book
from ledgerdesk.storage.errors import BookError

__all__ = ["BookError", "SqliteBook", "create_book", "open_book"]
