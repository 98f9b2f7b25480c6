"""The Reports page for ``screenshots``: every report as a user would reach it, a drill from
an aging row and from a profit-and-loss row, a refused date, and File > Export's dialog.

``report_screens`` yields ``(name, widget, settle)`` once the screen is ready; the caller
grabs it (``settle=False``: grab before a background answer can arrive, the Running state).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QWidget

from ledgerdesk.presentation.report_params import Preset, ReportKind
from ledgerdesk.presentation.report_results import Target
from ledgerdesk.ui import file_dialogs
from ledgerdesk.ui.export_dialog import ExportDialog

Wait = Callable[[Callable[[], bool]], None]
Screen = tuple[str, QWidget, bool]


def report_screens(window: QWidget, view, wait: Wait) -> Iterator[Screen]:
    page = view.reports
    view.show_page(6)
    yield "50-report-running", window, False
    wait(lambda: not page.running)
    yield "51-receivable-aging", window, True
    _drill_first(page, Target.CONTACT)
    wait(lambda: not page.running)
    yield "52-aging-documents", window, True
    for number, kind in enumerate((ReportKind.PAYABLE_AGING, ReportKind.PROFIT_AND_LOSS,
                                   ReportKind.BALANCE_SHEET, ReportKind.TRIAL_BALANCE,
                                   ReportKind.PAYMENTS_REGISTER, ReportKind.SALES_TAX),
                                  start=53):
        page.choose(kind)
        wait(lambda: not page.running)
        yield f"{number}-{kind.value}", window, True
    page.choose(ReportKind.PROFIT_AND_LOSS)
    wait(lambda: not page.running)
    _drill_first(page, Target.ACCOUNT)  # the ledger of the first income account
    wait(lambda: not page.running)
    yield "59-general-ledger", window, True
    for number, kind in ((60, ReportKind.CUSTOMER_STATEMENT),
                         (61, ReportKind.SUPPLIER_STATEMENT)):
        page.choose(kind)
        page.bar.contact.setCurrentIndex(0)
        page.run()
        wait(lambda: not page.running)
        yield f"{number}-{kind.value}", window, True
    page.bar.start.setText("31.02.2024" if "." in page.bar.start.text() else "2/31/2024")
    page.run()
    yield "62-report-refused", window, True
    page.bar.preset.setCurrentIndex(page.bar.preset.findData(Preset.YEAR_TO_DATE))
    page.bar.preset.activated.emit(page.bar.preset.currentIndex())
    page.choose(ReportKind.PROFIT_AND_LOSS)
    wait(lambda: not page.running)
    export = page.current_export()
    assert export is not None
    dialog = ExportDialog(export, file_dialogs.start_folder(), window)
    dialog.show()
    try:
        yield "63-export-dialog", dialog, True
    finally:
        dialog.done(0)
        dialog.deleteLater()


def _drill_first(page, target: Target) -> None:
    """Enter on the first row that opens ``target``."""
    for row in range(page.model.rowCount()):
        line = page.model.line(row)
        if line is not None and line.drill is not None and line.drill.target is target:
            page.table.selectRow(row)
            page.open_current()
            return
