"""Driving a dialog with the keyboard alone, as a user without a mouse does: keys go to
whatever has focus by then, an open completion list first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView


def show_focused(qtbot, dialog) -> None:
    """Show ``dialog`` as the active window with its first field focused."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def focused():
    """Where a key goes: an open completion list first, as on a desktop."""
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifier)


def type_in(qtbot, text: str) -> None:
    """Each key to whatever has focus by then, as typing does (a cell opens on the first)."""
    for char in text:
        qtbot.keyClicks(focused(), char)


def settle(qtbot, dialog) -> None:
    """Let the offscreen platform deliver its late events: it activates the (by then
    hidden) completion list as a window, which a desktop never does; give it back."""
    qtbot.wait(20)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def field_of(widget):
    """The dialog field a focused widget belongs to (a cell editor belongs to the table)."""
    while widget is not None and widget.parent() is not None:
        if widget.parent() is widget.window() or isinstance(widget.parent(), QTableView):
            break
        widget = widget.parent()
    return widget.parent() if isinstance(widget.parent(), QTableView) else widget


def tab_until(qtbot, target, presses: int = 20) -> list:
    """Press Tab until ``target`` (or a cell editor in it) has focus; the fields passed."""
    passed: list = []
    for _ in range(presses):
        field = field_of(focused())
        if field is target:
            return passed
        if not passed or passed[-1] is not field:
            passed.append(field)
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target}: {passed}")


def tab_round(qtbot, presses: int = 30) -> list:
    """Press Tab until focus is back on the field it started in, every button on the way
    having had focus (and so, for a moment, been the one Enter would press)."""
    start = field_of(focused())
    for _ in range(presses):
        if field_of(focused()) is not start:
            return [start, *tab_until(qtbot, start, presses)]
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never left {start}")
