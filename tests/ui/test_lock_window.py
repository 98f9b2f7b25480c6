"""The lock date in the window: set and cleared in Settings (audited), and a payment dated
inside it refused in the dialog, in the command line's words, with the form kept."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.services.audit import audit_log
from ledgerdesk.services.lock import change_lock, read_lock_date
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.settings_dialog import SettingsDialog

LOCK = dt.date(2024, 1, 31)


def test_settings_locks_and_unlocks_the_books(qtbot, ui_session, book):
    dialog = SettingsDialog(ui_session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.locked.isChecked() and not dialog.lock_date.isEnabled()
    qtbot.mouseClick(dialog.locked, Qt.MouseButton.LeftButton)
    assert dialog.lock_date.isEnabled()
    dialog.lock_date.setDate(QDate(LOCK))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert read_lock_date(book) == LOCK
    again = SettingsDialog(ui_session)
    qtbot.addWidget(again)
    again.show()
    assert again.locked.isChecked() and again.lock_date.date() == QDate(LOCK)
    qtbot.mouseClick(again.locked, Qt.MouseButton.LeftButton)  # untick: unlock
    again.save()
    assert read_lock_date(book) is None
    said = [row.what for row in audit_log(book) if row.what.startswith("Lock")]
    assert said == ["Locked through 2024-01-31", "Lock cleared (was through 2024-01-31)"]


def test_a_payment_dated_inside_the_lock_is_refused_and_the_form_kept(
        qtbot, ui_session, book, two_invoices, state):
    change_lock(book, LOCK)
    before = state()
    dialog = PaymentDialog(PaymentEditor(ui_session, PaymentKind.CUSTOMER_RECEIPT))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.contact.setCurrentIndex(dialog.contact.findText("Acme Retail"))
    dialog.date_edit.setDate(QDate(2024, 1, 20))
    qtbot.keyClicks(dialog.amount_edit, "120,00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.save_message.isVisible()
    assert dialog.save_message.text() == (
        "The books are locked through 2024-01-31; the payment is dated 2024-01-20.")
    assert dialog.amount_edit.text() == "120,00"
    assert dialog.date_edit.date() == QDate(2024, 1, 20)
    assert state() == before
