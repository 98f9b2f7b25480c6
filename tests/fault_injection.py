"""Fault injection for the storage tests: SQLite fails at the Nth step of a write.

``Faults.install(monkeypatch)`` makes every ``sqlite3.connect`` (SQLAlchemy's, the probe's,
the backup's) return a ``FaultyConnection``.  A *write step* is any statement run between a
``BEGIN IMMEDIATE`` and the end of that transaction, the ``COMMIT`` itself, and a backup:
exactly the places where a full disk, a failing disk or a file made read-only meanwhile
shows up.  Unarmed, the connections only count the steps; armed with ``fail_at(n, error)``,
the nth step raises ``error`` instead of running, as SQLite would.
"""

from __future__ import annotations

import sqlite3
import sqlite3.dbapi2
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

#: What SQLite says, with its result code, for each failure the tests inject.
ERRORS: dict[str, tuple[str, int]] = {
    "full": ("database or disk is full", sqlite3.SQLITE_FULL),
    "ioerr": ("disk I/O error", sqlite3.SQLITE_IOERR),
    "readonly": ("attempt to write a readonly database", sqlite3.SQLITE_READONLY),
}


def sqlite_error(kind: str) -> sqlite3.OperationalError:
    """The exception SQLite's driver raises for ``kind`` (a key of ``ERRORS``)."""
    message, code = ERRORS[kind]
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    error.sqlite_errorname = {sqlite3.SQLITE_FULL: "SQLITE_FULL",
                              sqlite3.SQLITE_IOERR: "SQLITE_IOERR",
                              sqlite3.SQLITE_READONLY: "SQLITE_READONLY"}[code]
    return error


class Faults:
    """Counts write steps on every connection; raises at the armed one."""

    def __init__(self) -> None:
        self.steps = 0
        self.fail_step: int | None = None
        self.error: Callable[[], Exception] = lambda: sqlite_error("full")
        self.failed: list[str] = []  # the statements that were made to fail

    def install(self, monkeypatch: Any) -> Faults:
        real = sqlite3.connect

        def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            kwargs.setdefault("factory", FaultyConnection)
            conn = real(*args, **kwargs)
            if isinstance(conn, FaultyConnection):
                conn.faults = self
            return conn

        monkeypatch.setattr(sqlite3, "connect", connect)
        monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)
        return self

    def count(self) -> None:
        """Count steps from zero, failing none."""
        self.steps, self.fail_step, self.failed = 0, None, []

    def fail_at(self, step: int, kind: str = "full") -> None:
        """The ``step``-th write step from now (1 is the first) raises a ``kind`` error."""
        self.steps, self.fail_step, self.failed = 0, step, []
        self.error = lambda: sqlite_error(kind)

    def step(self, what: str) -> None:
        self.steps += 1
        if self.steps == self.fail_step:
            self.failed.append(what)
            raise self.error()


class FaultyCursor(sqlite3.Cursor):
    def execute(self, sql: str, *args: Any) -> Any:
        self.connection.before(sql)
        return super().execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        self.connection.before(sql)
        return super().executemany(sql, *args)


class FaultyConnection(sqlite3.Connection):
    faults: Faults | None = None
    writing = False

    def before(self, sql: str) -> None:
        words = [word.upper() for word in sql.split(None, 2)[:2]]
        if words in (["BEGIN", "IMMEDIATE"], ["BEGIN", "EXCLUSIVE"]):
            self.writing = True
        elif words[:1] == ["ROLLBACK"]:  # undoing is never the step that fails
            self.writing = False
        if self.writing and self.faults is not None:
            self.faults.step(sql)
        if words[:1] in (["COMMIT"], ["END"]):
            self.writing = False

    def cursor(self, factory: Any = None) -> Any:
        return super().cursor(factory or FaultyCursor)

    def execute(self, sql: str, *args: Any) -> Any:
        self.before(sql)
        return super().execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        self.before(sql)
        return super().executemany(sql, *args)

    def executescript(self, sql: str) -> Any:
        self.before(sql)
        return super().executescript(sql)

    def commit(self) -> None:
        if self.writing and self.in_transaction and self.faults is not None:
            self.faults.step("COMMIT")
        self.writing = False
        super().commit()

    def rollback(self) -> None:
        self.writing = False
        super().rollback()

    def backup(self, target: Any, *args: Any, **kwargs: Any) -> None:
        if self.faults is not None:
            self.faults.step("BACKUP")
        super().backup(target, *args, **kwargs)


def flip_page_byte(path: Path, table: str, offset: int = 0) -> None:
    """XOR one byte of ``table``'s root page (at ``offset`` 0, its page type): bit rot that
    SQLite notices the moment it reads the table."""
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                               (table,)).fetchone()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size + offset] ^= 0xFF
    path.write_bytes(bytes(data))
