"""``SqliteBook``: one book file, with ``create_book`` and ``open_book`` to get one.

``write()`` and ``bulk()`` run in ``BEGIN IMMEDIATE`` transactions, ``read()`` in a deferred
one on a query-only connection (a consistent WAL snapshot).  ``revision`` changes after every
commit, made through this object or by any other connection or process on the file
(``storage.revision``), so that views know when to reload.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, RootTransaction
from sqlalchemy.exc import DBAPIError, OperationalError

from ledgerdesk.storage import migrate
from ledgerdesk.storage.dashboard import SqliteDashboard
from ledgerdesk.storage.engine import (
    APPLICATION_ID,
    BUSY_TIMEOUT_SECONDS,
    READ,
    WRITE,
    make_engine,
)
from ledgerdesk.storage.errors import BookError
from ledgerdesk.storage.fresh_load import (
    DeferredSchema,
    check_foreign_keys,
    is_fresh,
    unsafe_journal,
)
from ledgerdesk.storage.line_exports import SqliteLineExports
from ledgerdesk.storage.list_streams import SqliteListStreams
from ledgerdesk.storage.probe import damaged, probe_book_file
from ledgerdesk.storage.queries import SqliteQueries
from ledgerdesk.storage.reports import SqliteReports
from ledgerdesk.storage.revision import BookRevision
from ledgerdesk.storage.staging import staging_schema
from ledgerdesk.storage.transaction import SqliteTransaction

if TYPE_CHECKING:  # bulk loading is imported when used, not on every open
    from ledgerdesk.storage.bulk import SqliteBulkWriter

#: Page cache while bulk loading, in KiB (negative: SQLite's "size in KiB" form).
BULK_CACHE_KIB = -256 * 1024


class SqliteBook:
    """An open book file; implements the ``Book`` port."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self._engine = engine
        self._revision = BookRevision(path)

    @property
    def revision(self) -> int:
        """Changes after every commit to the file, made here or by any other connection."""
        return self._revision.value

    def _bump(self) -> None:
        self._revision.bump()

    @contextmanager
    def write(self) -> Iterator[SqliteTransaction]:
        with self._engine.connect() as conn:
            conn.execution_options(**WRITE)
            with self._begin(conn):
                yield SqliteTransaction(conn)
        self._bump()

    @contextmanager
    def read(self) -> Iterator[SqliteTransaction]:
        with self._engine.connect() as conn, _query_only(conn):
            conn.execution_options(**READ)
            with self._begin(conn) as transaction:
                yield SqliteTransaction(conn)
                transaction.rollback()

    @contextmanager
    def bulk(self, *, new_book: bool = False) -> Iterator[SqliteBulkWriter]:
        """One ``BEGIN IMMEDIATE`` transaction for loading many records at once.

        ``new_book=True`` promises that the caller throws the file away if the load fails;
        then, on a book with no documents yet, it is a fresh load (``storage.fresh_load``),
        which does not sync.  Anything else (an import into a real book) is fully durable.
        """
        from ledgerdesk.storage.bulk import SqliteBulkWriter

        if new_book:
            self._revision.suspend()  # its idle connection would refuse the fresh load
        with self._engine.connect() as conn, _big_cache(conn):
            conn.execution_options(**WRITE)
            raw = conn.connection.driver_connection
            fresh = new_book and is_fresh(raw)
            fast = unsafe_journal(raw) if fresh else nullcontext(False)
            with fast as switched, staging_schema(raw), self._begin(conn):
                schema = DeferredSchema(raw) if switched and is_fresh(raw) else None
                if schema is not None:
                    schema.drop()
                writer = SqliteBulkWriter(conn, schema)
                yield writer
                writer.finish()
                if schema is not None:
                    schema.restore()
                if switched:
                    check_foreign_keys(raw)
        self._bump()

    def _begin(self, conn: Connection) -> RootTransaction:
        """BEGIN now (the begin event emits it), turning a lock timeout into a BookError."""
        try:
            return conn.begin()
        except OperationalError as exc:
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise BookError(
                    f"{self.path} is busy: another window or program kept it locked for "
                    f"{BUSY_TIMEOUT_SECONDS} seconds."
                ) from exc
            raise

    def queries(self) -> SqliteQueries:
        return SqliteQueries(self._engine)

    def reports(self) -> SqliteReports:
        """The ``ReportQueries`` port (``services.report_ports``)."""
        return SqliteReports(self._engine)

    def dashboard(self) -> SqliteDashboard:
        """The ``DashboardQueries`` port (``services.dashboard``)."""
        return SqliteDashboard(self._engine)

    def list_streams(self) -> SqliteListStreams:
        """The ``ListStreams`` port (``services.list_streams``): whole lists, for exports."""
        return SqliteListStreams(self._engine)

    def line_exports(self) -> SqliteLineExports:
        """The ``DocumentLineQueries`` port (``services.line_exports``): every document line."""
        return SqliteLineExports(self._engine)

    def close(self) -> None:
        self._revision.close()
        self._engine.dispose()

    def __enter__(self) -> SqliteBook:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqliteBook({str(self.path)!r})"


@contextmanager
def _query_only(conn: Connection) -> Iterator[None]:
    """Make the connection refuse writes while a read transaction uses it."""
    raw = conn.connection.driver_connection
    raw.execute("PRAGMA query_only = ON")
    try:
        yield
    finally:
        raw.execute("PRAGMA query_only = OFF")


@contextmanager
def _big_cache(conn: Connection) -> Iterator[None]:
    """A larger page cache while bulk loading: index inserts stay in memory until commit."""
    raw = conn.connection.driver_connection
    normal = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {int(normal)}")


def create_book(path: Path, *, script_location: Path = migrate.MIGRATIONS_DIR) -> SqliteBook:
    """Create a new, empty book at ``path`` (which must not exist) at the latest schema."""
    path = Path(path)
    try:
        path.open("xb").close()
    except FileExistsError:
        raise BookError(f"{path} already exists; choose a new file name for the book.") from None
    except OSError as exc:
        raise BookError(f"{path} cannot be created ({exc.strerror or exc}).") from exc
    engine = None
    try:
        with closing(sqlite3.connect(path)) as raw:
            # Set before WAL so the id is in the file header from the very first write.
            raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            raw.commit()
        engine = make_engine(path)
        migrate.upgrade(engine, "head", script_location)
    except BaseException:
        if engine is not None:
            engine.dispose()
        _remove_book_files(path)
        raise
    return SqliteBook(path, engine)


def open_book(path: Path, *, script_location: Path = migrate.MIGRATIONS_DIR) -> SqliteBook:
    """Open an existing book, upgrading its schema (after a backup) if it is older."""
    path = Path(path)
    probe_book_file(path)
    engine = make_engine(path)
    try:
        _bring_to_head(path, engine, script_location)
    except BookError:
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise damaged(path, getattr(exc, "orig", exc)) from exc
    return SqliteBook(path, engine)


def _bring_to_head(path: Path, engine: Engine, script_location: Path) -> None:
    current = migrate.current_revision(engine)
    if current is None:
        raise BookError(f"{path} is marked as a Ledgerdesk book but has no schema; it is damaged.")
    if migrate.is_shipped_head(current, script_location):
        return  # the usual case, known without asking Alembic
    if current not in migrate.known_revisions(script_location):
        raise BookError(
            f"{path} was saved by a newer version of Ledgerdesk (schema {current}); "
            "update Ledgerdesk to open it."
        )
    if current != migrate.head_revision(script_location):
        migrate.backup_book(path, current)
        migrate.upgrade(engine, "head", script_location)


def _remove_book_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
