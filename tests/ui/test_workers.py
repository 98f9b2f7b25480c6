"""Long work runs off the GUI thread, reports progress and stops on Cancel."""

from __future__ import annotations

import threading
import time
import weakref

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ledgerdesk.ui.workers import run_in_background


def test_work_runs_on_another_thread_and_reports_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    results, threads = [], []

    def work(progress):
        threads.append(threading.get_ident())
        for step in range(5):
            progress(step, 5)
        return "done"

    run_in_background(parent, "Working…", work, results.append, results.append)
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert threads[0] != threading.get_ident()


def test_cancel_stops_the_work_at_its_next_step(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome, steps = [], []

    def work(progress):
        for step in range(1000):
            progress(step, 1000)
            steps.append(step)
            time.sleep(0.005)
        return "finished"

    task = run_in_background(parent, "Working…", work, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=5000)
    qtbot.waitUntil(task.dialog.isVisible, timeout=5000)  # shown after a moment
    qtbot.mouseClick(task.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outcome == ["Cancelled."], timeout=5000)
    assert len(steps) < 1000


def test_a_failure_is_reported_not_raised(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    failures = []

    def work(progress):
        raise OSError("disk full")

    run_in_background(parent, "Working…", work, lambda r: None, failures.append)
    qtbot.waitUntil(lambda: failures == ["disk full"], timeout=5000)


def test_the_cycle_collector_waits_while_work_runs_off_the_gui_thread(qtbot):
    """A collection frees Qt objects on whichever thread triggers it; freed off the GUI
    thread, they corrupt Qt (test_connections_dialog segfaulted about one run in six)."""
    import gc

    parent = QWidget()
    qtbot.addWidget(parent)
    assert gc.isenabled()
    during, results = [], []
    for n in (1, 2):
        run_in_background(parent, "Working…", lambda p, n=n: during.append(gc.isenabled()) or n,
                          results.append, results.append)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert during == [False, False] and sorted(results) == [1, 2]
    assert gc.isenabled()
    stopped = run_in_background(parent, "Three…", lambda p: 3, results.append, results.append)
    stopped.stop()  # before its answer arrives: collection resumes all the same
    assert gc.isenabled()


# ---- who outlives whom: each of these used to crash the process -----------------------------


def deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_dialog_held_only_by_its_callback_goes_once_the_answer_is_in(qtbot, no_gc,
                                                                       deliver_answer):
    """The callback is all that holds the dialog once the caller let go of it.  The task used
    to keep the callback until its own deferred deletion, which then destroyed the dialog,
    whose destructor deleted the task a second time: a segfault in QObject::~QObject."""
    dialog = QLabel()
    task = run_in_background(dialog, "Working…", lambda progress: "done", dialog.setText,
                             dialog.setText)
    gone = weakref.ref(dialog)
    deliver_answer(task, until=lambda: gone().text() == "done")
    del dialog, task
    deferred_deletes()  # the task's own, asked for when it delivered the answer
    assert gone() is None


def test_an_owner_deleted_while_the_work_runs_cancels_it_and_hears_nothing(qtbot):
    """Its thread used to be deleted with it while running: "QThread: Destroyed while thread
    is still running", and the process aborted."""
    owner = QWidget()
    go, ended, steps, heard = threading.Event(), threading.Event(), [], []

    def work(progress):
        try:
            assert go.wait(5)
            progress(1, 2)  # Cancelled: nobody is left to show or want the answer
            steps.append(1)
        finally:
            ended.set()

    run_in_background(owner, "Working…", work, heard.append, heard.append)
    owner.deleteLater()
    deferred_deletes()  # the owner goes while the work runs
    go.set()
    assert ended.wait(5)
    qtbot.wait(50)
    assert steps == [] and heard == []


def test_stop_waits_for_the_work_and_nobody_is_called_back(qtbot):
    """``stop()`` comes before the book closes: an answer delivered afterwards would have
    the page read a closed book."""
    owner = QWidget()
    qtbot.addWidget(owner)
    started, heard = threading.Event(), []

    def work(progress):
        started.set()
        for step in range(1000):
            progress(step, 1000)
            time.sleep(0.005)

    task = run_in_background(owner, "Working…", work, heard.append, heard.append)
    assert started.wait(5)
    task.stop()
    qtbot.wait(50)
    assert heard == []


def test_stop_tasks_stops_the_work_of_a_window_and_its_dialogs_only(qtbot):
    from ledgerdesk.ui.workers import running_tasks, stop_tasks

    window, elsewhere = QWidget(), QWidget()
    dialog = QWidget(window, Qt.WindowType.Dialog)  # a window of its own, inside the window
    for widget in (window, elsewhere):
        qtbot.addWidget(widget)
    release, heard = threading.Event(), []

    def work(progress):
        while not release.wait(0.01):
            progress(0, 1)
        return "done"

    mine = run_in_background(dialog, "Working…", work, heard.append, heard.append)
    theirs = run_in_background(elsewhere, "Working…", work, heard.append, heard.append)
    assert set(running_tasks()) == {mine, theirs}
    stop_tasks(window)
    assert running_tasks() == [theirs]
    release.set()
    qtbot.waitUntil(lambda: heard == ["done"], timeout=5000)
    assert not running_tasks()
