"""Editing a contact as a user does: the fields are filled, typing and saving changes it,
a duplicate name is refused in place, undo restores the old details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import Side
from ledgerdesk.ui import undo
from ledgerdesk.ui.editors.contact_dialog import ContactDialog
from ledgerdesk.ui.models.read_rows import OpenColumn


def edit(qtbot, session, contact_id):
    dialog = ContactDialog(session, Side.SALES, contact_id=contact_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def contact(book, contact_id):
    with book.read() as tx:
        return tx.get_contact(contact_id)


def test_typing_and_saving_changes_it_and_undo_restores_it(qtbot, ui_session, customer, book):
    dialog = edit(qtbot, ui_session, customer)
    assert dialog.windowTitle() == "Contact Acme Retail"
    assert dialog.name.text() == "Acme Retail" and dialog.terms.value() == 30
    dialog.email.setFocus()
    qtbot.keyClicks(dialog.email, "ap@acme.example")
    qtbot.keyClicks(dialog.tax_number, "DE 123")
    dialog.terms.setValue(14)
    dialog.role.setCurrentIndex(dialog.role.findData(ContactRole.BOTH))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = contact(book, customer)
    assert (saved.email, saved.tax_number, saved.payment_terms_days, saved.role) == (
        "ap@acme.example", "DE 123", 14, ContactRole.BOTH)
    stack = QUndoStack()
    undo.push(stack, dialog.step, lambda text, error: None, lambda: None)
    assert stack.undoText() == "Edit contact Acme Retail"
    stack.undo()
    restored = contact(book, customer)
    assert (restored.email, restored.payment_terms_days, restored.role) == (
        "", 30, ContactRole.CUSTOMER)


def test_a_duplicate_name_keeps_the_dialog_and_the_typed_text(qtbot, ui_session, customer,
                                                              supplier, book):
    dialog = edit(qtbot, ui_session, customer)
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "PAPER SUPPLIES")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.name.text() == "PAPER SUPPLIES"
    assert dialog.message.text() == "There is already a contact named Paper Supplies."
    assert contact(book, customer).name == "Acme Retail"


def test_shows_the_balance_and_open_documents(qtbot, qtmodeltester, ui_session, customer,
                                              two_invoices):
    dialog = edit(qtbot, ui_session, customer)
    assert dialog.balance.text() == "They owe you 150,00 EUR (2 open documents)."
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, OpenColumn.OUTSTANDING).data() == "100,00"
    qtmodeltester.check(dialog.model)


def test_escape_asks_before_dropping_changes(qtbot, ui_session, customer, answers):
    dialog = edit(qtbot, ui_session, customer)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not answers and not dialog.isVisible()
    dialog = edit(qtbot, ui_session, customer)
    qtbot.keyClicks(dialog.email, "x@y.example")
    answers.reply = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers and dialog.isVisible()


def test_the_address_takes_several_lines_and_tab_moves_on(qtbot, ui_session, customer, book):
    dialog = edit(qtbot, ui_session, customer)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.email.setFocus()
    qtbot.keyClick(dialog.email, Qt.Key.Key_Tab)
    assert dialog.address.hasFocus()
    qtbot.keyClicks(dialog.address, "12 Quay Street")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)  # a new line, not Save
    qtbot.keyClicks(dialog.address, "Falmouth TR11 3HH")
    assert dialog.isVisible()
    qtbot.keyClick(dialog.address, Qt.Key.Key_Tab)
    assert dialog.tax_number.hasFocus()
    qtbot.keyClick(dialog.tax_number, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert contact(book, customer).address == "12 Quay Street\nFalmouth TR11 3HH"
    again = edit(qtbot, ui_session, customer)
    assert again.address.toPlainText() == "12 Quay Street\nFalmouth TR11 3HH"


def test_the_contacts_currency_is_picked_by_typing_its_code(qtbot, ui_session, customer, book):
    dialog = edit(qtbot, ui_session, customer)
    assert dialog.currency.current_code() == "EUR"
    assert dialog.typed() == dialog.editor.values  # nothing typed: nothing to discard
    dialog.currency.lineEdit().clear()
    qtbot.keyClicks(dialog.currency.lineEdit(), "chf")
    dialog.currency.lineEdit().editingFinished.emit()
    assert dialog.currency.currentText().startswith("CHF — ")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert contact(book, customer).currency == "CHF"
    assert edit(qtbot, ui_session, customer).currency.current_code() == "CHF"
