"""The window's icons: its own, one on every navigation entry and toolbar button, and all
of them redrawn when the palette turns dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.theme import use_scheme


@pytest.fixture
def window(qtbot, tmp_path, book):
    main = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                      system_locale="en_US")
    qtbot.addWidget(main)
    main.show()
    assert main.open_path(Path(book.path))
    return main


def ink(icon, palette_role=QPalette.ColorRole.WindowText) -> set[tuple[int, int, int]]:
    image = icon.pixmap(32, 32).toImage()
    return {(c.red(), c.green(), c.blue()) for c in
            (image.pixelColor(x, y) for x in range(32) for y in range(32)) if c.alpha() == 255}


def test_the_window_and_the_application_have_the_ledgerdesk_icon(window):
    assert not window.windowIcon().isNull()
    sizes = {(s.width(), s.height()) for s in window.windowIcon().availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (128, 128), (256, 256)} <= sizes


def test_every_navigation_entry_has_an_icon(window):
    nav = window.book_view.nav
    missing = [nav.item(row).text() for row in range(nav.count()) if nav.item(row).icon().isNull()]
    assert nav.count() == 10 and missing == []


def test_every_toolbar_button_has_an_icon(window):
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert len(actions) >= 5
    assert [a.text() for a in actions if a.icon().isNull()] == []


def test_the_icons_are_redrawn_light_when_the_palette_turns_dark(window):
    app = QApplication.instance()
    first = window.book_view.nav.item(0)
    toolbar = next(a for a in window.toolbar.actions() if not a.isSeparator())
    try:
        use_scheme(app, Qt.ColorScheme.Dark)
        app.processEvents()  # the widgets hear of the new palette from the event loop
        light_ink = app.palette().color(QPalette.ColorRole.WindowText)
        wanted = {(light_ink.red(), light_ink.green(), light_ink.blue())}
        assert ink(first.icon()) == wanted
        assert ink(toolbar.icon()) == wanted
    finally:
        use_scheme(app, Qt.ColorScheme.Light)
        app.processEvents()
    dark_ink = app.palette().color(QPalette.ColorRole.WindowText)
    assert ink(toolbar.icon()) == {(dark_ink.red(), dark_ink.green(), dark_ink.blue())}
