"""A date field is one stop for Tab: one press leaves it, Shift+Tab comes back in one
(Qt's date edit walks its day, month and year sections with Tab); typing still fills it."""

from __future__ import annotations

import datetime as dt

from key_helpers import field_of, focused, key, show_focused, type_in
from PySide6.QtCore import Qt

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.widgets import to_date


def test_tab_leaves_the_issue_date_in_one_press_and_shift_tab_returns(qtbot, ui_session,
                                                                       customer):
    dialog = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE))
    show_focused(qtbot, dialog)
    dialog.issue.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert field_of(focused()) is dialog.due
    key(qtbot, Qt.Key.Key_Tab)
    assert field_of(focused()) is dialog.reference
    key(qtbot, Qt.Key.Key_Backtab)
    assert field_of(focused()) is dialog.due
    key(qtbot, Qt.Key.Key_Backtab)
    assert field_of(focused()) is dialog.issue
    type_in(qtbot, "10012024")  # back in it, typing starts at the day again
    assert to_date(dialog.issue.date()) == dt.date(2024, 1, 10)


def test_the_payment_date_is_one_stop_and_still_typed_whole(qtbot, ui_session, customer):
    dialog = PaymentDialog(PaymentEditor(ui_session, PaymentKind.CUSTOMER_RECEIPT))
    show_focused(qtbot, dialog)
    dialog.date_edit.setFocus()
    type_in(qtbot, "15022024")  # each section moves on to the next once it is full
    assert to_date(dialog.date_edit.date()) == dt.date(2024, 2, 15)
    key(qtbot, Qt.Key.Key_Tab)
    assert field_of(focused()) is dialog.reference_edit
    key(qtbot, Qt.Key.Key_Backtab)
    assert field_of(focused()) is dialog.date_edit
    key(qtbot, Qt.Key.Key_Backtab)  # the bank account, which sets the payment's currency
    assert field_of(focused()) is dialog.bank_box
    key(qtbot, Qt.Key.Key_Backtab)
    assert field_of(focused()) is dialog.contact
