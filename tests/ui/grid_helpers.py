"""Typing into an allocation grid as a user does (the payment and apply-credit forms)."""

from __future__ import annotations

from ledgerdesk.ui.models.allocations import AllocationColumn


def type_into_cell(qtbot, dialog, row: int, text: str) -> None:
    """Open the cell's editor as a user would (F2), replace its text, keystroke by keystroke."""
    index = dialog.model.index(row, AllocationColumn.THIS_PAYMENT)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.indexWidget(index) or dialog.table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def cell(dialog, row: int, column: AllocationColumn) -> str:
    return dialog.model.index(row, column).data()
