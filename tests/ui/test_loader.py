"""A page's reads run off the GUI thread, and only the newest request's answer is shown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from ledgerdesk.ui.loader import Loader

WAIT_S = 5


@pytest.fixture
def make_loader(qtbot):
    """``make_loader()``: a loader on a page, and the answers and failures it emits."""
    parent = QWidget()
    qtbot.addWidget(parent)

    def make() -> tuple[Loader, list, list]:
        loader = Loader(parent)
        loaded: list = []
        failed: list = []
        loader.loaded.connect(loaded.append)
        loader.failed.connect(failed.append)
        return loader, loaded, failed

    yield make
    for loader in parent.findChildren(Loader):
        loader.stop()


def start_blocked(qtbot, loader: Loader, answer: str) -> tuple[list[str], threading.Event]:
    """Load work that notes it ran, then waits for the returned event before answering;
    return once it is running (the names of the works that ran, and the event)."""
    ran: list[str] = []
    release = threading.Event()

    def work() -> str:
        ran.append(answer)
        assert release.wait(WAIT_S)
        return answer

    loader.load(work)
    qtbot.waitUntil(lambda: ran == [answer], timeout=WAIT_S * 1000)
    return ran, release


def quick(answer: str, ran: list[str]):
    return lambda: ran.append(answer) or answer


def test_the_work_runs_on_another_thread_and_its_answer_arrives_here(qtbot, make_loader):
    loader, loaded, _ = make_loader()
    threads: list[int] = []
    loader.loaded.connect(lambda _answer: threads.append(threading.get_ident()))
    loader.load(lambda: threads.append(threading.get_ident()) or "figures")
    assert loader.busy
    qtbot.waitUntil(lambda: loaded == ["figures"], timeout=WAIT_S * 1000)
    worker, receiver = threads
    assert worker != threading.get_ident() == receiver
    assert not loader.busy


def test_an_answer_to_an_older_request_is_dropped(qtbot, make_loader):
    loader, loaded, _ = make_loader()
    ran, release = start_blocked(qtbot, loader, "before the change")
    loader.load(quick("after the change", ran))
    release.set()
    qtbot.waitUntil(lambda: loaded == ["after the change"], timeout=WAIT_S * 1000)
    qtbot.wait(50)  # nothing else arrives late
    assert loaded == ["after the change"]
    assert ran == ["before the change", "after the change"]


def test_a_request_superseded_while_queued_never_runs(qtbot, make_loader):
    loader, loaded, _ = make_loader()
    ran, release = start_blocked(qtbot, loader, "first")
    loader.load(quick("second", ran))
    loader.load(quick("third", ran))
    release.set()
    qtbot.waitUntil(lambda: loaded == ["third"], timeout=WAIT_S * 1000)
    assert ran == ["first", "third"]


def test_stop_waits_for_the_running_read_and_delivers_nothing(qtbot, make_loader):
    loader, loaded, failed = make_loader()
    _ran, release = start_blocked(qtbot, loader, "late")
    threading.Timer(0.05, release.set).start()
    loader.stop()  # returns only once the read is over: the book may close now
    assert release.is_set() and not loader.busy
    qtbot.wait(50)
    assert loaded == [] and failed == []


def test_a_failure_is_reported_not_raised(qtbot, make_loader):
    loader, loaded, failed = make_loader()

    def work():
        raise OSError("disk I/O error")

    loader.load(work)
    qtbot.waitUntil(lambda: failed == ["disk I/O error"], timeout=WAIT_S * 1000)
    assert loaded == [] and not loader.busy


def test_the_cycle_collector_waits_while_a_read_runs(qtbot, make_loader) -> None:
    """See test_workers: a collection off the GUI thread frees Qt objects there."""
    import gc

    loader, loaded, _ = make_loader()
    during: list[bool] = []
    loader.load(lambda: during.append(gc.isenabled()) or "first")
    loader.load(lambda: during.append(gc.isenabled()) or "second")  # may supersede the first
    qtbot.waitUntil(lambda: loaded == ["second"], timeout=WAIT_S * 1000)
    qtbot.waitUntil(gc.isenabled, timeout=WAIT_S * 1000)
    assert during and not any(during)
    _, release = start_blocked(qtbot, loader, "third")
    assert not gc.isenabled()
    release.set()
    loader.stop()  # waits for the read; its answer is dropped, collection resumes anyway
    assert gc.isenabled()
