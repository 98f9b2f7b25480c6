"""``BookRevision``: a number that changes after every commit to a book file, by anyone.

Views reload when the revision they drew differs from the book's.  Commits made through this
``SqliteBook`` are counted as they happen.  Commits by other connections (a second window on
the same file, another process, the command line) are noticed through ``PRAGMA data_version``,
which changes only when *another* connection has committed, so it is read on a dedicated
connection of its own that never writes.

That connection opens lazily, at the first read of the revision, and ``suspend()`` closes it:
any open connection, even an idle one, stops a fresh bulk load from taking the file for
itself (``storage.fresh_load``).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class BookRevision:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._value = 0
        self._watch: sqlite3.Connection | None = None
        self._seen: int | None = None  # data_version at the last look, None when not watching
        self._suspended = False

    @property
    def value(self) -> int:
        with self._lock:
            current = self._data_version()
            if current is None:
                return self._value
            changed = current != self._seen if self._seen is not None else self._suspended
            if changed:  # after a suspension, commits may have gone unseen: assume one did
                self._value += 1
            self._seen, self._suspended = current, False
            return self._value

    def bump(self) -> None:
        """After a commit made here.  Re-reading data_version counts that commit only once:
        a commit by others before this read is covered by this bump, any later one by
        the next change of data_version."""
        with self._lock:
            self._value += 1
            if self._watch is not None:
                self._seen = self._data_version()

    def suspend(self) -> None:
        """Close the watching connection; the next read of ``value`` reopens it."""
        with self._lock:
            self._suspended = self._suspended or self._watch is not None
            self._close()

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
            self._seen = None

    def _data_version(self) -> int | None:
        """None while the file is locked exclusively (a fresh load): nothing to see yet."""
        try:
            if self._watch is None:
                self._watch = sqlite3.connect(
                    self._path, timeout=0, isolation_level=None, check_same_thread=False
                )
                self._watch.execute("PRAGMA query_only = ON")
            return self._watch.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.OperationalError:
            return None
