"""``AllocationTableModel``: open documents and what this payment (or credit) takes.

It shows an ``AllocationGrid`` (the payment form's or the apply-credit form's).  Only the
"This payment" column is editable; each keystroke goes to the presenter, which re-validates
every row, so the whole table is refreshed on any change.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.allocation_grid import AllocationGrid
from ledgerdesk.ui.models.editor_grid import EditorGridModel
from ledgerdesk.ui.models.paged import Role, alignment
from ledgerdesk.ui.models.spoken_cells import SPOKEN, spoken_cell
from ledgerdesk.ui.theme import Tone, tone_colour

Index = QModelIndex | QPersistentModelIndex


class AllocationColumn(IntEnum):
    NUMBER = 0
    DUE = 1
    OUTSTANDING = 2
    THIS_PAYMENT = 3
    REMAINS = 4
    CHECK = 5


TITLES = (N_("Document"), N_("Due"), N_("Outstanding"), N_("This payment"), N_("Remains"),
          N_("Check"))
NUMERIC = {AllocationColumn.OUTSTANDING, AllocationColumn.THIS_PAYMENT, AllocationColumn.REMAINS}


class AllocationTableModel(EditorGridModel):
    titles = TITLES
    numeric = frozenset(NUMERIC)

    def __init__(self, editor: AllocationGrid, date_text, parent=None,
                 this_title: str = "This payment") -> None:
        super().__init__(lambda: len(editor.rows), parent)
        self.editor = editor
        self._date_text = date_text  # date -> str, in the user's locale
        self.titles = tuple(this_title if i == AllocationColumn.THIS_PAYMENT else _(title)
                            for i, title in enumerate(TITLES))

    def refresh(self) -> None:
        if self.editor.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.editor.rows) - 1, len(TITLES) - 1))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == AllocationColumn.THIS_PAYMENT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.editor.rows):
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), column)
        if role == SPOKEN:
            return spoken_cell(self._text(index.row(), column))
        if role == Qt.ItemDataRole.ToolTipRole and column == AllocationColumn.CHECK:
            return self.editor.row_message(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column in NUMERIC)
        if role == Qt.ItemDataRole.ForegroundRole and self.editor.row_is_wrong(index.row()) \
                and column in (AllocationColumn.THIS_PAYMENT, AllocationColumn.CHECK):
            return QBrush(tone_colour(Tone.ERROR))
        if role == Role.ENTITY:
            return self.editor.rows[index.row()].document
        if role == Role.SORT:
            return self._value(index.row(), column)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole
                or index.column() != AllocationColumn.THIS_PAYMENT
                or not 0 <= index.row() < len(self.editor.rows)):
            return False
        text = str(value)
        if text == self.editor.rows[index.row()].text:
            return False
        self.editor.set_allocation_text(index.row(), text)
        self.refresh()
        self.edited.emit()
        return True

    def _text(self, row: int, column: int) -> str:
        item = self.editor.rows[row]
        doc = item.document
        def fmt(value):
            return self.editor.row_money(row, value)  # in the document's own currency
        match column:
            case AllocationColumn.NUMBER:
                return doc.number
            case AllocationColumn.DUE:
                return self._date_text(doc.due_date)
            case AllocationColumn.OUTSTANDING:
                return fmt(doc.outstanding.amount)
            case AllocationColumn.THIS_PAYMENT:
                return item.text
            case AllocationColumn.REMAINS:
                return "" if item.parse_error else fmt(self.editor.row_remains(row))
            case AllocationColumn.CHECK:
                return self.editor.row_check(row)
        return ""

    def _value(self, row: int, column: int) -> Any:
        item = self.editor.rows[row]
        doc = item.document
        values = (doc.number, doc.due_date, doc.outstanding.amount, item.amount,
                  self.editor.row_remains(row), self.editor.row_check(row))
        return values[column] if 0 <= column < len(values) else None

