"""Every SQLite and OS error that can reach a user becomes one named problem: one line that
names the file and says what to do, and "damaged" only when SQLite says the file is."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy.exc

from fault_injection import sqlite_error
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.storage import errors
from ledgerdesk.storage.failures import SAVED_NOTHING, book_problem

PATH = Path("/srv/books/acme.book")


def coded(cls: type[sqlite3.Error], message: str, code: int) -> sqlite3.Error:
    error = cls(message)
    error.sqlite_errorcode = code
    return error


CASES = [
    (sqlite_error("full"), errors.DiskFull),
    (sqlite3.OperationalError("database or disk is full"), errors.DiskFull),  # no code
    (OSError(errno.ENOSPC, "No space left on device"), errors.DiskFull),
    (OSError(errno.EDQUOT, "Disk quota exceeded"), errors.DiskFull),
    (sqlite_error("readonly"), errors.ReadOnly),
    (OSError(errno.EROFS, "Read-only file system"), errors.ReadOnly),
    (coded(sqlite3.OperationalError, "database is locked", sqlite3.SQLITE_BUSY), errors.Locked),
    (coded(sqlite3.DatabaseError, "database disk image is malformed", sqlite3.SQLITE_CORRUPT),
     errors.Damaged),
    (coded(sqlite3.DatabaseError, "file is not a database", sqlite3.SQLITE_NOTADB),
     errors.Damaged),
    (sqlite_error("ioerr"), errors.DiskError),
    (OSError(errno.EIO, "Input/output error"), errors.DiskError),
    (OSError(errno.EACCES, "Permission denied"), errors.NoPermission),
    (coded(sqlite3.OperationalError, "access permission denied", sqlite3.SQLITE_PERM),
     errors.NoPermission),
    (OSError(errno.ENOENT, "No such file or directory"), errors.Missing),
    # Not every DatabaseError is damage: only SQLITE_CORRUPT and SQLITE_NOTADB are.
    (sqlite3.OperationalError("no such table: payments"), errors.StorageFailed),
    (sqlite3.DatabaseError("something unexpected"), errors.StorageFailed),
    (coded(sqlite3.OperationalError, "out of memory", sqlite3.SQLITE_NOMEM),
     errors.StorageFailed),
]


@pytest.mark.parametrize(("error", "named"), CASES, ids=lambda c: getattr(c, "__name__", None))
def test_each_error_is_its_named_problem_in_one_line(error, named):
    problem = book_problem(error, PATH, wait=30)
    assert type(problem) is named
    assert isinstance(problem, errors.BookError) and isinstance(problem, BookFailure)
    message = str(problem)
    assert str(PATH) in message and "\n" not in message and message.endswith(".")
    assert ("damaged" in message) == (named is errors.Damaged)
    assert problem.path == PATH


def test_sqlalchemy_wraps_the_same_errors():
    wrapped = sqlalchemy.exc.OperationalError("COMMIT", None, sqlite_error("full"))
    assert type(book_problem(wrapped, PATH)) is errors.DiskFull


@pytest.mark.parametrize(("problem", "sentence"), [
    (errors.DiskFull(PATH, outcome=SAVED_NOTHING),
     f"The disk holding {PATH} is full, so nothing was saved. "
     "Free some space on it and try again."),
    (errors.Locked(PATH, wait=30, outcome=SAVED_NOTHING),
     f"Another program is writing to {PATH}; Ledgerdesk waited 30 seconds for it to finish, "
     "so nothing was saved. Close the other program, or try again when it is done."),
    (errors.Locked(PATH, wait=0.2), f"Another program is writing to {PATH}; Ledgerdesk waited "
     "0.2 seconds for it to finish. Close the other program, or try again when it is done."),
    (errors.ReadOnly(PATH), f"{PATH} is read-only: Ledgerdesk can show it but not change it. "
     "Make the file writable, or copy it to a folder you can write to."),
    (errors.Damaged(PATH, reason="SQLite: database disk image is malformed"),
     f"{PATH} is damaged (SQLite: database disk image is malformed); "
     f"`ledgerdesk check {PATH}` explains."),
])
def test_the_sentences_the_user_reads(problem, sentence):
    assert str(problem) == sentence


def test_a_problem_can_be_restated_for_the_file_the_user_named():
    """The demo is built beside its target: its problem names the target."""
    building = PATH.with_name("acme.book.building")
    problem = errors.DiskFull(building, outcome=SAVED_NOTHING)
    restated = problem.restated(path=PATH, outcome=", so the book was not created")
    assert type(restated) is errors.DiskFull and restated.path == PATH
    assert str(restated).startswith(f"The disk holding {PATH} is full, so the book was not")
