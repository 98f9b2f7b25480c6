"""``SqliteBook``: one book file, with ``create_book`` and ``open_book`` to get one.

``write()`` and ``bulk()`` run in ``BEGIN IMMEDIATE`` transactions, ``read()`` in a deferred
one on a query-only connection (a consistent WAL snapshot).  ``revision`` changes after every
commit, made through this object or by any other connection or process on the file
(``storage.revision``), so that views know when to reload.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from ledgerdesk.domain.backups import BackupKind, default_folder
from ledgerdesk.domain.i18n import _
from ledgerdesk.storage import engine as engines
from ledgerdesk.storage import migrate
from ledgerdesk.storage.engine import APPLICATION_ID, READ, WRITE, make_engine
from ledgerdesk.storage.errors import (
    NOT_CREATED,
    NOT_UPGRADED,
    SAVED_NOTHING,
    AlreadyExists,
    BookError,
    CannotCreate,
    Damaged,
    FileProblem,
    NeedsUpgrade,
    NewerVersion,
    ReadOnly,
)
from ledgerdesk.storage.failures import os_problem, translated
from ledgerdesk.storage.fresh_load import (
    DeferredSchema,
    check_foreign_keys,
    is_fresh,
    unsafe_journal,
)
from ledgerdesk.storage.probe import probe_book_file
from ledgerdesk.storage.revision import BookRevision
from ledgerdesk.storage.staging import staging_schema
from ledgerdesk.storage.transaction import SqliteTransaction

if TYPE_CHECKING:  # imported when used, not on every open: a report needs none but one
    from ledgerdesk.storage.bulk import SqliteBulkWriter
    from ledgerdesk.storage.chart import SqliteChart
    from ledgerdesk.storage.dashboard import SqliteDashboard
    from ledgerdesk.storage.journal_queries import SqliteJournals
    from ledgerdesk.storage.line_exports import SqliteLineExports
    from ledgerdesk.storage.list_streams import SqliteListStreams
    from ledgerdesk.storage.queries import SqliteQueries
    from ledgerdesk.storage.reports import SqliteReports

#: Page cache while bulk loading, in KiB (negative: SQLite's "size in KiB" form).
BULK_CACHE_KIB = -256 * 1024


class SqliteBook:
    """An open book file; implements the ``Book`` port.

    ``read_only`` is why the file cannot be changed (then ``write()`` and ``bulk()`` refuse
    at once); ``wait`` is how long a write waits for another program's lock, in seconds;
    ``user`` is who the audit log says made each change (the caller's to know: storage does
    not ask the system)."""

    def __init__(self, path: Path, engine: Engine, *, read_only: ReadOnly | None = None,
                 wait: float | None = None, user: str = "") -> None:
        self.path = path
        self.user = user
        self._engine = engine
        self._read_only = read_only
        self._wait = engines.BUSY_TIMEOUT_SECONDS if wait is None else wait
        self._revision = BookRevision(path)

    @property
    def read_only(self) -> ReadOnly | None:
        """Why the book cannot be changed (its file or folder is read-only), else None."""
        return self._read_only

    @property
    def revision(self) -> int:
        """Changes after every commit to the file, made here or by any other connection."""
        return self._revision.value

    def _bump(self) -> None:
        self._revision.bump()

    @contextmanager
    def write(self) -> Iterator[SqliteTransaction]:
        self._refuse_if_read_only()
        with self._failures(SAVED_NOTHING), self._engine.connect() as conn:
            conn.execution_options(**WRITE)
            with conn.begin():
                yield SqliteTransaction(conn, self.user)
        self._bump()

    @contextmanager
    def read(self) -> Iterator[SqliteTransaction]:
        with self._failures(), self._engine.connect() as conn, _query_only(conn):
            conn.execution_options(**READ)
            with conn.begin() as transaction:
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

        self._refuse_if_read_only()
        if new_book:
            self._revision.suspend()  # its idle connection would refuse the fresh load
        with self._failures(SAVED_NOTHING), self._engine.connect() as conn, _big_cache(conn):
            conn.execution_options(**WRITE)
            raw = conn.connection.driver_connection
            fresh = new_book and is_fresh(raw)
            fast = unsafe_journal(raw) if fresh else nullcontext(False)
            with fast as switched, staging_schema(raw), _ended(raw), conn.begin():
                schema = DeferredSchema(raw) if switched and is_fresh(raw) else None
                if schema is not None:
                    schema.drop()
                writer = SqliteBulkWriter(conn, schema, who=self.user)
                yield writer
                writer.finish()
                if schema is not None:
                    schema.restore()
                if switched:
                    check_foreign_keys(raw)
        self._bump()

    def _refuse_if_read_only(self) -> None:
        if self._read_only is not None:
            raise self._read_only

    def _failures(self, outcome: str = "") -> AbstractContextManager[None]:
        """SQLite's errors raised straight from the driver, as named problems; those through
        SQLAlchemy already are (``storage.failures.watch``)."""
        return translated(self.path, outcome=outcome, wait=self._wait)

    def queries(self) -> SqliteQueries:
        from ledgerdesk.storage.queries import SqliteQueries

        return SqliteQueries(self._engine)

    def reports(self) -> SqliteReports:
        """The ``ReportQueries`` port (``services.report_ports``)."""
        from ledgerdesk.storage.reports import SqliteReports

        return SqliteReports(self._engine)

    def chart(self) -> SqliteChart:
        """The ``ChartQueries`` port (``services.chart``): accounts with their balances."""
        from ledgerdesk.storage.chart import SqliteChart

        return SqliteChart(self._engine)

    def dashboard(self) -> SqliteDashboard:
        """The ``DashboardQueries`` port (``services.dashboard``)."""
        from ledgerdesk.storage.dashboard import SqliteDashboard

        return SqliteDashboard(self._engine)

    def list_streams(self) -> SqliteListStreams:
        """The ``ListStreams`` port (``services.list_streams``): whole lists, for exports."""
        from ledgerdesk.storage.list_streams import SqliteListStreams

        return SqliteListStreams(self._engine)

    def line_exports(self) -> SqliteLineExports:
        """The ``DocumentLineQueries`` port (``services.line_exports``): every document line."""
        from ledgerdesk.storage.line_exports import SqliteLineExports

        return SqliteLineExports(self._engine)

    def journals(self) -> SqliteJournals:
        """The ``JournalQueries`` port (``services.journal_queries``): the manual journals."""
        from ledgerdesk.storage.journal_queries import SqliteJournals

        return SqliteJournals(self._engine)

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
def _ended(raw: sqlite3.Connection) -> Iterator[None]:
    """After a failed COMMIT (a full disk), SQLite may keep the transaction open: roll it
    back before the pragmas and DETACH that follow, which SQLite refuses inside one."""
    try:
        yield
    except BaseException:
        if raw.in_transaction:
            raw.rollback()
        raise


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


def create_book(path: Path, *, script_location: Path = migrate.MIGRATIONS_DIR,
                user: str = "") -> SqliteBook:
    """Create a new, empty book at ``path`` (which must not exist) at the latest schema."""
    path = Path(path)
    try:
        path.open("xb").close()
    except FileExistsError:
        raise AlreadyExists(path) from None
    except OSError as exc:
        raise _cannot_create(path, exc) from exc
    engine = None
    try:
        with translated(path, outcome=NOT_CREATED), closing(sqlite3.connect(path)) as raw:
            # Set before WAL so the id is in the file header from the very first write.
            raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            raw.commit()
        engine = make_engine(path)
        migrate.upgrade(engine, "head", script_location)
    except BaseException as exc:
        if engine is not None:
            engine.dispose()
        _remove_book_files(path)
        if isinstance(exc, FileProblem):
            raise exc.restated(outcome=NOT_CREATED) from exc
        raise
    return SqliteBook(path, engine, user=user)


def _cannot_create(path: Path, error: OSError) -> BookError:
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = (_("its folder is read-only") if error.errno == errno.EROFS
                  else _("you may not write in its folder"))
        return CannotCreate(path, reason=reason)
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return CannotCreate(path, reason=_("its folder does not exist"))
    return os_problem(error, path, outcome=NOT_CREATED)


def open_book(path: Path, *, script_location: Path = migrate.MIGRATIONS_DIR,
              busy_timeout: float | None = None, user: str = "",
              backup_folder: Path | None = None) -> SqliteBook:
    """Open an existing book, upgrading its schema (after a backup) if it is older.

    A read-only book opens for reading (``SqliteBook.read_only`` says why it cannot be
    changed).  A write waits ``busy_timeout`` seconds for another program's lock (default
    ``engine.BUSY_TIMEOUT_SECONDS``).  The backup before an upgrade goes to
    ``backup_folder`` (default: ``NAME.book.backups`` beside the book).  Every failure is a
    named problem (``storage.errors``).
    """
    path = Path(path)
    wait = engines.BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout
    read_only = probe_book_file(path, wait=wait)
    engine = make_engine(path, wait=wait, read_only=read_only)
    try:
        with translated(path, wait=wait):
            _bring_to_head(path, engine, script_location, read_only, wait,
                           backup_folder or default_folder(path))
    except BaseException:
        engine.dispose()
        raise
    return SqliteBook(path, engine, read_only=read_only, wait=wait, user=user)


def _bring_to_head(path: Path, engine: Engine, script_location: Path,
                   read_only: ReadOnly | None, wait: float, folder: Path) -> None:
    current = migrate.current_revision(engine)
    if current is None:
        raise Damaged(path, reason=_("it is marked as a Ledgerdesk book but has no tables"))
    if migrate.is_shipped_head(current, script_location):
        return  # the usual case, known without asking Alembic
    if current not in migrate.known_revisions(script_location):
        raise NewerVersion(path, schema=current)
    if current == migrate.head_revision(script_location):
        return
    if read_only is not None:
        raise NeedsUpgrade(path)
    from ledgerdesk.storage import backups  # it checks copies through this module

    # Beside the book, the folder's problems are the book's (the same disk and folder); a
    # folder the user chose is never made (its disk may not be there).
    beside = folder == default_folder(path)
    backup = backups.take_backup(path, folder, BackupKind.BEFORE_MIGRATION, wait=wait,
                                 outcome=NOT_UPGRADED, told_about=path if beside else None,
                                 make_folder=beside)
    try:
        with translated(path, wait=wait):
            migrate.upgrade(engine, "head", script_location)
    except BaseException as exc:
        # The upgrade rolled back: the book is as it was, and its copy only takes room.
        backups.remove_backup(backup.path)
        with contextlib.suppress(OSError):
            folder.rmdir()  # when that copy was all it held
        if isinstance(exc, FileProblem):
            raise exc.restated(outcome=NOT_UPGRADED) from exc
        raise


def _remove_book_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
