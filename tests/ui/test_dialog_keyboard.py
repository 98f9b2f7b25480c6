"""Enter means Save in every form, however far Tab has walked: a button that had focus on
the way (Cancel, Allocate oldest first, Browse) must not stay the one Enter presses."""

from __future__ import annotations

from decimal import Decimal

from key_helpers import (
    field_of,
    focused,
    key,
    settle,
    show_focused,
    tab_round,
    tab_until,
    type_in,
)
from PySide6.QtCore import Qt

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.credit_editor import CreditEditor
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.services.settings import read_settings
from ledgerdesk.ui.dialogs import NewBookDialog
from ledgerdesk.ui.editors.contact_dialog import ContactDialog
from ledgerdesk.ui.editors.credit_dialog import CreditDialog
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.settings_dialog import SettingsDialog


def accepted(dialog) -> bool:
    return dialog.result() == dialog.DialogCode.Accepted


def test_a_payment_recorded_with_keys_only(qtbot, ui_session, two_invoices, owed):
    dialog = PaymentDialog(PaymentEditor(ui_session, PaymentKind.CUSTOMER_RECEIPT))
    show_focused(qtbot, dialog)
    assert field_of(focused()) is dialog.kind_box
    key(qtbot, Qt.Key.Key_Tab)
    type_in(qtbot, "acme")
    key(qtbot, Qt.Key.Key_Tab)
    settle(qtbot, dialog)
    tab_until(qtbot, dialog.amount_edit)
    type_in(qtbot, "120,00")
    passed = tab_round(qtbot)
    assert {dialog.oldest_button, dialog.keep_box, dialog.buttons} <= set(passed)
    key(qtbot, Qt.Key.Key_Return)
    assert accepted(dialog)
    assert dialog.result_payment is not None
    assert (owed(two_invoices[0]), owed(two_invoices[1])) == (0, Decimal(30))


def test_enter_applies_a_credit_after_tabbing_past_every_button(qtbot, ui_session, issue,
                                                                customer, two_invoices, owed):
    note = issue(customer, "80", DocumentKind.SALES_CREDIT_NOTE)[0]
    dialog = CreditDialog(CreditEditor(ui_session, note))
    show_focused(qtbot, dialog)
    passed = tab_round(qtbot)
    assert {dialog.oldest_button, dialog.buttons} <= set(passed)
    key(qtbot, Qt.Key.Key_Return)
    assert accepted(dialog)
    assert (owed(two_invoices[0]), owed(note)) == (20, 0)


def test_enter_saves_a_new_contact_after_tabbing_round(qtbot, ui_session, book):
    dialog = ContactDialog(ui_session, Side.SALES)
    show_focused(qtbot, dialog)
    type_in(qtbot, "Zeta Traders")
    tab_round(qtbot)
    key(qtbot, Qt.Key.Key_Return)
    assert accepted(dialog)
    with book.read() as tx:
        assert tx.get_contact(dialog.contact_id).name == "Zeta Traders"


def test_enter_saves_the_settings_after_tabbing_round(qtbot, ui_session, book):
    dialog = SettingsDialog(ui_session)
    show_focused(qtbot, dialog)
    dialog.company.selectAll()
    type_in(qtbot, "Renamed Co")
    tab_round(qtbot)
    key(qtbot, Qt.Key.Key_Return)
    assert accepted(dialog)
    assert read_settings(book).company == "Renamed Co"


def test_enter_creates_the_new_book_after_tabbing_past_browse(qtbot, tmp_path):
    dialog = NewBookDialog()
    show_focused(qtbot, dialog)
    dialog.path_edit.setText(str(tmp_path / "n.book"))
    tab_until(qtbot, dialog.company_edit)
    type_in(qtbot, "Northwind")
    tab_round(qtbot)
    key(qtbot, Qt.Key.Key_Return)
    assert accepted(dialog)
    assert dialog.answer() == (tmp_path / "n.book", "Northwind", "EUR", "01-01")
