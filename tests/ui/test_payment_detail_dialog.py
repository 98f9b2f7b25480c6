"""The payment detail as a user drives it: read it, Void (asked first), undo, redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from ledgerdesk.presentation.payment_detail import PaymentView
from ledgerdesk.ui import undo
from ledgerdesk.ui.editors.payment_detail_dialog import PaymentDetailDialog
from ledgerdesk.ui.models.read_rows import PaidColumn


def detail(qtbot, session, payment_id):
    dialog = PaymentDetailDialog(PaymentView(session, payment_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_the_payment_and_its_documents(qtbot, ui_session, two_invoices, pay, customer):
    paid = pay(customer, "120", (two_invoices[0], "100"), (two_invoices[1], "20"))
    dialog = detail(qtbot, ui_session, paid.payment_id)
    assert dialog.windowTitle() == f"Payment {dialog.view.number}"
    assert dialog.values["Amount"].text() == "120,00 EUR"
    assert dialog.values["Contact"].text() == "Acme Retail"
    assert [dialog.model.index(r, PaidColumn.OUTSTANDING).data() for r in range(2)] == [
        "0,00", "30,00"]
    assert not dialog.banner.isVisible() and dialog.void_button.isVisible()


def test_void_asks_naming_the_effect_then_undo_and_redo(qtbot, ui_session, two_invoices, pay,
                                                       customer, owed, answers):
    paid = pay(customer, "120", (two_invoices[0], "100"), (two_invoices[1], "20"))
    dialog = detail(qtbot, ui_session, paid.payment_id)
    number = dialog.view.number
    answers.reply = False
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert owed(two_invoices[0]) == 0  # said no: nothing happened
    assert "goes from 0,00 to 100,00 outstanding" in answers[-1][2]
    answers.reply = True
    assert dialog.void_button.shortcut().toString() == "Alt+V"  # the mnemonic
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert (owed(two_invoices[0]), owed(two_invoices[1])) == (100, 50)
    assert dialog.banner.isVisible() and "is void" in dialog.banner.text()
    assert not dialog.void_button.isVisible()
    assert dialog.values["Status"].text() == "Void"
    stack, messages = QUndoStack(), []
    undo.push(stack, dialog.steps[0], lambda text, error: messages.append((text, error)),
              lambda: None)
    assert stack.undoText() == f"Void payment {number} (undo records it again as a new payment)"
    stack.undo()
    assert (owed(two_invoices[0]), owed(two_invoices[1])) == (0, 30)
    assert "it stays void" in messages[-1][0] and not messages[-1][1]
    assert stack.redoText().startswith("Void payment PAY-") and number not in stack.redoText()
    stack.redo()
    assert (owed(two_invoices[0]), owed(two_invoices[1])) == (100, 50)


def test_undo_is_refused_clearly_when_the_invoice_was_paid_meanwhile(
        qtbot, ui_session, two_invoices, pay, customer, owed):
    paid = pay(customer, "100", (two_invoices[0], "100"))
    dialog = detail(qtbot, ui_session, paid.payment_id)
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    pay(customer, "100", (two_invoices[0], "100"))
    stack, messages = undo.UndoStack(), []
    undo.push(stack, dialog.steps[0], lambda text, error: messages.append((text, error)),
              lambda: None)
    stack.undo()
    text, is_error = messages[-1]
    assert is_error and "now has 0,00 outstanding, less than the 100,00" in text
    assert owed(two_invoices[0]) == 0
    assert (stack.count(), stack.index()) == (1, 1)  # still there, to undo once it can be


def test_the_documents_model_passes_qtmodeltester(qtmodeltester, qtbot, ui_session,
                                                  two_invoices, pay, customer):
    paid = pay(customer, "150", (two_invoices[0], "100"), (two_invoices[1], "50"))
    dialog = detail(qtbot, ui_session, paid.payment_id)
    qtmodeltester.check(dialog.model)
