"""The tax return for ``screenshots``: last month's return by code, a code's documents (its
drill) and the Settle dialog, shown but never accepted: a screenshot changes no book.

``tax_return_screens`` yields ``(name, widget)`` once the screen is ready to be grabbed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QWidget

from ledgerdesk.presentation.report_params import Preset, ReportKind
from ledgerdesk.presentation.report_results import Drill, Target

Wait = Callable[[Callable[[], bool]], None]


def tax_return_screens(window: QWidget, view, wait: Wait) -> Iterator[tuple[str, QWidget]]:
    page = view.reports
    view.show_page(view.pages.indexOf(page))
    page.choose(ReportKind.TAX_RETURN)
    page.bar.preset.setCurrentIndex(page.bar.preset.findData(Preset.LAST_MONTH))
    page.bar.preset.activated.emit(page.bar.preset.currentIndex())
    page.run()
    wait(lambda: not page.running)
    yield "70-tax-return", window
    if page.settle_button.isEnabled():
        page.settle_tax()
        dialog = page.settle_dialog
        assert dialog is not None
        try:
            yield "71-settle-tax", dialog
        finally:
            dialog.done(0)
            dialog.deleteLater()
    codes = [r for r in page.tax_return.rows if r.code_id] if page.tax_return else []
    if codes:  # the code with the most tax shows a drill best
        busiest = max(codes, key=lambda r: abs(r.tax.amount)).code_id
        row = next(r for r in range(page.model.rowCount()) if (line := page.model.line(r))
                   and line.drill == Drill(Target.TAX_CODE, busiest))
        page.table.selectRow(row)
        page.open_current()
        wait(lambda: not page.running)
        yield "72-tax-return-documents", window
