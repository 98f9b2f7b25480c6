"""Long work runs off the GUI thread, reports progress and stops on Cancel."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

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
