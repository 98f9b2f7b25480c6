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


def test_a_lists_contact_names_are_read_when_its_contact_field_is_first_used(
        qtbot, ui_session, two_invoices, monkeypatch):
    # A big book has thousands of contacts: opening or reloading a list reads none of
    # them; the contact filter reads them when it gets the focus, once per reload.
    import ledgerdesk.ui.book_pages as book_pages

    read, real = [], book_pages.contact_choices
    monkeypatch.setattr(book_pages, "contact_choices",
                        lambda *args: read.append(1) or real(*args))
    window = QMainWindow()
    qtbot.addWidget(window)
    view = BookView(ui_session, UndoStack(window), window)
    window.setCentralWidget(view)
    view.show_page(INVOICES)
    window.show()
    view.reload()
    assert read == []
    contact = view.invoices.bar.contact
    contact.setFocus()
    qtbot.waitUntil(lambda: read == [1], timeout=2000)
    assert contact.findText("Acme Retail") >= 0
    view.invoices.table.setFocus()
    view.reload()
    contact.setFocus()
    qtbot.waitUntil(lambda: read == [1, 1], timeout=2000)


def test_a_contact_name_typed_into_a_list_filter_is_found_without_the_focus(view):
    bar = view.invoices.bar
    bar.contact.lineEdit().setText("Acme Retail")
    bar.contact.lineEdit().editingFinished.emit()
    assert bar.message.text() == ""
    assert view.invoices.presenter.query.contact_id is not None
