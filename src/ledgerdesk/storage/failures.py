"""The one place where SQLite's and the OS's errors become named problems (``storage.errors``).

``book_problem`` reads SQLite's result code (``sqlite_errorcode``; the message where an
error carries none), or the OS's ``errno``, and picks the problem.  ``watch`` hooks it into
an engine's ``handle_error`` event, so every statement, commit and connect through
SQLAlchemy on that book fails with a named problem; ``translated`` catches what the storage
code runs on the driver directly.  A write transaction's failure says ", so nothing was
saved": it was rolled back.

Constraint and trigger refusals (``IntegrityError``) are not storage failures: they are
left to the code that turns them into ``NotAllowed``.  So is ``SQLITE_READONLY`` on a
``read()`` connection, which only a programming error (a write there) can cause.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError

from ledgerdesk.domain.i18n import _
from ledgerdesk.storage import errors
from ledgerdesk.storage.errors import SAVED_NOTHING, BookError

#: SQLite's words for each primary result code (sqlite3ErrStr), for errors raised without a
#: code (older drivers, or made by hand).
_WORDS = {
    "database or disk is full": sqlite3.SQLITE_FULL,
    "disk i/o error": sqlite3.SQLITE_IOERR,
    "attempt to write a readonly database": sqlite3.SQLITE_READONLY,
    "database is locked": sqlite3.SQLITE_BUSY,
    "database disk image is malformed": sqlite3.SQLITE_CORRUPT,
    "file is not a database": sqlite3.SQLITE_NOTADB,
    "unable to open database file": sqlite3.SQLITE_CANTOPEN,
    "access permission denied": sqlite3.SQLITE_PERM,
}
#: The codes that are storage failures; any other is left to the code that ran the SQL.
STORAGE_CODES = frozenset(_WORDS.values())
#: Below this much free space, an I/O error writing is taken for a full disk or quota
#: (SQLite reports ENOSPC as SQLITE_FULL, but EDQUOT and a full -shm as SQLITE_IOERR).
LOW_SPACE = 1 << 20
#: ``errno`` values that mean the disk or the user's quota is full, or the file is read-only.
_FULL = {errno.ENOSPC, errno.EDQUOT}
_DENIED = {errno.EACCES, errno.EPERM}


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code of ``error`` (a driver error), or None."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(error).strip().lower()
    return next((code for words, code in _WORDS.items() if text.startswith(words)), None)


def book_problem(error: BaseException, path: Path, *, outcome: str = "",
                 wait: float = 0) -> BookError:
    """The named problem ``error`` means for the book at ``path``.

    ``outcome`` says what the failure meant for the user's work; ``wait`` is how long a
    locked book was waited for, in seconds."""
    if isinstance(error, BookError):
        return error
    error = getattr(error, "orig", None) or error  # SQLAlchemy wraps the driver's error
    if isinstance(error, OSError):
        return os_problem(error, path, outcome=outcome)
    code, reason = sqlite_code(error), str(error).strip() or type(error).__name__
    said = _("SQLite: {reason}").format(reason=reason)
    if code == sqlite3.SQLITE_FULL:
        return errors.DiskFull(path, outcome=outcome)
    if code == sqlite3.SQLITE_IOERR:
        return _io_problem(path, said, outcome)
    if code == sqlite3.SQLITE_READONLY:
        return read_only(path, outcome=outcome)
    if code == sqlite3.SQLITE_BUSY:
        return errors.Locked(path, wait=wait, outcome=outcome)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return errors.Damaged(path, reason=said, outcome=outcome)
    if code == sqlite3.SQLITE_PERM:
        return errors.NoPermission(path, outcome=outcome)
    if code == sqlite3.SQLITE_CANTOPEN:
        return _cannot_open(path, reason, outcome)
    return errors.StorageFailed(path, reason=reason, outcome=outcome)


def os_problem(error: OSError, path: Path, *, outcome: str = "") -> BookError:
    """The named problem of an OS error on the book (or a file beside it)."""
    reason = error.strerror or str(error)
    if error.errno in _FULL:
        return errors.DiskFull(path, outcome=outcome)
    if error.errno == errno.EROFS:
        return read_only(path, outcome=outcome)
    if error.errno in _DENIED:
        return errors.NoPermission(path, outcome=outcome)
    if error.errno == errno.ENOENT:
        return errors.Missing(path, outcome=outcome)
    if error.errno == errno.EIO:
        return errors.DiskError(path, reason=reason, outcome=outcome)
    return errors.StorageFailed(path, reason=reason, outcome=outcome)


def read_only(path: Path, *, outcome: str = "") -> errors.ReadOnly:
    """The file is read-only, or its folder is (then SQLite cannot write its journal)."""
    if _writable(path) and not _writable(path.parent):
        return errors.ReadOnlyFolder(path, outcome=outcome)
    return errors.ReadOnly(path, outcome=outcome)


def _io_problem(path: Path, reason: str, outcome: str) -> BookError:
    if _free_space(path) < LOW_SPACE:
        return errors.DiskFull(path, outcome=outcome)
    if path.exists() and not (_writable(path) and _writable(path.parent)):
        return read_only(path, outcome=outcome)
    return errors.DiskError(path, reason=reason, outcome=outcome)


def _cannot_open(path: Path, reason: str, outcome: str) -> BookError:
    if not path.exists():
        return errors.Missing(path, outcome=outcome)
    if not os.access(path, os.R_OK):
        return errors.NoPermission(path, outcome=outcome)
    if not _writable(path.parent):
        return read_only(path, outcome=outcome)
    if _free_space(path) < LOW_SPACE:
        return errors.DiskFull(path, outcome=outcome)
    return errors.StorageFailed(path, reason=reason, outcome=outcome)


def _writable(path: Path) -> bool:
    # os.access also answers for root: EROFS and chattr +i say no to root too.
    return os.access(path, os.W_OK)


def _free_space(path: Path) -> int:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return LOW_SPACE  # cannot tell: not taken for full


#: The book each watched engine is on, and how long it waits: for ``raw_failures``.
_BOOKS: weakref.WeakKeyDictionary[Engine, tuple[Path, float]] = weakref.WeakKeyDictionary()


def watch(engine: Engine, path: Path, wait: float, *, write_option: tuple[str, str]) -> None:
    """Make every storage failure on ``engine``'s connections a named problem.

    ``write_option`` is the execution option (name, value) of write transactions."""
    name, value = write_option
    _BOOKS[engine] = (path, wait)

    def handle(context: ExceptionContext) -> None:
        error = context.original_exception
        code = sqlite_code(error)
        if not (isinstance(error, OSError) or code in STORAGE_CODES):
            return
        conn = context.connection
        writing = conn is not None and conn.get_execution_options().get(name) == value
        plain = getattr(error, "sqlite_errorcode", code) == sqlite3.SQLITE_READONLY
        if plain and conn is not None and not writing:
            # A write on a read() connection (query_only): a bug, reported as such by the
            # caller.  READONLY_RECOVERY and the like are the file's, and named below.
            return
        raise book_problem(error, path, wait=wait, outcome=SAVED_NOTHING if writing else "")

    event.listen(engine, "handle_error", handle)


def raw_failures(engine: Engine) -> AbstractContextManager[None]:
    """``translated`` for the book ``engine`` is on: for reads that use the driver's own
    cursor, whose errors SQLAlchemy never sees."""
    if engine not in _BOOKS:
        return nullcontext()
    path, wait = _BOOKS[engine]
    return translated(path, wait=wait)


@contextmanager
def translated(path: Path, *, outcome: str = "", wait: float = 0) -> Iterator[None]:
    """Turn a SQLite error the block raises (through SQLAlchemy or straight from the
    driver) into its named problem; anything else passes unchanged."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        if isinstance(exc, DBAPIError) and not isinstance(exc.orig, sqlite3.Error):
            raise
        raise book_problem(exc, path, outcome=outcome, wait=wait) from exc
