"""``read_only_table``: the one setup of every table the user reads and picks rows from;
``opens_rows``: Enter or a double click opens the current row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ledgerdesk.ui.accessible import named

ROW_HEIGHT = 26


def read_only_table(model: QAbstractItemModel, name: str, description: str, *,
                    header: QHeaderView | None = None) -> QTableView:
    """Whole rows, one at a time, never edited, never wrapped, no row numbers, fixed height.

    ``name`` and ``description`` are what a screen reader says of it (the table has no
    label of its own): what it lists, and what the keys do on a row.

    ``header`` replaces the horizontal header (``SortHeader`` on the lists).  Tab leaves
    the table for the next control (the arrows move within it), in the window as in a
    dialog: walking every cell of every row kept a keyboard user in a long list.
    """
    table = named(QTableView(), name, description)
    if header is not None:
        table.setHorizontalHeader(header)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    vertical = table.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT)
    return table


class _EnterOpens(QObject):
    def __init__(self, table: QTableView, open_row: Callable[[], None]) -> None:
        super().__init__(table)  # lives as long as the table
        self.open_row = open_row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_row()
            return True
        return False


def opens_rows(table: QTableView, open_row: Callable[[], None]) -> None:
    """Enter (which a dialog would take for its default button) or a double click on a row
    calls ``open_row``."""
    table.doubleClicked.connect(lambda _: open_row())
    table.installEventFilter(_EnterOpens(table, open_row))
