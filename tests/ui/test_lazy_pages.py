"""An open book builds a page the first time it is shown: opening one builds the list it
opens on, and every other page waits, each in its own place in the navigation, named for a
screen reader, and built once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow, QWidget

from ledgerdesk.ui.book_pages import ACCOUNTS, INVOICES, JOURNALS, PAGES, REPORTS
from ledgerdesk.ui.book_view import BookView
from ledgerdesk.ui.undo import UndoStack
from ledgerdesk.ui.views.list_page import ListPage


@pytest.fixture
def view(qtbot, ui_session, two_invoices):
    window = QMainWindow()
    qtbot.addWidget(window)
    book_view = BookView(ui_session, UndoStack(window), window)
    window.setCentralWidget(book_view)
    book_view.show_page(INVOICES)  # as the window opens a book
    window.show()
    return book_view


def built(view: BookView) -> list[int]:
    return [index for index in range(len(PAGES))
            if type(view.pages.widget(index)) is not QWidget]


def test_opening_on_a_list_builds_that_list_only(view):
    assert built(view) == [INVOICES]
    assert isinstance(view.current_page(), ListPage)
    assert view.current_page().table.model().rowCount() == 2  # it did load


def test_a_page_is_built_where_the_navigation_says_and_once(view):
    view.show_page(REPORTS)
    reports = view.current_page()
    assert view.pages.indexOf(reports) == REPORTS
    assert reports is view.reports
    assert reports.accessibleName() == "Reports"
    view.show_page(ACCOUNTS)
    view.show_page(REPORTS)
    assert view.current_page() is reports
    assert built(view) == [INVOICES, REPORTS, ACCOUNTS]
    assert view.pages.count() == len(PAGES)


def test_asking_for_a_page_by_name_builds_it_without_showing_it(view):
    journals = view.journals
    assert view.current_page() is view.invoices
    assert view.pages.indexOf(journals) == JOURNALS
    view.show_page(JOURNALS)
    assert view.current_page() is journals


def test_stopping_the_view_builds_nothing(view):
    view.stop()
    assert built(view) == [INVOICES]
