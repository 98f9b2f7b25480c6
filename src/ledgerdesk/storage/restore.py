"""Putting a backup in a book's place, whole or not at all.

In order, and nothing changes until the last step: the backup is checked (a sound
Ledgerdesk book that passes ``check``, not the book itself, not from a newer version); the
book is locked exclusively, which fails while any other connection has it open (another
window, a command, another program: SQLite sees them all, in this process too); the book as
it is becomes a before-restore backup, kept even when it fails its check (a broken book's
only copy, with its log if SQLite cannot read it); the backup is copied beside the book and
synced; the book's log is folded in and removed while the lock is held, so no old ``-wal``
is ever read into the restored file; then the copy is renamed over the book.  A program
that opened the old file in the last instant finds it moved, and SQLite refuses its writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ledgerdesk.domain.backups import INCOMPLETE, BackupKind, Restored
from ledgerdesk.domain.i18n import _
from ledgerdesk.storage import errors
from ledgerdesk.storage.backups import (
    Progress,
    copy_book,
    remove_backup,
    sync_folder,
    write_backup,
)
from ledgerdesk.storage.errors import NOT_RESTORED, FileProblem
from ledgerdesk.storage.failures import book_problem, os_problem, sqlite_code
from ledgerdesk.storage.probe import probe_book_file
from ledgerdesk.storage.verify import verify_backup

_SIDECARS = ("-wal", "-shm", "-journal")
_DAMAGE = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def restore_book(book: Path, backup: Path, folder: Path, *, now: dt.datetime | None = None,
                 wait: float = 5, progress: Progress | None = None) -> Restored:
    """Replace ``book`` with ``backup``, keeping the book as it was in ``folder``.  A link
    to a book is followed: the book it points to is replaced, and the link stays.
    ``progress`` hears of the book's backup (``write_backup``'s steps); it may raise to
    stop, until the backup is being put in place."""
    book = Path(os.path.realpath(book)) if book.is_symlink() else book
    _check_backup(book, backup, wait)
    if not os.path.lexists(book):
        _placed(backup, book, wait)
        return Restored(book, backup, None)
    readable = _check_book(book, wait)
    with _exclusive(book) as lock:
        before = write_backup(book, folder, BackupKind.BEFORE_RESTORE,
                              lambda partial: _copy_as_it_is(book, lock, partial, readable),
                              now=now, outcome=NOT_RESTORED, keep_unverified=True,
                              progress=progress)
        try:
            _placed(backup, book, wait, lock)
        except BaseException:
            remove_backup(before.path)  # the book is as it was: its copy only takes room
            with contextlib.suppress(OSError):
                folder.rmdir()  # when that copy was all it held
            raise
    return Restored(book, backup, before)


def _check_backup(book: Path, backup: Path, wait: float) -> None:
    if not os.path.lexists(backup):
        why: str | None = _("there is no such file")
    elif backup.is_dir():
        why = _("it is a folder")
    elif os.path.realpath(backup) == os.path.realpath(book):
        why = _("it is the book itself")
    else:
        why = verify_backup(backup, wait=wait)
    if why is not None:
        raise errors.CannotRestore(backup, reason=why, book=book)


def _check_book(book: Path, wait: float) -> bool:
    """Refuse a book that is not ours (a folder, someone else's file) or that may not be
    replaced; whether SQLite can read it (else it is copied as it is)."""
    if book.is_dir():
        raise errors.NotABook(book, reason=_("it is a folder"))
    try:
        read_only = probe_book_file(book, wait=wait)
    except errors.Damaged:
        return False
    except FileProblem as exc:
        raise exc.restated(outcome=NOT_RESTORED) from exc
    if read_only is not None:
        raise read_only.restated(outcome=NOT_RESTORED)
    return True


@contextlib.contextmanager
def _exclusive(book: Path) -> Iterator[sqlite3.Connection | None]:
    """The book locked for this connection alone (None when SQLite cannot read it)."""
    conn = sqlite3.connect(book, timeout=0, isolation_level=None)
    try:
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the lock
            conn.execute("ROLLBACK")  # the lock stays: locking_mode is exclusive
        except sqlite3.Error as exc:
            if sqlite_code(exc) == sqlite3.SQLITE_BUSY:
                raise errors.InUse(book, outcome=NOT_RESTORED) from exc
            if sqlite_code(exc) not in _DAMAGE:
                raise book_problem(exc, book, outcome=NOT_RESTORED) from exc
            yield None
            return
        yield conn
    finally:
        conn.close()


def _copy_as_it_is(book: Path, lock: sqlite3.Connection | None, partial: Path,
                   readable: bool) -> None:
    """Through the lock's own connection (no other may read now); a book SQLite cannot
    read is copied byte for byte, its log beside it."""
    if lock is not None and readable:
        with contextlib.closing(sqlite3.connect(partial)) as copy:
            try:
                lock.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                return
            except sqlite3.DatabaseError as exc:
                if sqlite_code(exc) not in _DAMAGE:
                    raise
        remove_backup(partial)
    shutil.copyfile(book, partial)
    if (wal := Path(f"{book}-wal")).exists():
        shutil.copyfile(wal, Path(f"{partial}-wal"))


def _placed(backup: Path, book: Path, wait: float,
            lock: sqlite3.Connection | None = None) -> None:
    """Copy ``backup`` beside ``book`` and rename it over the book, its old log gone first."""
    beside = book.with_name(book.name + ".restore" + INCOMPLETE)
    try:
        remove_backup(beside)  # left by a restore that was killed
        copy_book(backup, beside, read_only=probe_book_file(backup, wait=wait), wait=wait)
        _drop_log(book, lock)
        beside.replace(book)
        sync_folder(book.parent)
    except BaseException as exc:
        remove_backup(beside)
        if isinstance(exc, OSError) and not isinstance(exc, errors.BookError):
            raise os_problem(exc, book, outcome=NOT_RESTORED) from exc
        if isinstance(exc, sqlite3.Error):
            raise book_problem(exc, book, outcome=NOT_RESTORED) from exc
        raise


def _drop_log(book: Path, lock: sqlite3.Connection | None) -> None:
    """Fold the book's log into it and delete it (it was copied into the before-restore
    backup); a log nobody can fold in is deleted, under the lock."""
    if lock is not None:
        with contextlib.suppress(sqlite3.DatabaseError):
            lock.execute("PRAGMA journal_mode = DELETE")
    for suffix in _SIDECARS:
        Path(f"{book}{suffix}").unlink(missing_ok=True)


