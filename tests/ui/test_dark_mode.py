"""Dark mode: the window follows the system's colour scheme, and what it colours itself
(report totals, status words, icons, the dashboard's charts) stays readable in it.

Readable is measured, not eyeballed: WCAG 2's contrast ratio of the colours actually
returned to Qt against the background they are painted on, 4.5:1 for text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.contrast import GRAPHICS, TEXT, contrast_ratio
from ledgerdesk.presentation.dashboard_charts import BarChart, Series
from ledgerdesk.presentation.lists import DocumentList
from ledgerdesk.presentation.report_results import ReportLine, ReportResult, Style
from ledgerdesk.ui.icons import themed_icon
from ledgerdesk.ui.models.paged import PagedTableModel
from ledgerdesk.ui.models.report_table import ReportTableModel
from ledgerdesk.ui.theme import Tone, follow_system, is_dark, tone_colour, use_scheme

Role = Qt.ItemDataRole


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def painted(model, row: int, palette: QPalette) -> tuple[QColor, QColor]:
    """(text, background) of a cell as the view paints it: the model's colours where it
    gives them, else the palette's."""
    index = model.index(row, 0)
    foreground, background = index.data(Role.ForegroundRole), index.data(Role.BackgroundRole)
    text = foreground.color() if foreground is not None else palette.color(QPalette.ColorRole.Text)
    base = background.color() if background is not None else palette.color(QPalette.ColorRole.Base)
    return text, base


def report_with_a_section_and_totals() -> ReportResult:
    lines = [ReportLine(("Income", ""), ("Income", None), Style.SECTION),
             ReportLine(("4000 Sales", "1,200.00"), ("4000", Decimal(1200)))]
    total = ReportLine(("Net profit", "1,200.00"), ("Net profit", Decimal(1200)), Style.TOTAL)
    return ReportResult(None, ("Account", "Amount"), (False, True), lines, None, [total])


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Dark, Qt.ColorScheme.Light])
def test_a_reports_section_and_totals_rows_read_at_aa_contrast(qapp, scheme):
    use_scheme(qapp, scheme)
    try:
        model = ReportTableModel()
        model.show(report_with_a_section_and_totals())
        for row in (0, 2):  # the section heading, the totals row
            text, background = painted(model, row, qapp.palette())
            assert contrast_ratio(rgb(text), rgb(background)) >= TEXT, (scheme, row)
    finally:
        use_scheme(qapp, Qt.ColorScheme.Light)
        qapp.processEvents()


def test_status_words_in_a_list_read_at_aa_contrast_in_dark_mode(dark, ui_session, issue,
                                                                 draft, customer):
    issue(customer, "100", issue_date=dt.date(2023, 1, 1))  # overdue on the session's day
    draft(customer, "20")
    model = PagedTableModel(DocumentList(ui_session, (DocumentKind.SALES_INVOICE,)))
    model.reload()
    status = [c.key for c in model.presenter.columns].index("status")
    coloured = 0
    for row in range(model.rowCount()):
        brush = model.index(row, status).data(Role.ForegroundRole)
        if brush is not None:
            coloured += 1
            base = dark.color(QPalette.ColorRole.Base)
            assert contrast_ratio(rgb(brush.color()), rgb(base)) >= TEXT
    assert coloured == 2


def test_icons_are_drawn_in_the_palettes_text_colour(dark):
    image = themed_icon("plus", dark).pixmap(48, 48).toImage()
    inked = [image.pixelColor(x, y) for x in range(48) for y in range(48)
             if image.pixelColor(x, y).alpha() == 255]
    assert inked, "the icon drew nothing"
    assert {rgb(c) for c in inked} == {rgb(dark.color(QPalette.ColorRole.WindowText))}


def test_the_application_follows_the_systems_colour_scheme(qapp):
    follow_system(qapp)
    hints = qapp.styleHints()
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert is_dark(qapp.palette())
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not is_dark(qapp.palette())
    finally:
        use_scheme(qapp, Qt.ColorScheme.Light)
        qapp.processEvents()


def test_the_dashboard_chart_is_drawn_on_the_palette_with_readable_labels(qtbot, dark):
    from ledgerdesk.ui.views.bar_chart import BarChartView

    view = BarChartView()
    qtbot.addWidget(view)
    series = (Series("Money in", (Decimal(10), Decimal(30)), ("10.00", "30.00")),
              Series("Money out", (Decimal(20), Decimal(5)), ("20.00", "5.00")))
    view.show_chart(BarChart("Money in and out", ("Jan", "Feb"), series,
                             ((Decimal(0), "0"), (Decimal(40), "40"))))
    chart = view.chart()
    background = rgb(chart.backgroundBrush().color())
    assert contrast_ratio(background, rgb(dark.color(QPalette.ColorRole.Window))) < 1.5
    labels = [rgb(axis.labelsBrush().color()) for axis in chart.axes()]
    labels += [rgb(chart.titleBrush().color()), rgb(chart.legend().labelColor())]
    assert all(contrast_ratio(label, background) >= TEXT for label in labels)
    bars = [rgb(bar.color()) for bar in chart.series()[0].barSets()]
    assert all(contrast_ratio(bar, background) >= GRAPHICS for bar in bars)


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Dark, Qt.ColorScheme.Light])
def test_notes_refusals_and_balanced_read_at_aa_contrast(qapp, scheme):
    use_scheme(qapp, scheme)
    try:
        palette = qapp.palette()
        for tone in Tone:
            for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
                ratio = contrast_ratio(rgb(tone_colour(tone)), rgb(palette.color(role)))
                assert ratio >= TEXT, (scheme, tone, role)
    finally:
        use_scheme(qapp, Qt.ColorScheme.Light)
        qapp.processEvents()


def test_a_refusal_under_a_field_is_light_red_in_dark_mode(dark):
    from ledgerdesk.ui.widgets import error_label

    label = error_label()
    assert tone_colour(Tone.ERROR, dark).name() in label.styleSheet()
