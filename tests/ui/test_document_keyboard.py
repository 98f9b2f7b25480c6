"""The invoice editor with the keyboard alone: the tab order follows the form, and an
invoice with two lines is typed and saved without the mouse."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import load_document
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.models.lines import LineColumn


@pytest.fixture
def dialog(qtbot, ui_session, customer):
    shown = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return shown


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
    """Press Tab until ``target`` (or a cell editor in it) has focus; the fields passed
    (a date's day, month and year sections take a Tab each)."""
    passed: list = []
    for _ in range(presses):
        field = field_of(focused())
        if field is target:
            return passed
        if not passed or passed[-1] is not field:
            passed.append(field)
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target}: {passed}")


def test_tab_follows_the_form_and_leaves_the_lines(qtbot, dialog):
    d = dialog
    assert field_of(focused()) is d.contact
    assert tab_until(qtbot, d.table) == [d.contact, d.new_contact_button, d.issue, d.due,
                                         d.reference, d.tax_mode]
    cells = []
    while field_of(focused()) is d.table:
        cells.append(d.table.currentIndex().column())
        key(qtbot, Qt.Key.Key_Tab)
    assert cells == list(LineColumn)  # every cell of the line once, then out
    assert focused() is d.add_line_button
    key(qtbot, Qt.Key.Key_Backtab)
    assert field_of(focused()) is d.table and d.table.currentIndex().column() == LineColumn.TOTAL


def test_an_invoice_typed_with_keys_only(qtbot, dialog, ui_session):
    type_in(qtbot, "acme")  # the only contact containing it
    key(qtbot, Qt.Key.Key_Tab)
    settle(qtbot, dialog)
    tab_until(qtbot, dialog.table)
    for text in ("Brand workshop", "2", "1.250,50", "10", "4100", "20"):
        type_in(qtbot, text)
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Add line
    qtbot.waitUntil(lambda: len(dialog.editor.lines) == 2)  # a mnemonic clicks after 100 ms
    for text in ("Travel", "3", "86,40", "", "4000", "0"):
        type_in(qtbot, text)
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    doc, contact = load_document(ui_session.book, dialog.editor.document_id)
    assert contact == "Acme Retail" and doc.lifecycle is Lifecycle.DRAFT
    assert [(line.description, line.quantity, line.unit_price, line.discount_percent,
             line.account_code, line.tax_rate) for line in doc.lines] == [
        ("Brand workshop", 2, Decimal("1250.50"), 10, "4100", 20),
        ("Travel", 3, Decimal("86.40"), 0, "4000", 0),
    ]
    # 2 × 1,250.50 less 10 % = 2,250.90, plus 20 % tax; 3 × 86.40 untaxed
    assert doc.totals().total.amount == Decimal("2250.90") * Decimal("1.2") + Decimal("259.20")
