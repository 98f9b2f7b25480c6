"""The allocation grid as the payment and apply-credit forms show it: typed cells live,
fixed row heights, the Check column taking the spare width."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from ledgerdesk.ui.delegates.live_text import LiveTextDelegate
from ledgerdesk.ui.models.allocations import AllocationColumn, AllocationTableModel

WIDTHS = ((AllocationColumn.NUMBER, 120), (AllocationColumn.DUE, 110),
          (AllocationColumn.OUTSTANDING, 120), (AllocationColumn.THIS_PAYMENT, 130),
          (AllocationColumn.REMAINS, 120))


def allocation_table(model: AllocationTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setItemDelegateForColumn(AllocationColumn.THIS_PAYMENT, LiveTextDelegate(table))
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    for column, width in WIDTHS:
        header.resizeSection(column, width)
    header.setSectionResizeMode(AllocationColumn.CHECK, QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    return table
