"""A screen reader reads each cell from the model's accessible text: a status as its word
(not ⚠ or ✓), a negative amount with "minus", a refused cell with its problem (the screen
says it only in red), and the sorted column as sorted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.lists import DocumentList
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.presentation.report_results import ReportLine, ReportResult, Style
from ledgerdesk.ui.models.allocations import AllocationColumn, AllocationTableModel
from ledgerdesk.ui.models.lines import LineColumn, LineTableModel
from ledgerdesk.ui.models.paged import PagedTableModel
from ledgerdesk.ui.models.report_table import ReportTableModel

SPOKEN = Qt.ItemDataRole.AccessibleTextRole
SHOWN = Qt.ItemDataRole.DisplayRole


def column_of(model, key: str) -> int:
    return [c.key for c in model.presenter.columns].index(key)


def test_a_lists_status_is_read_as_its_word(ui_session, issue, customer):
    issue(customer, "100", issue_date=dt.date(2023, 1, 1))  # overdue on the session's day
    model = PagedTableModel(DocumentList(ui_session, (DocumentKind.SALES_INVOICE,)))
    model.reload()
    cell = model.index(0, column_of(model, "status"))
    assert "⚠" in cell.data(SHOWN)
    assert cell.data(SPOKEN) == "Overdue"


def test_the_sorted_columns_heading_says_it_is_sorted(ui_session, issue, customer):
    issue(customer, "100")
    model = PagedTableModel(DocumentList(ui_session, (DocumentKind.SALES_INVOICE,)))
    model.reload()
    sorted_column = model.presenter.sort_column
    heading = model.headerData(sorted_column, Qt.Orientation.Horizontal, SPOKEN)
    assert heading.startswith(model.presenter.columns[sorted_column].title)
    assert "sorted" in heading
    other = (sorted_column + 1) % len(model.presenter.columns)
    assert "sorted" not in (model.headerData(other, Qt.Orientation.Horizontal, SPOKEN) or "")


def test_a_reports_negative_amount_is_read_with_minus(qapp):
    model = ReportTableModel()
    lines = [ReportLine(("Net loss", "-1.200,00"), ("Net loss", Decimal(-1200)), Style.TOTAL)]
    model.show(ReportResult(None, ("Account", "Amount"), (False, True), lines, None, []))
    assert model.index(0, 1).data(SPOKEN) == "minus 1.200,00"


def test_a_refused_line_cell_is_read_with_its_problem(ui_session, customer):
    editor = DocumentEditor(ui_session, DocumentKind.SALES_INVOICE)
    model = LineTableModel(editor)
    editor.set_line_text(0, "quantity", "two")
    model.reload()
    said = model.index(0, LineColumn.QUANTITY).data(SPOKEN)
    assert said.startswith("two, problem: ")
    assert editor.line_error(0, "quantity") in said


def test_an_over_allocated_row_is_read_as_a_problem(ui_session, customer, two_invoices):
    editor = PaymentEditor(ui_session, PaymentKind.CUSTOMER_RECEIPT)
    editor.set_contact(customer)
    model = AllocationTableModel(editor, str, this_title="This payment")
    assert editor.rows
    model.setData(model.index(0, AllocationColumn.THIS_PAYMENT), "ten")
    said = model.index(0, AllocationColumn.CHECK).data(SPOKEN)
    assert said == "problem: not an amount"


def test_a_dashboard_figure_is_read_without_its_markup_and_an_alert_as_a_problem(qtbot):
    from ledgerdesk.ui.views.dashboard_tiles import Tile

    tile = Tile("Net")
    qtbot.addWidget(tile)
    tile.show_figure("-1.234,00", "3 overdue", alert=True)
    assert tile.value.accessibleName() == "minus 1.234,00"
    assert tile.detail.accessibleName() == "problem: 3 overdue"
