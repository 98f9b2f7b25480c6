"""Reports > Exchange revaluation in the window: the command line's report, each open
foreign document and foreign bank balance at the day's rate with its unrealised gain."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.presentation.report_params import ReportKind
from ledgerdesk.services.rates import save_rate
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences

TODAY = dt.date(2024, 3, 31)


@pytest.fixture
def window(qtbot, tmp_path, book, issue, customer):
    issue(customer, "1000", currency="USD", exchange_rate=Decimal("0.90"),
          issue_date=dt.date(2024, 3, 5))
    issue(customer, "120000", currency="JPY", exchange_rate=Decimal("0.0062"),
          issue_date=dt.date(2024, 3, 6))
    save_rate(book, "USD", Decimal("0.93"), dt.date(2024, 3, 29))
    save_rate(book, "JPY", Decimal("0.0060"), dt.date(2024, 3, 29))
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


def test_the_revaluation_page_shows_each_item_and_the_gain(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.book_view.reports
    page.choose(ReportKind.FX_REVALUATION)
    qtbot.waitUntil(lambda: not page.running, timeout=10_000)
    model = page.table.model()
    cells = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert [row[0] for row in cells] == ["INV-00001", "INV-00002", "All JPY", "All USD",
                                         "Total"]
    assert cells[0][-1] == "30.00" and cells[1][-1] == "-24.00"  # 930 - 900, 720 - 744
    assert cells[1][3] == "120,000"  # yen have no minor unit
    assert "Unrealised gain 6.00 at the rates of" in page.notes.text()
    if shots := os.environ.get("LEDGERDESK_SHOTS"):
        window.grab().save(str(Path(shots) / "fx-revaluation.png"))
