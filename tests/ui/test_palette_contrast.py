"""The palette the window runs with reads at WCAG AA in light and dark mode: text on its
background, a selected row's text on the selection, a field's placeholder, a tooltip.
Measured as painted (a translucent placeholder over its field)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from ledgerdesk.presentation.columns import Mark
from ledgerdesk.presentation.contrast import TEXT, contrast_ratio
from ledgerdesk.ui.theme import mark_colour, mixed, use_scheme

R = QPalette.ColorRole
PAIRS = ((R.Text, R.Base), (R.Text, R.AlternateBase), (R.WindowText, R.Window),
         (R.ButtonText, R.Button), (R.HighlightedText, R.Highlight),
         (R.PlaceholderText, R.Base), (R.ToolTipText, R.ToolTipBase), (R.Link, R.Base))


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def painted(palette: QPalette, group, role, on) -> QColor:
    colour = palette.color(group, role)
    return mixed(palette.color(group, on), colour, colour.alphaF())


@pytest.fixture(params=[Qt.ColorScheme.Light, Qt.ColorScheme.Dark], ids=["light", "dark"])
def palette(request, qapp):
    use_scheme(qapp, request.param)
    qapp.processEvents()
    yield qapp.palette()
    use_scheme(qapp, Qt.ColorScheme.Light)
    qapp.processEvents()


@pytest.mark.parametrize("group", [QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive])
@pytest.mark.parametrize(("text", "background"), PAIRS, ids=lambda r: r.name)
def test_the_palettes_text_reads_on_its_background(palette, group, text, background):
    ratio = contrast_ratio(rgb(painted(palette, group, text, background)),
                           rgb(palette.color(group, background)))
    assert ratio >= TEXT, f"{text.name} on {background.name}: {ratio:.2f}:1"


@pytest.mark.parametrize("mark", [m for m in Mark if m not in (Mark.NONE, Mark.OPEN)])
@pytest.mark.parametrize("row", [R.Base, R.AlternateBase], ids=lambda r: r.name)
def test_a_status_word_reads_on_plain_and_shaded_rows(palette, mark, row):
    colour = mark_colour(mark, palette)
    assert colour is not None
    assert contrast_ratio(rgb(colour), rgb(palette.color(row))) >= TEXT


def test_the_focus_ring_stands_out_from_the_window_and_the_table(palette, qapp):
    from ledgerdesk.presentation.contrast import GRAPHICS
    from ledgerdesk.ui.focus_ring import ring_colour

    ring = ring_colour(palette)
    for role in (R.Window, R.Base):
        assert contrast_ratio(rgb(ring), rgb(palette.color(role))) >= GRAPHICS, role
    assert f"border: 2px solid {ring.name()}" in qapp.styleSheet()
