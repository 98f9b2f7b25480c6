"""The invoice list's filter bar in the window: what the table shows is what plain SQL
says, every field is reachable by key, a bad date changes nothing, Clear shows all."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from key_helpers import key as press
from key_helpers import type_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.app.files import build_demo_book
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.theme import wrong_field_style

TODAY = dt.date(2024, 6, 30)

#: Paid sales invoices of one customer issued in a range, newest first: the list's answer
#: written directly against the schema, without the app's query builder.
PAID_INVOICES_SQL = """
    SELECT d.id FROM documents AS d
    WHERE d.kind = 'SALES_INVOICE' AND d.lifecycle = 'AUTHORISED' AND d.contact_id = ?
      AND d.issue_date BETWEEN ? AND ?
      AND d.total_minor = (SELECT COALESCE(SUM(a.amount_minor), 0) FROM allocations AS a
                           WHERE a.document_id = d.id AND a.voided = 0)
    ORDER BY d.issue_date DESC, d.id DESC
"""


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("filters") / "demo.book"
    build_demo_book(path, company="Demo Co", currency="EUR", size=0, seed=5, today=TODAY)
    return path


@pytest.fixture
def page(qtbot, tmp_path, demo_path):
    window = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                        clock=lambda: TODAY, system_locale="de_DE")
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_path)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window.book_view.invoices
    window.close()


def shown_ids(page) -> list[int]:
    model = page.model
    return [model.index(row, 0).data(Role.ENTITY).id for row in range(model.rowCount())]


def sql_answer(path: Path, contact_id: int, first: dt.date, last: dt.date) -> list[int]:
    with sqlite3.connect(path) as raw:
        rows = raw.execute(PAID_INVOICES_SQL, (contact_id, first.isoformat(), last.isoformat()))
        return [row[0] for row in rows]


def busiest_paid_customer(path: Path) -> tuple[int, str, list[str]]:
    """The customer with the most paid invoices: id, name, and their issue dates."""
    with sqlite3.connect(path) as raw:
        contact_id, name = raw.execute(
            "SELECT c.id, c.name FROM contacts AS c JOIN documents AS d ON d.contact_id = c.id"
            " WHERE d.kind = 'SALES_INVOICE' GROUP BY c.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        days = [row[0] for row in raw.execute(
            "SELECT issue_date FROM documents WHERE contact_id = ? AND kind = 'SALES_INVOICE'"
            " ORDER BY issue_date", (contact_id,))]
    return contact_id, name, days


def test_the_rows_are_what_sql_says_for_every_filter_at_once(qtbot, page, demo_path,
                                                             qtmodeltester):
    contact_id, name, days = busiest_paid_customer(demo_path)
    first, last = dt.date.fromisoformat(days[1]), dt.date.fromisoformat(days[-2])
    bar = page.bar
    bar.status.setFocus()
    bar.status.setCurrentIndex(bar.status.findText("Paid"))
    bar.contact.setFocus()
    type_in(qtbot, name)
    press(qtbot, Qt.Key.Key_Tab)
    bar.date_from.setFocus()
    type_in(qtbot, first.strftime("%d.%m.%Y"))
    press(qtbot, Qt.Key.Key_Tab)
    type_in(qtbot, last.strftime("%d.%m.%Y"))
    press(qtbot, Qt.Key.Key_Return)
    expected = sql_answer(demo_path, contact_id, first, last)
    assert expected and shown_ids(page) == expected
    with sqlite3.connect(demo_path) as raw:
        (every,) = raw.execute(
            "SELECT count(*) FROM documents WHERE kind = 'SALES_INVOICE'").fetchone()
    assert page.count_label.text() == f"{len(expected)} of {every} invoices"
    assert bar.summary.text() == (
        f"Filtered by Status: Paid · Contact: {name} · "
        f"Issued: {first:%d.%m.%Y} – {last:%d.%m.%Y}")
    qtmodeltester.check(page.model)


def test_every_filter_is_reached_by_its_key(qtbot, page):
    bar = page.bar
    for key, field in ((Qt.Key.Key_S, bar.status), (Qt.Key.Key_O, bar.contact),
                       (Qt.Key.Key_M, bar.date_from), (Qt.Key.Key_T, bar.date_to)):
        page.table.setFocus()
        press(qtbot, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is field
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is bar.search


def test_a_bad_date_is_explained_and_nothing_changes(qtbot, page):
    before = shown_ids(page)
    page.bar.date_to.setFocus()
    type_in(qtbot, "31.02.2024")
    press(qtbot, Qt.Key.Key_Return)
    assert page.bar.message.isVisible()
    assert page.bar.message.text().startswith("To: “31.02.2024”")
    assert page.bar.date_to.text() == "31.02.2024"
    assert page.bar.date_to.styleSheet() == wrong_field_style()
    assert shown_ids(page) == before and page.presenter.query.date_to is None


def test_clear_filters_shows_everything_again(qtbot, page):
    everything = page.model.rowCount()
    assert not page.bar.clear_button.isEnabled()  # nothing to clear yet
    page.bar.status.setCurrentIndex(page.bar.status.findText("Overdue"))
    page.bar.search.setText("zzzz-no-such-invoice")
    page.bar.apply_text()
    assert page.model.rowCount() == 0 and page.bar.clear_button.isEnabled()
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # C&lear filters
    qtbot.waitUntil(lambda: page.model.rowCount() == everything)
    assert page.bar.search.text() == "" and page.bar.status.currentText() == "All"
    assert page.bar.summary.text() == "No filters"
    assert page.count_label.text() == f"{everything} invoices"


def test_an_unknown_contact_name_is_explained_and_kept(qtbot, page):
    before = shown_ids(page)
    page.bar.contact.setFocus()
    type_in(qtbot, "Nobody Ltd")
    press(qtbot, Qt.Key.Key_Escape)  # close the (empty) completion list, if any
    press(qtbot, Qt.Key.Key_Tab)
    assert page.bar.message.text().startswith("No contact is called “Nobody Ltd”")
    assert page.bar.contact.currentText() == "Nobody Ltd"
    assert shown_ids(page) == before


def test_emptying_the_contact_shows_every_contact_again(qtbot, page, demo_path):
    everything = page.model.rowCount()
    _, name, _ = busiest_paid_customer(demo_path)
    page.bar.contact.setFocus()
    type_in(qtbot, name)
    press(qtbot, Qt.Key.Key_Return)
    assert 0 < page.model.rowCount() < everything
    page.bar.contact.lineEdit().selectAll()
    press(qtbot, Qt.Key.Key_Backspace)
    assert page.model.rowCount() == everything and page.presenter.query.contact_id is None


def test_no_match_is_said_in_the_table_which_offers_clear_filters(qtbot, page):
    everything = page.model.rowCount()
    assert not page.empty.isVisible()
    page.bar.search.setText("zzzz-no-such-invoice")
    page.bar.apply_text()
    assert page.model.rowCount() == 0
    assert page.empty.isVisible() and page.empty.clear_button.isVisible()
    assert page.empty.label.text() == "No invoices match these filters."
    assert page.empty.parent() is page.table.viewport()  # the headers stay above it
    qtbot.mouseClick(page.empty.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == everything and page.bar.search.text() == ""
    assert not page.empty.isVisible()


def test_an_empty_book_says_how_to_make_the_first_invoice(qtbot, tmp_path, book):
    window = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                        clock=lambda: TODAY, system_locale="de_DE")
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(Path(book.path))
    invoices = window.book_view.invoices
    assert invoices.empty.isVisible()
    assert invoices.empty.label.text() == "No invoices yet — Ctrl+N creates one."
    assert not invoices.empty.clear_button.isVisible()
    window.book_view.show_page(4)
    assert window.book_view.payments.empty.label.text() == \
        "No payments yet — Ctrl+N records one."
    window.close()
