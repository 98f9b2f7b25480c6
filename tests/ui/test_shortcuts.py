"""Every shortcut of the main window does one thing: Ctrl+Shift+Z redoes on every desktop,
and no key (a menu shortcut or an Alt mnemonic) is claimed twice on any page, where Qt
would do nothing but warn "Ambiguous shortcut overload"."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from ledgerdesk.ui import undo
from ledgerdesk.ui.book_view import PAGES

Key = QKeySequence.StandardKey
# What Qt's QKeySequence table gives each standard key the window uses under GNOME and KDE
# (the primary binding).  The offscreen platform the tests run on resolves them the Windows
# way, where Redo is Ctrl+Y: a clash that only a Linux desktop shows needs this to be seen.
LINUX_KEYS = {Key.Undo: "Ctrl+Z", Key.Redo: "Ctrl+Shift+Z", Key.Open: "Ctrl+O",
              Key.Close: "Ctrl+W", Key.Print: "Ctrl+P", Key.Quit: "Ctrl+Q", Key.New: "Ctrl+N",
              Key.Refresh: "F5", Key.Find: "Ctrl+F", Key.HelpContents: "F1"}


def as_on_linux(key):
    if isinstance(key, list):
        return [as_on_linux(k) for k in key]
    return QKeySequence(LINUX_KEYS[key]) if isinstance(key, Key) else key


@pytest.fixture(params=["this platform", "GNOME and KDE"])
def desktop(request, monkeypatch) -> str:
    """Build the window with standard keys resolved by this platform, or as on Linux."""
    if request.param != "this platform":
        for name in ("setShortcut", "setShortcuts"):
            original = getattr(QAction, name)
            monkeypatch.setattr(QAction, name, lambda self, key, _set=original:
                                _set(self, as_on_linux(key)))
    return request.param


@pytest.fixture
def window(desktop, book_window):
    return book_window


@dataclass
class Counted:
    """A step that counts what the undo stack asks of it."""

    text: str = "count"
    can_redo: bool = True
    undone: int = 0
    redone: int = 0

    def undo(self) -> str:
        self.undone += 1
        return "undid"

    def redo(self) -> str:
        self.redone += 1
        return "redid"


def press(qtbot, key, modifiers) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def test_ctrl_shift_z_and_ctrl_y_redo_and_ctrl_z_undoes(qtbot, window):
    step, stack = Counted(), window.undo_stack
    undo.push(stack, step, lambda *_: None, lambda: None)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    press(qtbot, Qt.Key.Key_Z, ctrl)
    assert (stack.index(), step.undone) == (0, 1)
    press(qtbot, Qt.Key.Key_Z, ctrl | shift)
    assert (stack.index(), step.redone) == (1, 1)
    press(qtbot, Qt.Key.Key_Z, ctrl)
    press(qtbot, Qt.Key.Key_Y, ctrl)
    assert (stack.index(), step.undone, step.redone) == (1, 2, 2)


def claimed_keys(window) -> list[tuple[str, str]]:
    """(key, who) for every shortcut the window listens to now: each action's keys, the
    menu bar's mnemonics, and the mnemonics of the labels and buttons on screen."""
    keys = [(sequence.toString(), f"action {action.text()!r}")
            for action in window.findChildren(QAction)
            if action.shortcutContext() is Qt.ShortcutContext.WindowShortcut
            for sequence in action.shortcuts()]
    keys += [(QKeySequence.mnemonic(menu.text()).toString(), f"menu {menu.text()!r}")
             for menu in window.menuBar().actions()]
    shown = [w for w in window.findChildren(QLabel) if w.isVisible() and w.buddy()]
    shown += [w for w in window.findChildren(QAbstractButton) if w.isVisible()]
    keys += [(QKeySequence.mnemonic(w.text()).toString(), f"{type(w).__name__} {w.text()!r}")
             for w in shown]
    return [(key, who) for key, who in keys if key]


def test_no_key_is_claimed_twice_on_any_page(qtbot, window):
    for index, page in enumerate(PAGES):
        window.book_view.show_page(index)
        keys = claimed_keys(window)
        twice = {key: [who for k, who in keys if k == key]
                 for key, count in Counter(k for k, _ in keys).items() if count > 1}
        assert not twice, f"on {page}: {twice}"


def test_help_lists_undo_and_redo_by_name_with_every_key(window):
    undo.push(window.undo_stack, Counted(), lambda *_: None, lambda: None)
    window.undo_stack.undo()  # so both name a step: "Redo count"
    rows = dict(window.shortcut_rows())
    assert rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y" and rows["Undo"] == "Ctrl+Z"
