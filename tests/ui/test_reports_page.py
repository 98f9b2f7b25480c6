"""The Reports page as a user drives it: Ctrl+7, parameters typed, Run, the table read,
Enter to drill down; File > Export with its dialog, progress and Cancel."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.report_params import ReportKind
from ledgerdesk.presentation.report_results import Style
from ledgerdesk.reports.csv_format import read_csv
from ledgerdesk.ui import export_dialog
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.models.report_table import ReportTableModel
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.views.reports_page import NOT_RUN, RUNNING

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def window(qtbot, tmp_path, book, issue, pay, customer, supplier):
    invoice, _ = issue(customer, "100", issue_date=dt.date(2024, 1, 10))
    issue(customer, "50", issue_date=dt.date(2024, 2, 20))
    issue(supplier, "40", DocumentKind.BILL, issue_date=dt.date(2024, 1, 12))
    pay(customer, "60", (invoice, "60"), date=dt.date(2024, 1, 25))
    path = Path(book.path)
    book.close()
    main = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                      clock=lambda: TODAY, system_locale="de_DE")
    qtbot.addWidget(main)
    main.show()
    assert main.open_path(path)
    yield main
    main.close()


def reports_page(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.book_view.reports
    assert window.book_view.current_page() is page
    return page


def ran(qtbot, page) -> list[tuple[str, ...]]:
    qtbot.waitUntil(lambda: not page.running, timeout=5000)
    model = page.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_ctrl_7_runs_the_receivable_aging_off_the_gui_thread(qtbot, window):
    page = reports_page(qtbot, window)
    assert page.kind is ReportKind.RECEIVABLE_AGING
    assert page.state.text() == RUNNING
    rows = ran(qtbot, page)
    assert page.state.text() == ""
    # 40.00 of the January invoice is 21 days past its due date; February's is current.
    assert rows == [("Acme Retail", "50,00", "40,00", "0,00", "0,00", "0,00", "0,00", "90,00"),
                    ("Total", "50,00", "40,00", "0,00", "0,00", "0,00", "0,00", "90,00")]
    total = page.model.index(1, 0)
    assert total.data(Role.ENTITY).style is Style.TOTAL
    assert total.data(Qt.ItemDataRole.FontRole).bold()


def test_typed_buckets_and_date_change_the_aging(qtbot, window):
    page = reports_page(qtbot, window)
    ran(qtbot, page)
    page.bar.as_of.clear()
    qtbot.keyClicks(page.bar.as_of, "15.02.2024")
    page.bar.buckets.clear()
    qtbot.keyClicks(page.bar.buckets, "10,20")
    qtbot.keyClick(page.bar.buckets, Qt.Key.Key_Return)
    rows = ran(qtbot, page)
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["Customer", "Current", "1-10", "11-20", "Over 20"]
    # On 15 February the January invoice is 6 days overdue; February's is not issued yet.
    assert rows[0] == ("Acme Retail", "0,00", "40,00", "0,00", "0,00", "0,00", "40,00")


def shown_figures(page) -> list[str]:
    """Every figure the table shows now (cells with a digit), whatever the report."""
    model = page.model
    cells = (model.index(r, c).data() or "" for r in range(model.rowCount())
             for c in range(model.columnCount()))
    return [cell for cell in cells if any(ch.isdigit() for ch in cell)]


def test_a_refused_date_keeps_the_text_and_clears_the_old_figures(qtbot, window):
    page = reports_page(qtbot, window)
    ran(qtbot, page)
    assert "90,00" in shown_figures(page)
    page.bar.as_of.clear()
    qtbot.keyClicks(page.bar.as_of, "30.02.2024")
    qtbot.mouseClick(page.bar.run_button, Qt.MouseButton.LeftButton)
    assert not page.running
    assert "30.02.2024" in page.bar.message.text() and page.bar.message.isVisibleTo(page)
    assert page.bar.as_of.text() == "30.02.2024"
    # the 29 February figures would answer a question that was never asked
    assert shown_figures(page) == [] and page.current_export() is None
    assert page.state.text() == NOT_RUN


def test_a_period_that_ends_before_it_starts_clears_the_ledger(qtbot, window):
    page = reports_page(qtbot, window)
    page.choose(ReportKind.GENERAL_LEDGER)
    page.bar.account.setCurrentIndex(page.bar.account.findData("1100"))
    page.bar.run_button.click()
    ran(qtbot, page)
    assert "100,00" in shown_figures(page)
    page.bar.start.setText("01.03.2024")
    page.bar.end.setText("31.01.2024")
    qtbot.keyClick(page.bar.end, Qt.Key.Key_Return)
    assert "ends (31.01.2024) before it starts" in page.bar.message.text()
    assert shown_figures(page) == [] and page.current_export() is None
    page.bar.start.setText("01.01.2024")  # fixed: the figures come back
    qtbot.keyClick(page.bar.end, Qt.Key.Key_Return)
    ran(qtbot, page)
    assert "100,00" in shown_figures(page) and page.state.text() == ""


def test_a_refusal_while_a_run_is_on_its_way_drops_that_run(qtbot, window):
    page = reports_page(qtbot, window)
    ran(qtbot, page)
    page.bar.as_of.setText("15.02.2024")
    page.run()  # on its way
    page.bar.as_of.setText("15.02.")
    page.run()  # refused before the first answer arrives
    qtbot.wait(300)
    assert not page.running and shown_figures(page) == []


def test_profit_and_loss_row_drills_to_the_general_ledger_of_the_same_period(qtbot, window):
    page = reports_page(qtbot, window)
    page.choose(ReportKind.PROFIT_AND_LOSS)
    page.bar.preset.setCurrentIndex(page.bar.preset.findText("Custom"))
    page.bar.start.clear()
    qtbot.keyClicks(page.bar.start, "01.01.2024")
    page.bar.end.clear()
    qtbot.keyClicks(page.bar.end, "31.01.2024")
    qtbot.keyClick(page.bar.end, Qt.Key.Key_Return)
    rows = ran(qtbot, page)
    assert rows[1] == ("4000", "Sales", "100,00", "0,00")
    assert rows[-1] == ("", "Net profit", "60,00", "0,00")
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.kind is ReportKind.GENERAL_LEDGER
    ledger = ran(qtbot, page)
    assert page.bar.account.currentData() == "4000"
    assert (page.bar.start.text(), page.bar.end.text()) == ("01.01.2024", "31.01.2024")
    assert [row[2] for row in ledger] == ["Invoice INV-00001", "Totals and closing balance"]


def test_the_balance_sheet_on_screen_ends_with_total_liabilities_and_equity(qtbot, window):
    page = reports_page(qtbot, window)
    page.choose(ReportKind.BALANCE_SHEET)
    rows = ran(qtbot, page)
    assets = next(row for row in rows if row[1] == "Total assets")
    assert rows[-1] == ("", "Total liabilities and equity", *assets[2:])
    last = page.model.index(page.model.rowCount() - 1, 0)
    assert last.data(Role.ENTITY).style is Style.TOTAL


def test_enter_on_an_aging_row_lists_its_documents_and_then_opens_one(qtbot, window,
                                                                      monkeypatch):
    page = reports_page(qtbot, window)
    ran(qtbot, page)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    documents = ran(qtbot, page)
    assert page.bar.detail.isChecked() and page.bar.contact.currentText() == "Acme Retail"
    assert [row[1] for row in documents] == ["INV-00001", "INV-00002", ""]
    opened = []
    monkeypatch.setattr(window.book_view, "edit_document",
                        lambda kind, document_id: opened.append((kind, document_id)))
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [(DocumentKind.SALES_INVOICE, page.model.line(1).drill.key)]


def test_a_register_row_opens_its_payment(qtbot, window, monkeypatch):
    page = reports_page(qtbot, window)
    page.choose(ReportKind.PAYMENTS_REGISTER)
    rows = ran(qtbot, page)
    assert rows[0][2] == "Acme Retail" and rows[0][4] == "60,00"
    opened = []
    monkeypatch.setattr("ledgerdesk.ui.editors.payment_detail_dialog.open_payment_detail",
                        lambda session, payment_id, parent, push: opened.append(payment_id))
    page.table.doubleClicked.emit(page.model.index(0, 0))
    assert opened == [page.model.line(0).drill.key]


def test_the_report_model_passes_the_model_tester(qtbot, window, qtmodeltester):
    page = reports_page(qtbot, window)
    page.choose(ReportKind.CUSTOMER_STATEMENT)
    page.bar.contact.setCurrentIndex(0)
    page.run()
    ran(qtbot, page)
    assert page.model.rowCount() > 2
    qtmodeltester.check(page.model)
    empty = ReportTableModel()
    qtmodeltester.check(empty)


def export_with(qtbot, window, path: Path, *, excel: bool) -> None:
    """Ctrl+E, then the file typed into the export dialog and Export pressed."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, export_dialog.ExportDialog)
        dialog.path.setText(str(path))
        dialog.bom.setChecked(excel)
        dialog.export_button.click()

    window.activateWindow()  # after an earlier export's dialogs, for the shortcut to reach it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    QTimer.singleShot(0, fill)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_e_exports_the_report_on_screen_with_its_parameters(qtbot, window, tmp_path):
    page = reports_page(qtbot, window)
    page.choose(ReportKind.SALES_TAX)
    ran(qtbot, page)
    path = tmp_path / "tax.csv"
    export_with(qtbot, window, path, excel=False)
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=5000)
    assert window.statusBar().currentMessage() == f"Exported 2 rows to {path}."
    with open(path, encoding="utf-8", newline="") as lines:
        rows = list(read_csv(lines))
    assert rows[0] == ["side", "rate", "documents", "net", "tax"]
    assert [row[:3] for row in rows[1:]] == [["sales", "0", "2"], ["purchases", "0", "1"]]


def test_ctrl_e_exports_the_filtered_list_and_a_cancel_writes_nothing(qtbot, window,
                                                                     tmp_path, monkeypatch):
    view = window.book_view
    view.show_page(1)
    view.invoices.search.setText("INV-00002")
    view.invoices.bar.apply_text()
    path = tmp_path / "invoices.csv"
    export_with(qtbot, window, path, excel=True)
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=5000)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeffnumber,") and text.count("\n") == 2 and "INV-00002" in text

    gate = threading.Event()  # holds the export until Cancel has been pressed
    real = export_dialog.write_export

    def gated(export, target, *, bom, progress):
        gate.wait(5)
        return real(export, target, bom=bom, progress=progress)

    monkeypatch.setattr(export_dialog, "write_export", gated)
    cancelled = tmp_path / "cancelled.csv"
    export_with(qtbot, window, cancelled, excel=True)
    (progress,) = window.findChildren(QProgressDialog)
    progress.findChild(QPushButton).click()  # its Cancel button
    gate.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == export_dialog.CANCELLED,
                    timeout=5000)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("cancelled")]


def test_a_long_ledgers_further_rows_come_from_its_stream(qtbot, window, monkeypatch):
    from ledgerdesk.presentation import report_results
    from ledgerdesk.ui.models import report_table

    monkeypatch.setattr(report_results, "HEAD", 2)  # read with the report
    monkeypatch.setattr(report_table, "FETCH", 1)  # then one more row at a time
    page = reports_page(qtbot, window)
    page.choose(ReportKind.GENERAL_LEDGER)
    page.bar.account.setCurrentIndex(page.bar.account.findData("1100"))
    page.bar.start.setText("01.01.2024")  # the year to date: three postings to receivables
    qtbot.mouseClick(page.bar.run_button, Qt.MouseButton.LeftButton)
    first = ran(qtbot, page)
    assert page.model.result is not None and len(page.model.result.lines) == 2  # the run's
    assert first[-1][2] == "Totals and closing balance"  # the totals are there from the start
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: not page.model.canFetchMore(), timeout=5000)
    rows = [page.model.index(r, 6).data() for r in range(page.model.rowCount())]
    assert rows == ["100,00", "40,00", "90,00", "90,00"]  # the balance runs, then closes


def test_amount_columns_narrow_together_so_the_last_one_stays_in_sight():
    from ledgerdesk.ui.views.reports_page import NUMBER_WIDTH, fit_widths

    wanted, money = [191, 65, 44, 72, 44, 72, 135, 72], [False] + [True] * 7
    assert fit_widths(wanted, money, 2000) == [191] + [NUMBER_WIDTH] * 5 + [135, NUMBER_WIDTH]
    narrow = fit_widths(wanted, money, 928)
    assert sum(narrow) <= 928 and narrow[0] == 191 and narrow[6] == 135
    assert len({narrow[i] for i in (1, 2, 3, 4, 5, 7)}) == 1  # amounts still line up
    assert fit_widths(wanted, money, 300) == wanted  # no room at all: as each needs
