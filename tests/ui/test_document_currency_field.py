"""The invoice editor's currency and rate as a user drives them (issue 15): the picker
filters as one types, the rate shows only for a foreign currency and follows the date until
overtyped, a missing rate is said beside the field, and the total at home under the totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import load_document
from ledgerdesk.services.rates import save_rate
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.models.lines import LineColumn

DAY = dt.date(2024, 1, 15)


@pytest.fixture
def dialog(qtbot, ui_session, add_contact, book):
    add_contact("Globex Inc", ContactRole.CUSTOMER, currency="USD")
    save_rate(book, "USD", Decimal("0.9"), DAY)
    editor = DocumentEditor(ui_session, DocumentKind.SALES_INVOICE)
    dialog = DocumentDialog(editor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.issue.setDate(QDate(DAY))
    return dialog


def choose(dialog, name: str) -> None:
    dialog.contact.setCurrentIndex(dialog.contact.findText(name))


def type_price(dialog, text: str) -> None:
    dialog.model.setData(dialog.model.index(0, LineColumn.DESCRIPTION), "Work",
                         Qt.ItemDataRole.EditRole)
    dialog.model.setData(dialog.model.index(0, LineColumn.UNIT_PRICE), text,
                         Qt.ItemDataRole.EditRole)


def test_a_home_contact_shows_no_rate(dialog, customer):
    choose(dialog, "Acme Retail")
    assert dialog.currency.current_code() == "EUR"
    assert not dialog.rate.isVisible() and not dialog.home_total.isVisible()


def test_a_foreign_contact_brings_its_currency_rate_and_home_total(qtbot, dialog, book):
    choose(dialog, "Globex Inc")
    type_price(dialog, "1.000,00")
    assert dialog.currency.current_code() == "USD"
    assert dialog.rate.isVisible() and dialog.rate.text() == "0,9"
    assert "EUR per USD" in dialog.rate_label.text()
    assert dialog.home_total.text() == "= 900,00 EUR at 0,9"
    qtbot.keyClicks(dialog.rate, "5")  # "0,95"
    assert dialog.home_total.text() == "= 950,00 EUR at 0,95"
    dialog.issue.setDate(QDate(DAY + dt.timedelta(days=3)))
    assert dialog.rate.text() == "0,95"  # overtyped: the date leaves it alone
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved, _ = load_document(book, dialog.editor.document_id)
    assert (saved.currency, saved.exchange_rate) == ("USD", Decimal("0.95"))


def test_a_missing_rate_is_said_beside_the_field_and_typing_keeps_the_text(qtbot, dialog):
    choose(dialog, "Globex Inc")
    type_price(dialog, "10")
    dialog.issue.setDate(QDate(DAY - dt.timedelta(days=1)))
    assert dialog.rate.text() == ""
    assert "no USD rate on or before 2024-01-14" in dialog.rate_problem.text()
    assert dialog.rate_problem.isVisible()
    qtbot.keyClicks(dialog.rate, "0,9q")
    assert dialog.rate.text() == "0,9q" and dialog.rate_problem.isVisible()
    assert not dialog.save_button.isEnabled()


def test_typing_part_of_a_name_filters_and_a_code_chooses_it(qtbot, dialog, book, customer):
    save_rate(book, "JPY", Decimal("0.0062"), DAY)
    choose(dialog, "Acme Retail")
    type_price(dialog, "1234,4")
    completer = dialog.currency.completer()
    completer.setCompletionPrefix("yen")
    assert completer.completionCount() == 1
    assert completer.currentCompletion().startswith("JPY")
    dialog.currency.lineEdit().clear()
    qtbot.keyClicks(dialog.currency.lineEdit(), "jpy")
    dialog.currency.lineEdit().editingFinished.emit()
    assert dialog.editor.money.code == "JPY"
    assert dialog.model.index(0, LineColumn.TOTAL).data() == "1.234"  # yen: no decimals
    assert "Total 1.234" in dialog.totals.text()
    assert dialog.home_total.text() == "= 7,65 EUR at 0,0062"
