"""A list's columns are wide enough for their content when the page first shows: no header
and no cell of the rows on screen is cut off, without reading the whole table."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences

TODAY = dt.date(2024, 3, 1)
LONG_NAMES = ("Bramble & Finch Architects and Partners LLP",
              "Meadowbank Primary School and Nursery")


@pytest.fixture
def window(qtbot, tmp_path, book, add_contact, issue, pay):
    for name in LONG_NAMES:
        who = add_contact(name, ContactRole.CUSTOMER,
                          email=f"accounts@{name.split()[0].lower()}primaryschool.example")
        paid, _ = issue(who, "1234567.89", issue_date=dt.date(2024, 1, 10))
        pay(who, "85", (paid, "85"), date=dt.date(2024, 1, 20))  # partly paid and overdue
        issue(who, "85", issue_date=dt.date(2024, 2, 25))
        pay(who, "1234.5", keep=True, date=dt.date(2024, 2, 1))  # "1,234.50 kept as credit"
    path = Path(book.path)
    book.close()
    main = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                      clock=lambda: TODAY, system_locale="en_US")
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    assert main.open_path(path)
    yield main
    main.close()


def cut_off(table) -> list[str]:
    """Each header or on-screen cell whose text is wider than its column, with its need."""
    model, header = table.model(), table.horizontalHeader()
    style = table.style()
    # the delegate's text margin on both sides, and the grid line each cell gives up
    cell_margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                         table) + 1) + int(table.showGrid())
    header_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    found = []
    for column in range(model.columnCount()):
        width = header.sectionSize(column)
        title = model.headerData(column, Qt.Orientation.Horizontal)
        need = header.fontMetrics().horizontalAdvance(title) + header_margin + arrow
        if need > width:
            found.append(f"header {title!r} needs {need} > {width}")
        for row in range(first, last + 1):
            text = model.index(row, column).data() or ""
            need = math.ceil(QFontMetricsF(table.font()).horizontalAdvance(text)) + cell_margin
            if need > width:
                found.append(f"{title} {text!r} needs {need} > {width}")
    return found


@pytest.mark.parametrize("key, page, rows", [(Qt.Key.Key_2, "invoices", 4),
                                             (Qt.Key.Key_5, "payments", 4),
                                             (Qt.Key.Key_6, "contacts", 2)])
def test_columns_fit_their_content_on_first_show(qtbot, window, key, page, rows):
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    shown = getattr(window.book_view, page)
    assert window.book_view.current_page() is shown
    qtbot.wait(50)  # laid out and painted
    assert shown.model.rowCount() == rows and shown.table.rowAt(0) == 0
    assert cut_off(shown.table) == []
