"""``PagedTableModel``: any ``ListPresenter`` as a Qt table, fetched a page at a time.

The row count comes from one SQL count; rows are fetched in pages of ``PAGE`` when the
view paints them and kept in a small LRU cache, so a 100,000-row list opens at once and
scrolls anywhere.  Sorting asks the presenter to re-query in SQL.  Every override is total:
an exception inside a Qt override can kill the process, so a failed fetch shows blanks.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication

from ledgerdesk.presentation.columns import ListPresenter
from ledgerdesk.ui.models.spoken_cells import SPOKEN, sorted_heading, spoken_cell
from ledgerdesk.ui.theme import mark_colour

log = logging.getLogger(__name__)
PAGE = 200
MAX_PAGES = 32
Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ENTITY = Qt.ItemDataRole.UserRole + 1  # the backing read-model record
    SORT = Qt.ItemDataRole.UserRole + 2  # the real value (Decimal, date), not its text
    MARK = Qt.ItemDataRole.UserRole + 3  # the row's status Mark


class PagedTableModel(QAbstractTableModel):
    def __init__(self, presenter: ListPresenter, parent=None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self._count = 0
        self._pages: OrderedDict[int, list] = OrderedDict()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        try:
            self._count = self.presenter.count()
        except Exception:
            log.exception("counting rows failed")
            self._count = 0
        self.endResetModel()

    # ---- Qt overrides: trivial and total --------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.presenter.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns = self.presenter.columns
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(columns):
            return None
        column = columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == SPOKEN:
            presenter = self.presenter
            return sorted_heading(column.title, section == presenter.sort_column,
                                  presenter.descending)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column.numeric)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.presenter.columns):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.presenter.columns[index.column()]
        try:
            return self._role(row, column, role)
        except Exception:
            log.exception("drawing a cell failed")
            return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        columns = self.presenter.columns
        if not 0 <= column < len(columns) or not columns[column].sortable:
            return
        self.presenter.sort_by(column, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # ---- helpers -------------------------------------------------------------------------

    def row_at(self, row: int) -> Any:
        """The record on ``row``, fetching its page if needed; None if out of range."""
        if not 0 <= row < self._count:
            return None
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE
        return page[offset] if offset < len(page) else None

    def _fetch(self, number: int) -> list:
        try:
            page = self.presenter.page(number * PAGE, PAGE)
        except Exception:
            log.exception("fetching a page failed")
            return []
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def _role(self, row: Any, column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Role.SORT:
            return column.value(row)
        if role == SPOKEN:
            return spoken_cell(column.display(row))
        if role == Role.ENTITY:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column.numeric)
        if role == Role.MARK:
            return self.presenter.mark(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "status":
            # Only the status cell is coloured: no need to derive the mark for the others.
            colour = mark_colour(self.presenter.mark(row), QGuiApplication.palette())
            return QBrush(colour) if colour is not None else None
        return None


def alignment(numeric: bool) -> int:
    horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
    return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
