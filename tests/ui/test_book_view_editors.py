"""The book's pages open the new editors as a user reaches them (Enter on a row, the Apply
credit action), and what they save lands on the window's undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.ui.actions import make_actions, shortcut_rows
from ledgerdesk.ui.book_view import BookView
from ledgerdesk.ui.editors.contact_dialog import ContactDialog
from ledgerdesk.ui.editors.credit_dialog import CreditDialog
from ledgerdesk.ui.editors.payment_detail_dialog import PaymentDetailDialog
from ledgerdesk.ui.undo import UndoStack


@pytest.fixture
def view(qtbot, ui_session):
    window = QMainWindow()
    qtbot.addWidget(window)
    stack = UndoStack(window)
    book_view = BookView(ui_session, stack, window)
    window.setCentralWidget(book_view)
    window.show()
    return book_view


def in_the_dialog(kind, act) -> None:
    """Run ``act`` on the modal dialog of ``kind`` once it is open."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind), dialog
        act(dialog)
    QTimer.singleShot(0, run)


def open_row(qtbot, page, row: int = 0) -> None:
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)


def test_enter_on_a_payment_shows_it_and_its_void_can_be_undone(
        qtbot, view, two_invoices, pay, customer, owed):
    pay(customer, "100", (two_invoices[0], "100"))
    view.show_page(4)

    def void_and_close(dialog) -> None:
        dialog.void_button.click()
        dialog.reject()

    in_the_dialog(PaymentDetailDialog, void_and_close)
    open_row(qtbot, view.payments)
    assert owed(two_invoices[0]) == 100
    assert view.undo_stack.undoText().startswith("Void payment PAY-00001")
    keys = [column.key for column in view.payments.presenter.columns]
    assert view.payments.model.index(0, keys.index("number")).data() == "PAY-00001"
    assert view.payments.model.index(0, keys.index("status")).data() == "⊘ Void"
    view.undo_stack.undo()
    assert owed(two_invoices[0]) == 0
    assert view.payments.count_label.text() == "2 payments"


def test_enter_on_a_contact_edits_it_with_undo(qtbot, view, customer, book):
    view.show_page(5)

    def type_email(dialog) -> None:
        qtbot.keyClicks(dialog.email, "billing@acme.example")
        dialog.save()

    in_the_dialog(ContactDialog, type_email)
    open_row(qtbot, view.contacts)
    assert view.undo_stack.undoText() == "Edit contact Acme Retail"
    assert view.contacts.model.index(0, 2).data() == "billing@acme.example"
    view.undo_stack.undo()
    assert view.contacts.model.index(0, 2).data() == ""


def test_the_apply_credit_action_applies_the_selected_credit_note(
        qtbot, view, issue, customer, two_invoices, owed):
    note = issue(customer, "80", DocumentKind.SALES_CREDIT_NOTE)[0]
    view.apply_credit()  # not on the credit notes page: it says how, and opens nothing
    assert "select an authorised credit note" in view.window_.statusBar().currentMessage()
    view.show_page(3)
    view.credits.table.selectRow(0)
    in_the_dialog(CreditDialog, lambda dialog: dialog.save_button.click())
    view.apply_credit()
    assert (owed(note), owed(two_invoices[0])) == (0, 20)
    assert view.undo_stack.undoText().startswith("Apply credit note CN-")
    view.undo_stack.undo()
    assert (owed(note), owed(two_invoices[0])) == (80, 100)


def test_apply_credit_is_in_help_with_its_shortcut(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    assert ("Apply credit", "Ctrl+Shift+A") in shortcut_rows(make_actions(window))
