"""The main window on a demo book: pages, SQL-paged lists, sorting, filtering, undo."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyleOptionHeader

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.app.files import build_demo_book
from ledgerdesk.presentation.session import BookFileError
from ledgerdesk.services.list_queries import StatusFilter
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.models.paged import PAGE, Role
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.workers import run_in_background

TODAY = dt.date(2024, 6, 30)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.book"
    build_demo_book(path, company="Demo Co", currency="EUR", size=0, seed=3, today=TODAY)
    return path


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    main = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                      clock=lambda: TODAY, system_locale="en_US")
    qtbot.addWidget(main)
    main.show()
    assert main.open_path(demo_path)
    return main


def test_opens_on_the_invoice_list_with_the_book_in_the_title(window):
    view = window.book_view
    assert view.current_page() is view.invoices
    assert "Demo Co" in window.windowTitle()
    assert "Demo Co" in window.book_label.text()
    model = view.invoices.model
    assert model.rowCount() == view.invoices.presenter.count() > 0
    assert view.invoices.count_label.text().endswith("invoices")


def test_sorting_by_a_header_orders_real_values_in_sql(qtbot, window):
    page = window.book_view.invoices
    total = [c.key for c in page.presenter.columns].index("total")
    page.table.horizontalHeader().sectionClicked.emit(total)
    values = [page.model.index(r, total).data(Role.SORT) for r in range(page.model.rowCount())]
    assert values == sorted(values) and len(set(values)) > 1
    page.table.horizontalHeader().sectionClicked.emit(total)  # again: descending
    first = page.model.index(0, total).data(Role.SORT)
    assert first == max(values)


def test_filters_by_status_and_text(qtbot, window):
    page = window.book_view.invoices
    every = page.model.rowCount()
    page.apply_filter(status=StatusFilter.OVERDUE)
    overdue = page.model.rowCount()
    assert 0 < overdue < every
    status = [c.key for c in page.presenter.columns].index("status")
    assert {page.model.index(r, status).data() for r in range(overdue)} == {"⚠ Overdue"}
    page.apply_filter(status=StatusFilter.ALL)
    name = page.model.index(0, 1).data()
    qtbot.keyClicks(page.search, name[:6])
    qtbot.waitUntil(lambda: page.model.rowCount() < every, timeout=2000)
    rows = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert rows and all(name[:6].lower() in row.lower() for row in rows)


def test_every_page_has_a_shortcut_and_shows_its_list(qtbot, window):
    shortcuts = {window.actions[name].shortcut().toString()
                 for name in ("go_dashboard", "go_invoices", "go_bills", "go_credit_notes",
                              "go_payments", "go_contacts")}
    assert shortcuts == {f"Ctrl+{n}" for n in range(1, 7)}
    window.actions["go_payments"].trigger()
    assert window.book_view.current_page() is window.book_view.payments
    assert window.book_view.payments.model.rowCount() > 0
    window.actions["go_contacts"].trigger()
    assert window.book_view.contacts.model.rowCount() > 0
    window.actions["go_dashboard"].trigger()
    dashboard = window.book_view.dashboard
    qtbot.waitUntil(lambda: "overdue on" in dashboard.tiles[0].detail.text())


@pytest.mark.parametrize("page_name", ["invoices", "bills", "credits", "payments", "contacts"])
def test_every_list_model_passes_qtmodeltester(qtmodeltester, window, page_name):
    page = getattr(window.book_view, page_name)
    page.reload()
    qtmodeltester.check(page.model)


def test_a_row_far_down_is_fetched_on_demand(window):
    model = window.book_view.invoices.model
    last = model.rowCount() - 1
    assert model.index(last, 0).data()  # fetched though never scrolled to
    assert len(model._pages) <= 1 + last // PAGE + 1


def test_closing_the_book_returns_to_the_welcome_screen_with_it_in_recent(window, demo_path):
    window.actions["close_book"].trigger()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.count() == 1
    assert demo_path.name in window.welcome.recent.item(0).text()
    assert not window.actions["record_payment"].isEnabled()


def test_closing_the_book_during_an_export_stops_the_export_first(window, qtbot):
    """Work the book's view started (an export, as File > Export… starts it) is cancelled and
    waited for when the book closes; the view is deleted next, and its running thread with
    it used to abort the process ("QThread: Destroyed while thread is still running")."""
    started, steps, heard = threading.Event(), [], []

    def export(progress):
        started.set()
        for step in range(10_000):
            progress(step, 10_000)
            steps.append(step)
            time.sleep(0.002)
        return "exported"

    run_in_background(window.book_view, "Exporting…", export, heard.append, heard.append)
    assert started.wait(5)
    window.actions["close_book"].trigger()
    qtbot.wait(50)  # the view's deferred deletion
    assert window.stack.currentWidget() is window.welcome
    assert heard == [] and len(steps) < 10_000


def test_a_foreign_file_is_refused_with_a_message(tmp_path):
    path = tmp_path / "notes.book"
    path.write_text("not a book\n" * 50)
    with pytest.raises(BookFileError) as error:
        StorageBookFiles().open(path)
    assert "\n" not in str(error.value)


def test_geometry_is_remembered(qtbot, tmp_path):
    prefs = Preferences.at(tmp_path / "prefs.ini")
    first = MainWindow(StorageBookFiles(), prefs, system_locale="en_US")
    qtbot.addWidget(first)
    first.show()
    first.resize(900, 590)  # the offscreen screen is only 800 x 600
    first.close()
    second = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                        system_locale="en_US")
    qtbot.addWidget(second)
    second.show()
    assert second.height() == 590  # not the first-run default of 760


def test_enter_on_a_row_opens_its_editor(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(window.book_view, "edit_document",
                        lambda kind, document_id: opened.append(document_id))
    page = window.book_view.invoices
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.index(0, 0).data(Role.ENTITY).id]


def test_menu_actions_reach_the_book_open_now_after_reopening(qtbot, window, demo_path):
    """Actions outlive each book's view; they must drive the current one, not a closed one."""
    window.actions["close_book"].trigger()
    qtbot.wait(50)  # the closed book's view is deleted
    assert window.open_path(demo_path)
    qtbot.wait(50)
    window.actions["go_payments"].trigger()
    window.actions["refresh"].trigger()
    assert window.book_view.current_page() is window.book_view.payments


def test_the_sort_arrow_says_the_order_the_rows_are_in(qtbot, window):
    page = window.book_view.invoices
    header = page.table.horizontalHeader()
    issued = [c.key for c in page.presenter.columns].index("issued")
    arrows = []
    for _ in range(3):  # newest first when opened, then each click flips it
        dates = [page.model.index(r, issued).data(Role.SORT)
                 for r in range(page.model.rowCount())]
        assert len(set(dates)) > 1
        newest_first = dates == sorted(dates, reverse=True)
        assert newest_first or dates == sorted(dates)
        assert header.sortIndicatorSection() == issued
        assert header.sortIndicatorOrder() == (Qt.SortOrder.DescendingOrder if newest_first
                                               else Qt.SortOrder.AscendingOrder)
        option = QStyleOptionHeader()
        header.initStyleOptionForIndex(option, issued)  # what the style is asked to paint
        down = QStyleOptionHeader.SortIndicator.SortDown
        assert (option.sortIndicator == down) is newest_first
        arrows.append(option.sortIndicator)
        x = header.sectionViewportPosition(issued) + header.sectionSize(issued) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert arrows[0] == down and arrows[1] != down and arrows[2] == down


def test_every_go_shortcut_shows_the_page_it_names(window):
    """Ctrl+1…9, then Ctrl+0, follow the navigation list's order: Reports 7, Sync 8,
    Accounts 9, Journals 0."""
    from ledgerdesk.ui.actions import GO_ACTIONS
    from ledgerdesk.ui.book_view import PAGES

    view = window.book_view
    for index, name in enumerate(GO_ACTIONS):
        window.actions[name].trigger()
        assert view.nav.currentItem().text() == PAGES[index]
        assert window.actions[name].shortcut().toString() == f"Ctrl+{(index + 1) % 10}"


def test_closing_the_window_stops_work_still_running_in_the_background(qtbot, window):
    """Ctrl+C while the demo book was still being built left its thread running as the
    window went, and Qt aborted the process ("QThread: Destroyed while thread is still
    running") instead of exiting with 130."""
    import threading

    from ledgerdesk.ui.workers import Cancelled, run_in_background

    started, stopped, answers = threading.Event(), [], []

    def work(progress):
        started.set()
        try:
            for step in range(10_000):
                progress(step, 10_000)
                threading.Event().wait(0.01)
        except Cancelled:
            stopped.append(step)
            raise
        return "finished"

    run_in_background(window, "Working…", work, answers.append, answers.append)
    assert started.wait(5)
    window.close()
    assert stopped  # the work ended at its next step, before the window went
    qtbot.wait(50)
    assert answers == []  # nobody is told: the window that asked is closed
