"""Record payment (Ctrl+Shift+P) with an invoice or bill selected in its list starts on that
document: its contact, what it still owes, and it allocated first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.models.allocations import AllocationColumn
from ledgerdesk.ui.models.paged import Role


def select(page, document_id: int) -> None:
    rows = [page.model.index(r, 0).data(Role.ENTITY).id for r in range(page.model.rowCount())]
    page.table.setFocus()
    page.table.selectRow(rows.index(document_id))


def record_payment_on(qtbot, window, act) -> None:
    """Ctrl+Shift+P, then ``act`` on the payment dialog once it is open."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDialog), dialog
        try:
            act(dialog)
        finally:
            if dialog.isVisible():  # not saved: close it, or the test would wait for ever
                dialog.reject()
    QTimer.singleShot(0, run)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def allocated(dialog) -> dict[str, str]:
    model = dialog.model
    return {model.index(r, AllocationColumn.NUMBER).data():
            model.index(r, AllocationColumn.THIS_PAYMENT).data()
            for r in range(model.rowCount())
            if model.index(r, AllocationColumn.THIS_PAYMENT).data()}


@pytest.mark.parametrize(("page_name", "kind", "contact"), [
    ("invoices", DocumentKind.SALES_INVOICE, "Acme Retail"),
    ("bills", DocumentKind.BILL, "Paper Supplies")])
def test_record_payment_starts_on_the_selected_document(
        qtbot, book_window, issue, customer, supplier, owed, page_name, kind, contact):
    who = customer if kind is DocumentKind.SALES_INVOICE else supplier
    older, older_number = issue(who, "100", kind, issue_date=dt.date(2024, 1, 1))
    chosen, number = issue(who, "50", kind, issue_date=dt.date(2024, 1, 20))
    book_window.actions[f"go_{page_name}"].trigger()
    book_window.actions["refresh"].trigger()  # issued after the window opened
    page = getattr(book_window.book_view, page_name)
    select(page, chosen)
    seen = {}

    def check_and_save(dialog) -> None:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        seen.update(contact=dialog.contact.currentText(), amount=dialog.amount_edit.text(),
                    allocated=allocated(dialog),
                    on_amount=QApplication.focusWidget() is dialog.amount_edit)
        qtbot.keyClicks(dialog.amount_edit, "120,00")  # the amount is selected: typed over
        seen["then"] = allocated(dialog)
        dialog.save_button.click()

    record_payment_on(qtbot, book_window, check_and_save)
    assert seen == {"contact": contact, "amount": "50,00", "allocated": {number: "50,00"},
                    "on_amount": True,
                    "then": {number: "50,00", older_number: "70,00"}}
    assert (owed(chosen), owed(older)) == (Decimal(0), Decimal(30))
    towards = "to" if kind is DocumentKind.BILL else "from"
    assert book_window.undo_stack.undoText() == f"Record payment of 120,00 EUR {towards} {contact}"
