"""``ReportTableModel``: a report run (``presentation.report_results``) as a Qt table.

It shows the first rows the run read, then pulls the rest of a long report from its stream
``FETCH`` rows at a time as the view scrolls (``canFetchMore``/``fetchMore``); the totals
stay under the last row fetched.  Section headings and totals are bold and shaded, in a
shade of the palette in force (``theme.shading``), so they read in dark mode too.
Every override is total: a failed fetch ends the stream instead of raising into Qt.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication

from ledgerdesk.presentation.report_results import ReportLine, ReportResult, Style
from ledgerdesk.ui.models.paged import Role, alignment
from ledgerdesk.ui.models.spoken_cells import SPOKEN, spoken_cell
from ledgerdesk.ui.theme import shading

log = logging.getLogger(__name__)
FETCH = 2000
Index = QModelIndex | QPersistentModelIndex
#: How far a totals row and a section heading are shaded from the base towards the text.
TOTAL_SHADE, SECTION_SHADE = 0.09, 0.04


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.result: ReportResult | None = None
        self._lines: list[ReportLine] = []
        self._footers: list[ReportLine] = []
        self._bold = _bold()

    def show(self, result: ReportResult | None) -> None:
        """Show a new run (None: an empty table); the previous run's stream is let go."""
        self.beginResetModel()
        if self.result is not None and self.result is not result:
            self.result.close()
        self.result = result
        self._lines = list(result.lines) if result else []
        self._footers = list(result.footers) if result else []
        self.endResetModel()

    def line(self, row: int) -> ReportLine | None:
        if 0 <= row < len(self._lines):
            return self._lines[row]
        row -= len(self._lines)
        return self._footers[row] if 0 <= row < len(self._footers) else None

    @property
    def body_rows(self) -> int:
        """Rows fetched so far, totals not counted."""
        return len(self._lines)

    # ---- Qt overrides: trivial and total -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines) + len(self._footers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.result is None else len(self.result.titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        result = self.result
        if (orientation != Qt.Orientation.Horizontal or result is None
                or not 0 <= section < len(result.titles)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return result.titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(result.numeric[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line(index.row()) if index.isValid() else None
        if line is None or self.result is None or not 0 <= index.column() < len(line.cells):
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return line.cells[column]
        if role == SPOKEN:
            return spoken_cell(line.cells[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(self.result.numeric[column])
        if role == Qt.ItemDataRole.FontRole and line.style is not Style.ROW:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and line.style is not Style.ROW:
            shade = TOTAL_SHADE if line.style is Style.TOTAL else SECTION_SHADE
            return QBrush(shading(QGuiApplication.palette(), shade))
        if role == Role.SORT:
            return line.values[column]
        if role == Role.ENTITY:
            return line
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.result is not None and self.result.rest is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.result is None or self.result.rest is None:
            return
        try:
            more = list(itertools.islice(self.result.rest, FETCH))
        except Exception:
            log.exception("reading more report rows failed")
            more = []
        if len(more) < FETCH:
            self.result.close()
        if more:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._lines.extend(more)
            self.endInsertRows()
