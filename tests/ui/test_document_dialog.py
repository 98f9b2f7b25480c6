"""The invoice editor as a user drives it: lines, live totals, save, authorise, read-only."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import load_document
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.models.lines import LineColumn
from ledgerdesk.ui.widgets import to_date


@pytest.fixture
def invoice_dialog(qtbot, ui_session, customer):
    dialog = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.contact.setCurrentIndex(dialog.contact.findText("Acme Retail"))
    return dialog


def type_cell(dialog, row: int, column: LineColumn, text: str) -> None:
    dialog.model.setData(dialog.model.index(row, column), text, Qt.ItemDataRole.EditRole)


def code(dialog, label: str) -> str:
    """What the tax code picker stores for the code shown as ``label``."""
    return dict(dialog.editor.tax_code_choices())[label]


def test_totals_follow_the_typed_lines_in_german(invoice_dialog):
    type_cell(invoice_dialog, 0, LineColumn.DESCRIPTION, "Workshop")
    type_cell(invoice_dialog, 0, LineColumn.QUANTITY, "2,5")
    type_cell(invoice_dialog, 0, LineColumn.UNIT_PRICE, "1.000,00")
    type_cell(invoice_dialog, 0, LineColumn.TAX_CODE, code(invoice_dialog, "Standard 20%"))
    # prices exclude tax: the line shows its net amount, as the printed invoice does
    assert invoice_dialog.model.index(0, LineColumn.TOTAL).data() == "2.500,00"
    assert "Total 3.000,00" in invoice_dialog.totals.text()
    assert "Tax 500,00" in invoice_dialog.totals.text()


def test_a_bad_number_is_marked_keeps_the_text_and_blocks_saving(invoice_dialog):
    type_cell(invoice_dialog, 0, LineColumn.UNIT_PRICE, "1e5")
    cell = invoice_dialog.model.index(0, LineColumn.UNIT_PRICE)
    assert cell.data() == "1e5"
    assert "exponent" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert not invoice_dialog.save_button.isEnabled()


def test_authorising_makes_it_read_only_with_a_banner(qtbot, invoice_dialog, ui_session):
    type_cell(invoice_dialog, 0, LineColumn.DESCRIPTION, "Workshop")
    type_cell(invoice_dialog, 0, LineColumn.UNIT_PRICE, "100")
    qtbot.mouseClick(invoice_dialog.authorise_button, Qt.MouseButton.LeftButton)
    assert invoice_dialog.result() == invoice_dialog.DialogCode.Accepted
    assert [step.text for step in invoice_dialog.steps] == [
        "save new invoice", "authorise invoice INV-00001"]
    document_id = invoice_dialog.editor.document_id
    doc, name = load_document(ui_session.book, document_id)
    assert doc.lifecycle is Lifecycle.AUTHORISED and name == "Acme Retail"
    again = DocumentDialog(DocumentEditor(ui_session, doc.kind, document_id))
    qtbot.addWidget(again)
    assert again.banner.isVisibleTo(again) and "can no longer be changed" in again.banner.text()
    assert not again.save_button.isEnabled() and not again.model.flags(
        again.model.index(0, LineColumn.UNIT_PRICE)) & Qt.ItemFlag.ItemIsEditable
    assert again.number.text().startswith("INV-00001") and "EUR" in again.number.text()
    assert again.cancel_button.text() == "Close"
    invoice_dialog.steps[-1].undo()  # undoing the authorisation voids it, honestly
    assert load_document(ui_session.book, document_id)[0].lifecycle is Lifecycle.VOIDED


def test_no_tax_sets_the_codes_aside_and_another_mode_brings_them_back(invoice_dialog):
    assert "given when authorised" in invoice_dialog.number.text()
    assert invoice_dialog.cancel_button.text() == "Cancel"
    type_cell(invoice_dialog, 0, LineColumn.DESCRIPTION, "Workshop")
    type_cell(invoice_dialog, 0, LineColumn.UNIT_PRICE, "100")
    type_cell(invoice_dialog, 0, LineColumn.TAX_CODE, code(invoice_dialog, "Standard 20%"))
    rate = invoice_dialog.model.index(0, LineColumn.TAX_CODE)
    invoice_dialog.tax_mode.setCurrentIndex(invoice_dialog.tax_mode.findText("No tax"))
    assert rate.data() == "—" and "no tax" in rate.data(Qt.ItemDataRole.ToolTipRole)
    assert not invoice_dialog.model.flags(rate) & Qt.ItemFlag.ItemIsEditable
    assert "Total 100,00" in invoice_dialog.totals.text()
    invoice_dialog.tax_mode.setCurrentIndex(invoice_dialog.tax_mode.findText("Prices exclude tax"))
    assert rate.data() == "Standard 20%"
    assert invoice_dialog.model.flags(rate) & Qt.ItemFlag.ItemIsEditable
    assert "Total 120,00" in invoice_dialog.totals.text()


def test_without_a_contact_nothing_can_be_saved(qtbot, ui_session, customer):
    dialog = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE))
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()


def test_the_line_model_passes_qtmodeltester(qtmodeltester, invoice_dialog):
    type_cell(invoice_dialog, 0, LineColumn.UNIT_PRICE, "10")
    invoice_dialog.model.add_line()
    qtmodeltester.check(invoice_dialog.model)


def test_choosing_the_contact_shows_the_account_its_last_invoice_used(qtbot, ui_session,
                                                                      customer, issue):
    issue(customer, lines=[{"description": "Audit", "unit_price": 100, "account_code": "4100"}])
    dialog = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE))
    qtbot.addWidget(dialog)
    dialog.show()
    account = dialog.model.index(0, LineColumn.ACCOUNT)
    assert dialog.table.itemDelegateForColumn(LineColumn.ACCOUNT).displayText(
        account.data(), None) == "4000 Sales"
    with qtbot.waitSignal(dialog.model.dataChanged):
        dialog.contact.setCurrentIndex(dialog.contact.findText("Acme Retail"))
    assert account.data() == "4100"
    assert dialog.table.itemDelegateForColumn(LineColumn.ACCOUNT).displayText(
        account.data(), None) == "4100 Services"


@pytest.mark.parametrize(("issued", "due"), [
    (dt.date(1, 1, 1), dt.date(1, 1, 31)), (dt.date(9999, 12, 1), dt.date(9999, 12, 31)),
])
def test_a_draft_at_the_ends_of_the_calendar_keeps_its_dates(qtbot, ui_session, customer,
                                                             draft, issued, due):
    document_id = draft(customer, "10", issue_date=issued, due_date=due)
    dialog = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE, document_id))
    qtbot.addWidget(dialog)
    assert (to_date(dialog.issue.date()), to_date(dialog.due.date())) == (issued, due)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    doc, _ = load_document(ui_session.book, document_id)
    assert (doc.issue_date, doc.due_date) == (issued, due)
