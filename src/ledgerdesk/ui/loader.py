"""``Loader``: a page's reads off the GUI thread, with only the newest answer delivered.

A page calls ``load(work)`` whenever it needs fresh figures; ``work()`` runs on a pool
thread of the loader's own (one at a time), and ``loaded`` or ``failed`` is emitted on the
GUI thread, only for the most recent request: an answer computed for an older revision of
the book, or for a request made before ``drop()``, is thrown away, and a request superseded
before it started never runs.  Reads go through the ``Book`` port, whose SQLAlchemy pool
checks out a SQLite connection for each read (``check_same_thread`` is off and Python's
sqlite3 is built serialised), so no connection is used by two threads at once.

The owner must call ``stop()`` before the book the work reads is closed (the main window
does, through ``BookView.stop()``, whenever it drops a book's view): it drops what is
pending and waits for the running read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ledgerdesk.ui import gc_guard


class _Relay(QObject):
    """Carries an answer from the pool thread to the loader (a queued connection)."""

    done = Signal(int, bool, object)  # generation, succeeded, result or message


class _Read(QRunnable):
    def __init__(self, work: Callable[[], Any], generation: int, loader: Loader) -> None:
        super().__init__()
        self._work, self._generation, self._loader = work, generation, loader
        self._relay = loader._relay

    def run(self) -> None:
        if not self._loader._is_current(self._generation):
            # superseded while queued: nobody wants this answer, but the loader counts it
            self._relay.done.emit(self._generation, False, "superseded")
            return
        try:
            result = self._work()
        except Exception as exc:  # shown on the page; never kill the app from a thread
            self._relay.done.emit(self._generation, False, str(exc) or type(exc).__name__)
        else:
            self._relay.done.emit(self._generation, True, result)


class Loader(QObject):
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # first child: deleted (and waited for) first
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._lock = threading.Lock()
        self._generation = 0
        self._waiting = False  # an answer is due (not yet delivered, not dropped)
        self._unanswered: set[int] = set()  # reads started, not yet back (see gc_guard)

    @property
    def busy(self) -> bool:
        return self._waiting

    def load(self, work: Callable[[], Any]) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        self._waiting = True
        gc_guard.pause()  # no collection off the GUI thread while the read runs
        self._unanswered.add(generation)
        self._pool.start(_Read(work, generation, self))

    def drop(self) -> None:
        """Forget every request made so far: their answers will not be delivered."""
        with self._lock:
            self._generation += 1
        self._waiting = False

    def stop(self) -> None:
        """Drop what is pending and wait for a running read to finish."""
        self.drop()
        self._pool.waitForDone()
        for _ in self._unanswered:  # their answers may never arrive: the loader may go
            gc_guard.resume()
        self._unanswered.clear()

    def _is_current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    @Slot(int, bool, object)
    def _done(self, generation: int, succeeded: bool, result: object) -> None:
        if generation in self._unanswered:
            self._unanswered.discard(generation)
            gc_guard.resume()
        if not self._is_current(generation):
            return
        self._waiting = False
        if succeeded:
            self.loaded.emit(result)
        else:
            self.failed.emit(str(result))
