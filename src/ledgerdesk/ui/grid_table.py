"""``GridTable``: an editable table that Tab walks cell by cell and then leaves.

``QTableView`` with tab navigation wraps from the last cell back to the first, so Tab can
never reach the buttons after the grid: a keyboard trap.  Here Tab after the last cell,
and Shift+Tab before the first, move focus on to the next or previous widget instead.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

Action = QAbstractItemView.CursorAction


class GridTable(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(True)

    def moveCursor(self, cursorAction: Action, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        model = self.model()
        if model is not None and current.isValid():
            last_row, last_column = model.rowCount() - 1, model.columnCount() - 1
            at_end = (current.row(), current.column()) == (last_row, last_column)
            at_start = (current.row(), current.column()) == (0, 0)
            if (cursorAction == Action.MoveNext and at_end) or (
                    cursorAction == Action.MovePrevious and at_start):
                return QModelIndex()  # no cell: the key moves focus out of the grid
        return super().moveCursor(cursorAction, modifiers)
