"""``GridTable``: an editable table that Tab walks cell by cell and then leaves.

``QTableView`` with tab navigation wraps from the last cell back to the first, so Tab can
never reach the buttons after the grid: a keyboard trap.  Here Tab after the last cell,
and Shift+Tab before the first, move focus on to the next or previous widget instead,
in one press even when that cell was being edited (closing its editor left the focus on
the table, so leaving took a second Tab).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView, QWidget

Action = QAbstractItemView.CursorAction
Hint = QAbstractItemDelegate.EndEditHint


class GridTable(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(True)

    def moveCursor(self, cursorAction: Action, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if (cursorAction == Action.MoveNext and self._at_end()) or (
                cursorAction == Action.MovePrevious and self._at_start()):
            return QModelIndex()  # no cell: the key moves focus out of the grid
        return super().moveCursor(cursorAction, modifiers)

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        leave_forward = hint == Hint.EditNextItem and self._at_end()
        leave_back = hint == Hint.EditPreviousItem and self._at_start()
        super().closeEditor(editor, hint)
        if leave_forward:
            self.focusNextChild()
        elif leave_back:
            self.focusPreviousChild()

    def _at_end(self) -> bool:
        current, model = self.currentIndex(), self.model()
        return (model is not None and current.isValid()
                and (current.row(), current.column())
                == (model.rowCount() - 1, model.columnCount() - 1))

    def _at_start(self) -> bool:
        current = self.currentIndex()
        return current.isValid() and (current.row(), current.column()) == (0, 0)
