"""Long work off the GUI thread, with a progress dialog and a Cancel button.

``run_in_background`` runs ``work(progress)`` on a ``QThread``; ``progress(done, total)``
updates the dialog and raises ``Cancelled`` once the user has pressed Cancel, so the work
stops at its next step (and cleans up after itself, e.g. deletes a half-built book).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ledgerdesk.ui import gc_guard

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The user pressed Cancel."""


class Job(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    @Slot()
    def run(self) -> None:
        work, self._work = self._work, _done_already  # its closures may hold widgets: let go
        try:
            result = work(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # shown to the user; never kill the app from a thread
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


class BackgroundTask(QObject):
    """Lives on the GUI thread: owns the thread, the job and the progress dialog.

    The job's signals reach this object's slots through queued connections, so the
    callbacks and every widget update run on the GUI thread.
    """

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._on_success, self._on_failure = on_success, on_failure
        self._paused = False  # collection is paused for this task (see gc_guard)
        self.job = Job(work)
        self._thread = QThread(self)
        self.job.moveToThread(self._thread)
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("Ledgerdesk")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        # Not a queued slot of the job: its thread is busy running the work, so the request
        # must be set directly (a thread-safe Event) for the next progress() to see it.
        self.dialog.canceled.connect(self._cancel)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self._thread.started.connect(self.job.run)

    def start(self) -> None:
        gc_guard.pause()  # no collection off the GUI thread while the work runs
        self._paused = True
        self._thread.start()

    def _resume_gc(self) -> None:
        if self._paused:
            self._paused = False
            gc_guard.resume()

    @Slot()
    def _cancel(self) -> None:
        self.job.cancel()

    def wait(self) -> None:
        self._thread.wait()

    def stop(self) -> None:
        """Cancel and wait for the work to end; its callbacks are not called any more (the
        window or page that asked is going away)."""
        self._on_success, self._on_failure = _ignore, _ignore
        self.job.cancel()
        self._thread.quit()  # the thread's loop ends once the work has returned
        self._thread.wait()
        self._resume_gc()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._finish()[0](result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._finish()[1](message)

    @Slot()
    def _cancelled(self) -> None:
        self._finish()[1]("Cancelled.")

    def _finish(self) -> tuple[Callable[[Any], None], Callable[[str], None]]:
        """Close the dialog, end the thread, and hand over the callbacks: the task keeps no
        reference to them (they hold the parent window), so no cycle through it is left for
        Python's collector to free at some random moment while Qt deletes the task."""
        callbacks = self._on_success, self._on_failure
        self._on_success, self._on_failure = _ignore, _ignore
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()  # parented to the window: else one is left per task
        self._thread.quit()
        self._thread.wait()
        self._resume_gc()
        self.deleteLater()
        return callbacks


def _ignore(_answer: object) -> None:
    """A callback for an answer that arrives after the task has finished (never used)."""


def _done_already(_progress: Progress) -> None:
    raise RuntimeError("this work has already run")


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
) -> BackgroundTask:
    """Start ``work`` on a thread; show progress after a moment; call back on the GUI thread."""
    task = BackgroundTask(parent, label, work, on_success, on_failure)
    task.start()
    return task
