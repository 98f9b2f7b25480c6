"""``read_only_table``: the one setup of every table the user reads and picks rows from."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROW_HEIGHT = 26


def read_only_table(model: QAbstractItemModel, *, header: QHeaderView | None = None,
                    in_dialog: bool = False) -> QTableView:
    """Whole rows, one at a time, never edited, never wrapped, no row numbers, fixed height.

    ``header`` replaces the horizontal header (``SortHeader`` on the lists).  In a dialog
    (``in_dialog``) Tab leaves the table for the next field instead of walking its cells.
    """
    table = QTableView()
    if header is not None:
        table.setHorizontalHeader(header)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(not in_dialog)
    vertical = table.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT)
    return table
