"""The window without a mouse: the navigation is reached by Tab and F6 and its arrow keys
change the page; every dialog a key opens takes the focus inside it and closes with Esc,
saving nothing; the import wizard goes forward and back with Alt+N and Alt+B."""

from __future__ import annotations

import pytest
import shiboken6
from key_helpers import focused
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from ledgerdesk.domain.documents import DocumentKind

Key, Mod = Qt.Key, Qt.KeyboardModifier
CTRL, SHIFT = Mod.ControlModifier, Mod.ShiftModifier


@pytest.fixture
def window(book_window, issue, customer, supplier):
    issue(customer, "100")
    issue(supplier, "40", DocumentKind.BILL)
    book_window.book_view.reload()
    return book_window


def press(qtbot, k, modifier=Mod.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifier)


def test_tab_reaches_the_navigation_and_its_arrows_change_the_page(qtbot, window):
    view = window.book_view
    view.show_page(1)
    assert focused() is view.invoices.table
    for _ in range(12):
        if focused() is view.nav:
            break
        press(qtbot, Key.Key_Tab)
    assert focused() is view.nav, "Tab never reached the navigation"
    press(qtbot, Key.Key_Down)
    assert view.current_page() is view.bills
    press(qtbot, Key.Key_Down)  # the arrows stay in the navigation, page after page
    assert view.current_page() is view.credits
    press(qtbot, Key.Key_Up)
    press(qtbot, Key.Key_Tab)
    assert focused().window() is window and view.bills.isAncestorOf(focused())


def test_f6_goes_to_the_navigation_from_anywhere_in_a_page(qtbot, window):
    view = window.book_view
    view.show_page(1)
    view.invoices.search.setFocus()
    press(qtbot, Key.Key_F6)
    assert focused() is view.nav


def escape_from(qtbot, page: int | None, k, modifier=Mod.NoModifier) -> tuple[type, bool]:
    """Open a dialog by a key, then press Esc in it; (its class, focus was inside it).
    A dialog run with ``exec()`` is closed from inside its own event loop, once the focus
    is in it (the platform activates a new window a moment after it shows)."""
    seen: list = []
    tries = iter(range(100))

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        inside = isinstance(dialog, QDialog) and focused() is not None \
            and focused().window() is dialog
        if not inside and next(tries, None) is not None:
            QTimer.singleShot(20, close_it)
            return
        seen.append((type(dialog), inside, dialog))
        qtbot.keyClick(focused() if inside else dialog, Key.Key_Escape)

    window = QApplication.activeWindow()
    if page is not None:
        window.book_view.show_page(page)
    QTimer.singleShot(0, close_it)
    qtbot.keyClick(focused(), k, modifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    kind, inside, dialog = seen[0]
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
                    timeout=2000)
    return kind, inside


KEYS = {  # what a user opens by keys alone: (page shown first, key, modifier)
    "new invoice": (1, Key.Key_N, CTRL),
    "new bill": (2, Key.Key_N, CTRL),
    "new credit note": (3, Key.Key_N, CTRL),
    "record payment": (4, Key.Key_N, CTRL),
    "new contact": (5, Key.Key_N, CTRL),
    "new account": (8, Key.Key_N, CTRL),
    "new journal": (9, Key.Key_N, CTRL),
    "open an invoice": (1, Key.Key_Return, Mod.NoModifier),
    "pay the selected bill": (2, Key.Key_P, CTRL | SHIFT),
    "settings": (None, Key.Key_Comma, CTRL),
    "tax codes": (None, Key.Key_T, CTRL | SHIFT),
    "backups": (None, Key.Key_B, CTRL | SHIFT),
    "import": (None, Key.Key_I, CTRL | SHIFT),
    "keyboard shortcuts": (None, Key.Key_F1, Mod.NoModifier),
}


@pytest.mark.parametrize("what", sorted(KEYS))
def test_a_dialog_opened_by_a_key_has_the_focus_and_esc_closes_it_saving_nothing(
        qtbot, window, book, what):
    before = book.revision
    kind, inside = escape_from(qtbot, *KEYS[what])
    assert inside, f"{kind.__name__} opened without the focus in it"
    assert book.revision == before
    assert not isinstance(QApplication.activeModalWidget(), QDialog)


def test_an_import_walked_with_keys_only_forward_back_and_through(qtbot, window, book,
                                                                  tmp_path):
    """Alt+W to the kind, chosen with the arrows, Alt+F to the file, its name typed, Alt+N
    to the columns, Alt+B back, Alt+N again, Alt+P to the preview, Alt+I to import (the
    question answered yes)."""
    from key_helpers import settle, type_in

    from ledgerdesk.ui.import_dialog import ImportDialog

    path = tmp_path / "people.csv"
    path.write_text("Company,Type\nKeyboard Co,customer\n", encoding="utf-8")
    dialog = ImportDialog(window.session, lambda: window.files.open(window.session.path),
                          window)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, dialog)
    alt = Mod.AltModifier

    def step(k) -> None:
        press(qtbot, k, alt)
        qtbot.wait(150)  # a mnemonic clicks its button after a moment

    kinds = [dialog.source.kind.itemText(i) for i in range(dialog.source.kind.count())]
    press(qtbot, Key.Key_W, alt)  # &What to import
    assert focused() is dialog.source.kind
    while dialog.source.kind.currentText() != next(k for k in kinds if "ontact" in k):
        press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_F, alt)
    assert focused() is dialog.source.path
    type_in(qtbot, str(path))
    step(Key.Key_N)
    assert dialog.pages.currentIndex() == 1, dialog.source.message.text()
    step(Key.Key_B)
    assert dialog.pages.currentIndex() == 0
    step(Key.Key_N)
    step(Key.Key_P)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2 and dialog.task is None,
                    timeout=10000)
    assert dialog.import_button.isEnabled()
    step(Key.Key_I)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert "Keyboard Co" in [c.name for c in book.queries().list_contacts()]
