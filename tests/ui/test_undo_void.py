"""Undoing a payment's void in the window, as a user does it: Enter on the payment, Alt+V,
then Edit > Undo and Redo, again and again.  Each step acts on the payment that is live
now (undoing a void records a *new* payment), a refusal leaves the undo list where it was,
and the Edit menu names the void as soon as the detail dialog has done it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.presentation.history import RecordPaymentStep
from ledgerdesk.ui.editors.payment_detail_dialog import PaymentDetailDialog


def void_in_detail(qtbot, window, *, while_open=lambda dialog: None) -> None:
    """Payments page, Enter on the first row, Alt+V (the question is answered yes), and
    ``while_open`` runs before Esc closes the dialog."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDetailDialog), dialog
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.view.voided)  # a mnemonic clicks after a short flash
        while_open(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    page = window.book_view.payments
    window.actions["go_payments"].trigger()
    page.table.selectRow(0)
    QTimer.singleShot(0, act)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)


@pytest.fixture
def errors(monkeypatch) -> list:
    """What the window would show in an error box (a modal box would stop the test)."""
    shown: list = []
    monkeypatch.setattr("ledgerdesk.ui.dialogs.error", lambda *args: shown.append(args))
    return shown


def live(book) -> list[int]:
    return [p.id for p in book.queries().list_payments() if not p.voided]


def test_undo_redo_undo_of_a_void_always_acts_on_the_live_payment(
        qtbot, book_window, book, two_invoices, pay, customer, owed, command, errors):
    recorded = pay(customer, "120", (two_invoices[0], "100"), (two_invoices[1], "20"))
    first = recorded.payment_id
    session, stack = book_window.session, book_window.undo_stack
    # What Record payment pushes once its dialog has saved (the dialog is tested elsewhere).
    book_window.book_view.push(RecordPaymentStep(
        session, command(customer, "120", (two_invoices[0], "100"), (two_invoices[1], "20")),
        first, "record payment of 120,00 EUR from Acme Retail"))
    void_in_detail(qtbot, book_window)
    assert live(book) == [] and (owed(two_invoices[0]), owed(two_invoices[1])) == (100, 50)
    undo, redo = book_window.undo_action, book_window.redo_action

    undo.trigger()  # records PAY-00002, equal to the void PAY-00001
    (second,) = live(book)
    assert second != first and (owed(two_invoices[0]), owed(two_invoices[1])) == (0, 30)
    assert payment_number(second) in stack.redoText() and payment_number(second) in redo.text()

    undo.trigger()  # undo "record payment": voids the live payment, PAY-00002
    assert live(book) == [] and stack.index() == 0
    assert (owed(two_invoices[0]), owed(two_invoices[1])) == (100, 50)

    redo.trigger()  # records it afresh
    (third,) = live(book)
    assert third not in (first, second)
    assert payment_number(third) in stack.redoText()  # the void step names the live one

    redo.trigger()  # the void: voids the live payment
    assert live(book) == [] and stack.index() == 2
    assert payment_number(third) in stack.undoText() and payment_number(third) in undo.text()

    undo.trigger()  # records again, from the live one
    (fourth,) = live(book)
    assert fourth not in (first, second, third) and stack.index() == 1
    assert (owed(two_invoices[0]), owed(two_invoices[1])) == (0, 30)
    assert errors == []


def test_a_refused_undo_leaves_the_undo_list_and_the_book_as_they_were(
        qtbot, book_window, two_invoices, pay, customer, owed, state, errors):
    recorded = pay(customer, "100", (two_invoices[0], "100"))
    void_in_detail(qtbot, book_window)
    other = pay(customer, "100", (two_invoices[0], "100"))  # paid again meanwhile
    stack, undo = book_window.undo_stack, book_window.undo_action
    index, text, label, before = stack.index(), stack.undoText(), undo.text(), state()

    undo.trigger()

    assert (stack.index(), stack.undoText(), undo.text()) == (index, text, label)
    assert state() == before and owed(two_invoices[0]) == 0
    (_parent, _title, message), = errors
    number = payment_number(recorded.payment_id)
    assert f"{number} cannot be recorded again" in message
    assert "now has 0,00 outstanding, less than the 100,00" in message
    assert "Nothing was recorded" in message and "Undo still offers it" in message
    assert message in book_window.statusBar().currentMessage()

    # Once the other payment is voided, the same undo works.
    from ledgerdesk.services.payments import void_payment

    void_payment(book_window.session.book, other.payment_id, book_window.session.today)
    undo.trigger()
    assert stack.index() == index - 1 and owed(two_invoices[0]) == 0


def test_the_edit_menu_names_the_void_while_the_detail_is_still_open(
        qtbot, book_window, two_invoices, pay, customer, errors):
    recorded = pay(customer, "100", (two_invoices[0], "100"))
    seen = []
    void_in_detail(qtbot, book_window,
                   while_open=lambda dialog: seen.append(book_window.undo_action.text()))
    number = payment_number(recorded.payment_id)
    assert seen == [f"&Undo void payment {number} (undo records it again as a new payment)"]
    assert book_window.undo_action.text() == seen[0] and book_window.undo_action.isEnabled()
