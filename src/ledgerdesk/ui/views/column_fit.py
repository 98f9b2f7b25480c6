"""Column widths that fit their content when a list first shows, from what is at hand.

A list may hold 100,000 rows paged from SQL, so ``ResizeToContents`` (which reads every row)
is out.  A column is made as wide as the widest of: its header with room for the sort arrow,
the rows that can be on screen at once (from the first page, which the view read to paint
itself), and the texts its spec names as ``samples`` (every status word, a long date), so
the words further down fit too; an empty list keeps the spec's starting widths.  Never
wider than ``MAX_WIDTH`` (the user can still drag it wider); a list too wide for the window
scrolls sideways.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView

from ledgerdesk.presentation.columns import Column

MAX_WIDTH = 400


def text_margin(table: QTableView) -> int:
    """What a cell's text cannot use: the delegate's margin on both sides, and the grid line
    the view takes off each cell (one pixel short of this and Qt elides the text)."""
    frame = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    return 2 * (frame + 1) + (1 if table.showGrid() else 0)


def text_width(table: QTableView, text: str) -> int:
    """The text's width as Qt lays it out: fractional advances rounded up (the whole-pixel
    ``QFontMetrics`` can be a pixel short, and Qt then elides the last letters)."""
    return math.ceil(QFontMetricsF(table.font()).horizontalAdvance(text))


def rows_on_screen(table: QTableView) -> int:
    """The rows the table can show at once: in its viewport, or in the whole height of its
    screen (before the first layout, and for when the window is maximised)."""
    screen = table.screen().availableGeometry().height()
    height = max(table.viewport().height(), screen)
    return height // max(1, table.verticalHeader().defaultSectionSize()) + 1


def fit_columns(table: QTableView, columns: Sequence[Column]) -> None:
    """Widen (or narrow back to their spec) the columns of ``table`` to fit their content."""
    model, header = table.model(), table.horizontalHeader()
    margin = text_margin(table)
    rows = min(model.rowCount(), rows_on_screen(table))
    for index, column in enumerate(columns):
        texts = [*column.samples, *(model.index(row, index).data() or "" for row in range(rows))]
        cells = max((text_width(table, text) for text in texts), default=0) + margin
        # no rows yet: the spec's starting width, until there is content to fit
        wanted = max(header.sectionSizeHint(index), cells if rows else column.width)
        header.resizeSection(index, min(MAX_WIDTH, wanted))


def at_least_heading(table: QTableView, column: int, width: int) -> int:
    """``width``, or the column's heading's own width when that is wider: a heading such as
    "Abgestimmt" or "Rapproché" must not be cut where "Cleared" fitted."""
    title = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
    header = table.horizontalHeader()
    heading = math.ceil(QFontMetricsF(header.font()).horizontalAdvance(title))
    padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return max(width, heading + padding + text_margin(table) + 8)


def at_least_texts(table: QTableView, width: int, texts: Sequence[str]) -> int:
    """``width``, or the widest of ``texts`` (every word the column can show, in the
    user's language) when that is wider: "Verbindlichkeiten" where "Liability" fitted."""
    widest = max((text_width(table, text) for text in texts), default=0)
    return max(width, widest + text_margin(table) + 8)
