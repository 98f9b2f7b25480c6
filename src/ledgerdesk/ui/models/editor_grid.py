"""``EditorGridModel``: what the editors' fixed-column tables share (titles, alignment,
counts, reset), so each grid only says which rows it shows and how a cell reads;
``LineGridModel``, a grid over an editor's ``lines`` that adds and removes them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ledgerdesk.ui.models.paged import alignment

Index = QModelIndex | QPersistentModelIndex


class EditorGridModel(QAbstractTableModel):
    edited = Signal()
    titles: Sequence[str] = ()
    numeric: frozenset[int] = frozenset()

    def __init__(self, row_total: Callable[[], int], parent=None) -> None:
        super().__init__(parent)
        self.row_total = row_total  # how many rows the grid shows now

    def reload(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(section in self.numeric)
        return None


class LineGridModel(EditorGridModel):
    """A grid whose rows are ``editor.lines`` (a document's or a journal's), with the
    editor's ``add_line`` and ``remove_line`` told to the view as they happen."""

    def __init__(self, editor: Any, parent=None) -> None:
        super().__init__(lambda: len(editor.lines), parent)
        self.editor = editor

    def add_line(self) -> int:
        row = len(self.editor.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.editor.add_line()
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.editor.lines):
            self.beginResetModel()
            self.editor.remove_line(row)
            self.endResetModel()
            self.edited.emit()
