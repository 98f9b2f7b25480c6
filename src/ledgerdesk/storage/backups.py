"""Backups of a book file: the one way Ledgerdesk copies a book, before an upgrade, once a
day, on request and before a restore.

A copy is made with SQLite's backup API, never by copying the file: a plain copy of a live
WAL database loses the commits still in its ``-wal``.  It is written as ``….incomplete``,
switched to rollback mode (one self-contained file, nothing beside it), synced, opened
read-only and checked (``verify_backup``), and only then renamed to its real name, so a file
under a backup's name is always whole and verified.  Anything that fails removes the copy
(and the folder, if this backup made it) and raises one named problem: the book's own
(damaged, missing, locked) about the book, the folder's (full, read-only) about the folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from ledgerdesk.domain.backups import (
    INCOMPLETE,
    UTC,
    Backup,
    BackupKind,
    backup_name,
    read_backup_name,
)
from ledgerdesk.storage import access, errors
from ledgerdesk.storage.errors import NOT_BACKED_UP, BookError, FileProblem
from ledgerdesk.storage.failures import book_problem, os_problem
from ledgerdesk.storage.probe import probe_book_file
from ledgerdesk.storage.verify import verify_backup

__all__ = ["copy_book", "list_backups", "remove_backup", "take_backup", "verify_backup",
           "write_backup"]

#: (done, total): told as a backup goes; may raise to stop it.
Progress = Callable[[int, int], None]
#: Problems of the book being copied; any other failure while copying is the folder's.
_THE_BOOKS = (errors.Damaged, errors.NotABook, errors.Locked, errors.NewerVersion)


def take_backup(book: Path, folder: Path, kind: BackupKind, *, now: dt.datetime | None = None,
                wait: float = 5, outcome: str = NOT_BACKED_UP, told_about: Path | None = None,
                make_folder: bool = True, target: Path | None = None,
                progress: Progress | None = None) -> Backup:
    """Copy ``book`` into ``folder`` as a verified backup of ``kind`` taken ``now`` (into the
    file ``target`` instead, when given).  ``folder`` is made if missing with
    ``make_folder`` (never its parents: a folder on a disk that is not there must not be made
    on another).  Problems are told with ``outcome`` (", so no backup was made"), about
    ``told_about`` when given (an upgrade says them about the book).  ``progress(done, 2)``
    is told after the copy and after its check, and may raise to stop (nothing is left)."""
    def copy(partial: Path) -> None:
        copy_book(book, partial, read_only=probe_book_file(book, wait=wait), wait=wait)

    return write_backup(book, folder, kind, copy, now=now, outcome=outcome,
                        told_about=told_about, make_folder=make_folder, target=target,
                        progress=progress)


def write_backup(book: Path, folder: Path, kind: BackupKind, copy: Callable[[Path], None], *,
                 now: dt.datetime | None = None, outcome: str = NOT_BACKED_UP,
                 told_about: Path | None = None, keep_unverified: bool = False,
                 make_folder: bool = True, target: Path | None = None,
                 progress: Progress | None = None) -> Backup:
    """``copy(partial)`` writes the book into ``partial``; it is verified and named.  A copy
    that fails its check is removed, or with ``keep_unverified`` named as unverified (the
    only copy of a broken book about to be replaced is worth keeping)."""
    taken = (now or dt.datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    made_folder = False
    partial: Path | None = None
    try:
        made_folder = _make_folder(folder, make_folder)
        target = target or _free_name(folder, book.name, taken, kind)
        partial = target.with_name(target.name + INCOMPLETE)
        copy(partial)
        if progress is not None:
            progress(1, 2)
        why = verify_backup(partial)
        if progress is not None:
            progress(2, 2)
        if why is not None and not keep_unverified:
            raise errors.BackupFailedCheck(book, reason=why)
        if why is not None:
            target = _free_name(folder, book.name, taken, kind, verified=False)
        _rename(partial, target)
        sync_folder(folder)
    except BaseException as exc:
        if partial is not None:
            remove_backup(partial)
        if made_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty
        if isinstance(exc, (BookError, OSError, sqlite3.Error)):
            raise _told(exc, book, folder, outcome, told_about) from exc
        raise
    return Backup(target, taken, kind, _size(target), verified=why is None)


def copy_book(book: Path, target: Path, *, read_only: errors.ReadOnly | None = None,
              wait: float = 5) -> None:
    """The whole of ``book``, its committed WAL content included, into a new file ``target``
    in rollback mode, synced to disk.  Errors are the driver's and the OS's, untranslated."""
    with contextlib.closing(access.connect(book, read_only, wait=wait)) as source, \
            contextlib.closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one file, readable read-only
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def list_backups(book: Path, folder: Path) -> list[Backup]:
    """The backups of ``book`` in ``folder``, and those earlier versions left beside the
    book, newest first."""
    found: list[tuple[Backup, int]] = []
    for place in dict.fromkeys((folder, book.parent)):
        for path in _entries(place):
            read = read_backup_name(path.name, book.name)
            if read is not None and path.is_file():
                taken, kind, verified = read
                written = path.stat().st_mtime_ns  # which of one second's came last
                found.append((Backup(path, taken, kind, _size(path), verified), written))
    found.sort(key=lambda pair: (pair[0].taken, pair[1], pair[0].path.name), reverse=True)
    return [backup for backup, _ in found]


def _rename(partial: Path, target: Path) -> None:
    """A raw copy keeps the broken book's log beside it, under the matching name."""
    wal = Path(f"{partial}-wal")
    if wal.exists():
        wal.replace(Path(f"{target}-wal"))
    Path(f"{partial}-shm").unlink(missing_ok=True)
    partial.replace(target)


def remove_backup(path: Path) -> None:
    """Delete a backup (or a partial one) and any journal SQLite left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _entries(folder: Path) -> Iterator[Path]:
    try:
        yield from folder.iterdir()
    except OSError:  # no folder (yet), or one that cannot be read: no backups there
        return


def _size(path: Path) -> int:
    wal = Path(f"{path}-wal")  # a raw copy of a broken book keeps its log beside it
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _make_folder(folder: Path, make: bool) -> bool:
    """Make ``folder`` if it is missing and it may be; whether this made it."""
    if folder.is_dir():
        return False
    if not make:
        raise errors.BackupFolderMissing(folder)
    try:
        folder.mkdir()
    except FileNotFoundError:
        raise errors.BackupFolderMissing(folder) from None
    return True


def _free_name(folder: Path, book_name: str, taken: dt.datetime, kind: BackupKind,
               verified: bool = True) -> Path:
    number = 1
    while True:
        candidate = folder / backup_name(book_name, taken, kind, verified=verified,
                                         number=number)
        if not (candidate.exists() or Path(f"{candidate}{INCOMPLETE}").exists()):
            return candidate
        number += 1


def sync_folder(folder: Path) -> None:
    """The rename reaches the disk too (POSIX: sync the directory; elsewhere not possible)."""
    with contextlib.suppress(OSError, AttributeError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _told(error: BaseException, book: Path, folder: Path, outcome: str,
          told_about: Path | None) -> BookError:
    if isinstance(error, BookError) and not isinstance(error, FileProblem):
        return error
    if isinstance(error, FileProblem):
        problem: BookError = error  # the probe's or the check's: about the book already
    elif isinstance(error, OSError):
        problem = os_problem(error, folder)
    else:
        problem = book_problem(error, folder)
    if not isinstance(problem, FileProblem):
        return problem
    if told_about is not None:
        return problem.restated(path=told_about, outcome=outcome)
    if problem.path == book or isinstance(problem, _THE_BOOKS):
        return problem.restated(path=book, outcome=outcome)
    if isinstance(problem, (errors.ReadOnly, errors.NoPermission)):
        return errors.BackupFolderUnwritable(folder, outcome=outcome)
    return problem.restated(path=folder, outcome=outcome)
