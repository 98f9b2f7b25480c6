"""The invoice editor with the keyboard alone: the tab order follows the form, and an
invoice with two lines is typed and saved without the mouse."""

from __future__ import annotations

from decimal import Decimal

import pytest
from key_helpers import field_of, focused, key, settle, show_focused, tab_until, type_in
from PySide6.QtCore import Qt

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import load_document
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.models.lines import LineColumn


@pytest.fixture
def dialog(qtbot, ui_session, customer):
    shown = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE))
    show_focused(qtbot, shown)
    return shown


def test_tab_follows_the_form_and_leaves_the_lines(qtbot, dialog):
    d = dialog
    assert field_of(focused()) is d.contact
    # the rate is hidden for a home-currency invoice, so Tab passes it by
    assert tab_until(qtbot, d.table) == [d.contact, d.new_contact_button, d.issue, d.due,
                                         d.reference, d.currency, d.tax_mode]
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
    for text in ("Brand workshop", "2", "1.250,50", "10", "4100", "Standard"):  # its tax code
        type_in(qtbot, text)
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Add line
    qtbot.waitUntil(lambda: len(dialog.editor.lines) == 2)  # a mnemonic clicks after 100 ms
    for text in ("Travel", "3", "86,40", "", "4000", "No"):  # "No tax 0%"
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
