"""The payment form's money as a user drives it (issue 15): the bank account picks the
currency and shows its rate, a cross-currency payment says its implied rate as it is typed,
and after recording the status bar says what ``pay`` prints."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from grid_helpers import cell, type_into_cell
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.services.rates import save_rate
from ledgerdesk.services.setup import add_account
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.models.allocations import AllocationColumn

TODAY = dt.date(2024, 3, 1)  # tests/ui/conftest.py's


@pytest.fixture
def usd_invoice(book, issue, customer) -> int:
    add_account(book, Account("1020", "USD Account", AccountType.ASSET, AccountRole.BANK,
                              currency="USD"))
    save_rate(book, "USD", Decimal("0.95"), TODAY - dt.timedelta(days=1))
    doc_id, _ = issue(customer, "1000.00", currency="USD", exchange_rate=Decimal("0.9"))
    return doc_id


@pytest.fixture
def dialog(qtbot, ui_session, usd_invoice):
    window = PaymentDialog(PaymentEditor(ui_session, PaymentKind.CUSTOMER_RECEIPT))
    qtbot.addWidget(window)
    window.show()
    window.contact.setCurrentIndex(window.contact.findText("Acme Retail"))
    return window


def test_a_home_bank_hides_the_rate_and_a_usd_one_shows_it(qtbot, dialog):
    assert dialog.currency_label.text() == "EUR"
    assert not dialog.rate.isVisible()
    assert cell(dialog, 0, AllocationColumn.OUTSTANDING) == "1.000,00 USD"
    dialog.bank_box.setCurrentIndex(dialog.bank_box.findData("1020"))
    assert dialog.currency_label.text() == "USD"
    assert dialog.rate.isVisible() and dialog.rate.text() == "0,95"
    assert "EUR per USD" in dialog.rate_label.text()
    qtbot.keyClicks(dialog.amount_edit, "1.000,00")
    assert cell(dialog, 0, AllocationColumn.THIS_PAYMENT) == "1.000,00"
    assert dialog.rate_line.text() == "= 950,00 EUR at 0,95"
    dialog.date_edit.setDate(QDate(TODAY - dt.timedelta(days=5)))
    assert "no USD rate on or before 2024-02-25" in dialog.rate_problem.text()
    assert dialog.rate_problem.isVisible() and not dialog.rate_line.isVisible()
    dialog.rate.clear()
    qtbot.keyClicks(dialog.rate, "0,93")
    assert not dialog.rate_problem.isVisible()
    assert dialog.rate_line.text() == "= 930,00 EUR at 0,93"


def test_a_cross_currency_payment_says_its_implied_rate_live(qtbot, dialog, owed, usd_invoice):
    qtbot.keyClicks(dialog.amount_edit, "880,00")
    type_into_cell(qtbot, dialog, 0, "1.000,00")
    dialog.table.setFocus()  # the cell's editor commits
    qtbot.waitUntil(lambda: "settles" in dialog.summary.text())
    assert dialog.summary.text() == "880,00 EUR settles 1.000,00 USD: 0.88 EUR per USD."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert owed(usd_invoice) == 0
    assert dialog.editor.exchange_lines[0] == "880.00 EUR settled 1000.00 USD: 0.88 EUR per USD."


def test_the_status_bar_says_what_pay_prints(qtbot, book_window, usd_invoice):
    view = book_window.book_view

    def pay() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDialog)
        dialog.contact.setCurrentIndex(dialog.contact.findText("Acme Retail"))
        dialog.bank_box.setCurrentIndex(dialog.bank_box.findData("1020"))
        dialog.amount_edit.setText("1.000,00")
        dialog.amount_edit.textEdited.emit("1.000,00")
        dialog.save()

    QTimer.singleShot(0, pay)
    view.record_payment()
    said = book_window.statusBar().currentMessage()
    assert said == ("At 0.95 EUR per USD, 1000.00 USD is 950.00 EUR. Realised an exchange gain "
                    "of 50.00 EUR on 4900 Exchange Gains and Losses.")


def test_the_screenshots_show_foreign_money_of_a_scratch_book(qtbot, ui_session, book,
                                                              tmp_path, snapshot_of):
    from ledgerdesk.app.book_files import StorageBookFiles
    from ledgerdesk.ui.fx_screens import fx_dialogs

    before = snapshot_of(book)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    shown = {}
    for name, dialog in fx_dialogs(ui_session, StorageBookFiles(), scratch, None):
        qtbot.addWidget(dialog)
        shown[name] = (dialog.editor.home_total() if name == "86-foreign-invoice"
                       else dialog.summary.text())
    assert list(shown) == ["86-foreign-invoice", "87-payment-foreign-bank",
                           "88-payment-cross-currency"]
    assert shown["86-foreign-invoice"] == "= 2.774,98 EUR at 0,9312"
    assert shown["88-payment-cross-currency"] == (
        "1.140,00 EUR settles 1.250,00 USD: 0.912 EUR per USD.")
    assert snapshot_of(book) == before
