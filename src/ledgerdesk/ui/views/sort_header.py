"""``SortHeader``: a list's column header whose sort arrow points the way the rows run.

Qt hands the style ``SortDown`` for ``AscendingOrder`` (and ``SortUp`` for descending), and
Fusion draws those as they are named, so a newest-first list showed an arrow pointing up.
Here ▲ means ascending (oldest, smallest, A first) and ▼ descending, as in most programs;
``sortIndicatorOrder()`` itself is untouched and always says the order SQL returns.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QWidget

Arrow = QStyleOptionHeader.SortIndicator


class SortHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def arrow(self, section: int) -> Arrow:
        """The arrow ``section`` is drawn with: up for ascending, down for descending."""
        if not self.isSortIndicatorShown() or section != self.sortIndicatorSection():
            return Arrow.None_
        ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        return Arrow.SortUp if ascending else Arrow.SortDown

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        # A Qt override called while painting: trivial and total.
        super().initStyleOptionForIndex(option, logicalIndex)
        option.sortIndicator = self.arrow(logicalIndex)
