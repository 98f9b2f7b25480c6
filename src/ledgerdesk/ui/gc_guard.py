"""Python's cycle collector runs on the GUI thread only.

A collection frees every unreachable cycle it finds, Qt objects included, on whichever
thread happens to allocate when it triggers, and a Qt object freed on a worker thread
corrupts Qt; the crash comes later, somewhere else.  So each worker of ours
(``workers.BackgroundTask``, ``loader.Loader``) calls ``pause`` on the GUI thread before its
thread starts and ``resume`` on the GUI thread when it is done: automatic collection is off
while any of them runs.  Memory is only freed later, never lost.  Measured on the connection
dialog tests (which segfaulted at random): 2 crashes in 40 runs with neither this nor
``BackgroundTask`` letting go of its callbacks, 1 in 40 with only this, 1 in 32 with only
that, none in 100 with both.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_running = 0
_was_enabled = False


def pause() -> None:
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()  # someone else may have turned it off: leave it so
            gc.disable()
        _running += 1


def resume() -> None:
    """Undo one ``pause``; the last one turns automatic collection back on."""
    global _running
    with _lock:
        if _running == 0:
            return
        _running -= 1
        if _running == 0 and _was_enabled:
            gc.enable()
