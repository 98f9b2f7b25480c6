"""The tax return on the Reports page: its rows, Enter on a code's row to its documents and on
a document to its form; "Settle…" asks, records the payment and disables itself; the
document form's tax column picks a code from a list that shows name and rate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.report_params import ReportKind
from ledgerdesk.services.documents import load_document
from ledgerdesk.services.tax_codes import list_tax_codes
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.models.lines import LineColumn
from ledgerdesk.ui.preferences import Preferences

TODAY = dt.date(2024, 4, 20)


def line(price: str, code: str, account: str = "4000") -> dict:
    return {"description": "item", "unit_price": Decimal(price), "account_code": account,
            "tax_code": code}


@pytest.fixture
def window(qtbot, tmp_path, book, issue, customer, supplier):
    issue(customer, lines=[line("200", "Standard 20%"), line("60", "Reduced 5%")],
          issue_date=dt.date(2024, 2, 10))
    issue(supplier, kind=DocumentKind.BILL, lines=[line("60", "Standard 20%", "6000")],
          issue_date=dt.date(2024, 3, 3))
    path = Path(book.path)
    book.close()
    main = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                      clock=lambda: TODAY, system_locale="de_DE")
    qtbot.addWidget(main)
    main.show()
    assert main.open_path(path)
    yield main
    main.close()


def tax_return_page(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.book_view.reports
    page.choose(ReportKind.TAX_RETURN)
    page.bar.start.setText("01.01.2024")
    page.bar.end.setText("31.03.2024")
    page.run()
    return page


def rows(qtbot, page) -> list[tuple[str, ...]]:
    qtbot.waitUntil(lambda: not page.running, timeout=5000)
    model = page.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_the_return_drills_to_a_codes_documents_and_on_to_the_document(qtbot, window,
                                                                       monkeypatch):
    page = tax_return_page(qtbot, window)
    assert rows(qtbot, page) == [
        ("Reduced 5%", "5", "sales", "60,00", "3,00"),
        ("Standard 20%", "20", "sales", "200,00", "40,00"),
        ("Standard 20%", "20", "purchases", "60,00", "12,00"),
        ("net due", "", "", "", "31,00"),
    ]
    assert "31,00 to pay" in page.notes.text()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert rows(qtbot, page) == [("INV-00001", "10.02.2024", "Acme Retail", "invoice",
                                  "200,00", "40,00"),
                                 ("Total", "", "", "", "200,00", "40,00")]
    assert page.bar.tax_code.currentText() == "Standard 20%, sales"
    assert not page.settle_button.isEnabled()  # one code's documents: nothing to settle
    opened = []
    monkeypatch.setattr(window.book_view, "edit_document",
                        lambda kind, document_id: opened.append((kind, document_id)))
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [(DocumentKind.SALES_INVOICE, page.model.line(0).drill.key)]


def test_settle_asks_records_the_payment_and_then_is_done(qtbot, window, answers):
    page = tax_return_page(qtbot, window)
    rows(qtbot, page)
    assert page.settle_button.isVisible() and page.settle_button.isEnabled()
    qtbot.mouseClick(page.settle_button, Qt.MouseButton.LeftButton)
    dialog = page.settle_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.date.text() == "20.04.2024" and dialog.bank.currentText() == "1000 Bank"
    answers.reply = False  # "no" changes nothing
    qtbot.mouseClick(dialog.settle_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and answers[-1][2].startswith("Pay 31,00 of tax for 01.01.2024")
    answers.reply = True
    qtbot.mouseClick(dialog.settle_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    rows(qtbot, page)
    assert page.notes.text().startswith("Paid 31,00 of tax for 2024-01-01 to 2024-03-31 from "
                                        "1000 Bank on 2024-04-20 (TAX-00001).")
    assert "Settled by TAX-00001" in page.notes.text()
    assert not page.settle_button.isEnabled()
    assert "Settled by TAX-00001" in page.settle_button.toolTip()
    book = window.session.book
    with book.read() as tx:
        [entry] = tx.entries_for(SourceType.TAX_SETTLEMENT, 1)
    assert {ln.account_code: ln.amount.amount for ln in entry.lines} == {
        "2200": Decimal("31.00"), "1000": Decimal("-31.00")}


def test_a_refused_settlement_keeps_the_dialog_and_what_was_typed(qtbot, window):
    page = tax_return_page(qtbot, window)
    rows(qtbot, page)
    qtbot.mouseClick(page.settle_button, Qt.MouseButton.LeftButton)
    dialog = page.settle_dialog
    dialog.date.setText("15.03.2024")
    qtbot.mouseClick(dialog.settle_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.date.text() == "15.03.2024"
    assert "before the period ends" in dialog.message.text()


def test_the_tax_column_picks_a_code_by_name_and_rate(qtbot, ui_session, customer):
    dialog = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.contact.setCurrentIndex(dialog.contact.findText("Acme Retail"))
    model = dialog.model
    model.setData(model.index(0, LineColumn.UNIT_PRICE), "100", Qt.ItemDataRole.EditRole)
    cell = model.index(0, LineColumn.TAX_CODE)
    assert cell.data() == "No tax 0%"
    dialog.table.setCurrentIndex(cell)
    dialog.table.edit(cell)
    picker = dialog.table.findChild(QComboBox)
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "No tax 0%", "Reduced 5%", "Standard 20%"]
    picker.setCurrentIndex(picker.findText("Reduced 5%"))
    picker.activated.emit(picker.currentIndex())
    assert cell.data() == "Reduced 5%" and "Tax 5,00" in dialog.totals.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    doc, _ = load_document(ui_session.book, dialog.editor.document_id)
    reduced = next(c.id for c in list_tax_codes(ui_session.book, Side.SALES)
                   if c.name == "Reduced 5%")
    assert [ln.tax_code_id for ln in doc.lines] == [reduced]
