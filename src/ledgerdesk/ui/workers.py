"""Long work off the GUI thread, with a progress dialog and a Cancel button.

``run_in_background(owner, …)`` runs ``work(progress)`` on a ``QThread``; ``progress(done,
total)`` updates the dialog and raises ``Cancelled`` once the user has pressed Cancel, so the
work stops at its next step (and cleans up after itself, e.g. deletes a half-built book).

Who keeps what alive, and why (each rule was a crash):

- A task is a child of the application, not of its owner, and is listed in ``running_tasks()``
  until its thread has ended.  As a child of its owner, it and its ``QThread`` died with the
  owner: a thread destroyed while it runs aborts the process.  Now an owner deleted mid-work
  only cancels the work, and nobody is called back (the callbacks would touch dead widgets).
- Once the outcome is delivered (or ``stop()`` returns) the task lets go of the callbacks and
  of the work.  It used to keep them until its own ``deleteLater``, and a callback closing over
  a dialog nobody else held (a lambda over ``self``) made that deletion destroy the dialog,
  whose destructor deleted its children, the task among them, a second time: a segfault.
- Python's cycle collector waits while the work runs (``gc_guard``), so it never frees a Qt
  object off the GUI thread.
- ``stop_tasks(widget)`` cancels and waits for the work started for ``widget`` or for a widget
  inside it: before a view closes its book, before the window goes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ledgerdesk.domain.i18n import _
from ledgerdesk.ui import gc_guard

Progress = Callable[[int, int], None]

_running: set[BackgroundTask] = set()


class Cancelled(Exception):
    """The user pressed Cancel."""


class Job(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work: Callable[[Progress], Any] | None = work
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    def forget_work(self) -> None:
        """Once run() has returned: drop the work and whatever it closes over."""
        self._work = None

    @Slot()
    def run(self) -> None:
        assert self._work is not None
        try:
            result = self._work(self._progress)
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
    """Lives on the GUI thread: owns the thread and the job, shows the progress dialog.

    The job's signals reach this object's slots through queued connections, so the
    callbacks and every widget update run on the GUI thread.
    """

    def __init__(
        self,
        owner: QWidget,
        label: str,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[str], None],
        *,
        quiet: bool = False,
    ) -> None:
        super().__init__(QCoreApplication.instance())
        self._owner: QWidget | None = owner
        self._callbacks: tuple[Callable[[Any], None], Callable[[str], None]] | None = (
            on_success, on_failure)
        self._ended = False
        self._paused = False  # collection is paused for this task (see gc_guard)
        self.job = Job(work)
        self._thread = QThread(self)
        self.job.moveToThread(self._thread)
        # Quiet work (the daily backup) shows no dialog: a window-modal one would stop the
        # user working while it runs; the caller says in the status bar what happens.
        self.dialog: QProgressDialog | None = None
        if not quiet:
            self.dialog = QProgressDialog(label, _("Cancel"), 0, 0, owner)
            self.dialog.setWindowTitle(_("Ledgerdesk"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(400)
            # Not a queued slot of the job: its thread is busy running the work, so the
            # request must be set directly (a thread-safe Event) for the next progress().
            self.dialog.canceled.connect(self._cancel)
        owner.destroyed.connect(self._orphaned)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self._thread.started.connect(self.job.run)

    def start(self) -> None:
        _running.add(self)
        gc_guard.pause()  # no collection off the GUI thread while the work runs
        self._paused = True
        self._thread.start()

    def belongs_to(self, widget: QWidget) -> bool:
        """Started for ``widget`` or a widget inside it (a dialog of its window counts)."""
        node: QObject | None = self._owner
        while node is not None:
            if node is widget:
                return True
            node = node.parent()
        return False

    @Slot()
    def _cancel(self) -> None:
        self.job.cancel()

    def stop(self) -> None:
        """Cancel and wait for the work to end; nobody is called back afterwards."""
        self._callbacks = None
        self.job.cancel()
        self._end()

    @Slot()
    def _orphaned(self) -> None:
        """The owner (and with it the progress dialog) is gone: stop at the next step."""
        self._owner = None
        self._callbacks = None
        self.job.cancel()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if (total > 0 and self._owner is not None and not self._ended
                and self.dialog is not None):
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._deliver(0, result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._deliver(1, message)

    @Slot()
    def _cancelled(self) -> None:
        self._deliver(1, _("Cancelled."))

    def _deliver(self, which: int, outcome: Any) -> None:
        callbacks, self._callbacks = self._callbacks, None
        self._end()
        if callbacks is not None:
            callbacks[which](outcome)

    def _end(self) -> None:
        if self._ended:
            return
        self._ended = True
        self._thread.quit()  # the thread's loop ends once the work has returned
        self._thread.wait()
        self.job.forget_work()  # what the work held is let go here, on the GUI thread
        if self._paused:
            self._paused = False
            gc_guard.resume()
        if self._owner is not None and self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()  # a child of the owner: else one is left per task
        self._owner = None
        _running.discard(self)
        self.deleteLater()


def run_in_background(
    owner: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
    *,
    quiet: bool = False,
) -> BackgroundTask:
    """Start ``work`` on a thread; show progress after a moment (never, when ``quiet``);
    call back on the GUI thread."""
    task = BackgroundTask(owner, label, work, on_success, on_failure, quiet=quiet)
    task.start()
    return task


def running_tasks() -> list[BackgroundTask]:
    """The tasks whose work has not ended yet (or not been waited for)."""
    return list(_running)


def stop_tasks(within: QWidget | None = None) -> None:
    """Cancel and wait for the work started for ``within`` or a widget inside it (all work
    when ``None``, including work whose owner is already gone)."""
    for task in running_tasks():
        if within is None or task.belongs_to(within):
            task.stop()
