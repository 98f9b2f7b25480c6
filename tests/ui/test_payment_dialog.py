"""The payment dialog as a user drives it: type, read the messages, save, undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from grid_helpers import cell, type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.history import RecordPaymentStep
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.ui import undo
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.models.allocations import AllocationColumn


@pytest.fixture
def dialog(qtbot, ui_session, two_invoices):
    window = PaymentDialog(PaymentEditor(ui_session, PaymentKind.CUSTOMER_RECEIPT))
    qtbot.addWidget(window)
    window.show()
    window.contact.setCurrentIndex(window.contact.findText("Acme Retail"))
    return window


def test_over_allocation_shows_the_exact_maximum_and_disables_save(qtbot, dialog):
    qtbot.keyClicks(dialog.amount_edit, "120,00")
    assert cell(dialog, 0, AllocationColumn.THIS_PAYMENT) == "100,00"
    assert dialog.save_button.isEnabled()
    type_into_cell(qtbot, dialog, 0, "130,00")
    assert "130,00 is more than the 100,00 outstanding" in dialog.grid_message.text()
    assert "at most 100,00" in dialog.grid_message.text()
    assert dialog.grid_message.isVisible()
    assert cell(dialog, 0, AllocationColumn.CHECK) == "⚠ at most 100,00"
    assert not dialog.save_button.isEnabled()
    type_into_cell(qtbot, dialog, 0, "100,00")
    assert not dialog.grid_message.isVisible()
    assert dialog.save_button.isEnabled()


def test_a_bad_amount_keeps_the_text_and_says_why(qtbot, dialog):
    qtbot.keyClicks(dialog.amount_edit, "12,3,4")
    assert dialog.amount_edit.text() == "12,3,4"
    assert "is not an amount in German" in dialog.amount_message.text()
    assert not dialog.save_button.isEnabled()


def test_saving_then_undoing_leaves_the_book_as_it_was(qtbot, dialog, state, owed,
                                                       two_invoices):
    before = state()
    qtbot.keyClicks(dialog.amount_edit, "120,00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert owed(two_invoices[0]) == 0 and owed(two_invoices[1]) == Decimal(30)
    stack, messages = QUndoStack(), []
    editor = dialog.editor
    undo.push(stack, RecordPaymentStep(editor.session, editor.command(),
                                       dialog.result_payment.payment_id, editor.describe()),
              lambda text, error: messages.append(text), lambda: None)
    assert stack.undoText() == "Record payment of 120,00 EUR from Acme Retail"
    stack.undo()
    assert "the payment is void and a reversal was posted" in messages[-1]
    after = state()
    assert owed(two_invoices[0]) == 100 and owed(two_invoices[1]) == 50
    assert {k: v for k, v in after["balances"].items() if v} == \
        {k: v for k, v in before["balances"].items() if v}
    stack.redo()
    assert owed(two_invoices[0]) == 0


def test_escape_asks_before_dropping_a_typed_payment(qtbot, dialog, answers):
    qtbot.keyClicks(dialog.amount_edit, "10,00")
    answers.reply = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers and "Discard this payment?" in answers[-1]
    assert dialog.isVisible()
    answers.reply = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_allocation_model_passes_qtmodeltester(qtmodeltester, dialog, qtbot):
    qtbot.keyClicks(dialog.amount_edit, "120,00")
    qtmodeltester.check(dialog.model)


def test_keep_as_credit_is_for_receipts_not_refunds(dialog):
    assert dialog.keep_box.isEnabled()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(PaymentKind.CUSTOMER_REFUND))
    assert not dialog.keep_box.isEnabled()
    assert dialog.editor.contact_id is None


def test_enter_in_the_amount_saves(qtbot, dialog, owed, two_invoices):
    qtbot.keyClicks(dialog.amount_edit, "150,00")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert owed(two_invoices[0]) == 0 and owed(two_invoices[1]) == 0
