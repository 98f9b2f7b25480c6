"""``EditorGridModel``: what the editors' fixed-column tables share (titles, alignment,
counts, reset), so each grid only says which rows it shows and how a cell reads."""

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
