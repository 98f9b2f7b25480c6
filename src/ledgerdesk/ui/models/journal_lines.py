"""``JournalLineModel``: a manual journal's lines as typed, each cell with its problem.

A problem of a line (an account that may not be used, a line with both a debit and a
credit) colours its cell and is its tooltip; since one line can change what is wrong with
the others (the balance, how many lines there are), every edit refreshes every row.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.journal_editor import JournalEditor
from ledgerdesk.ui.models.editor_grid import LineGridModel
from ledgerdesk.ui.models.paged import Role, alignment
from ledgerdesk.ui.models.spoken_cells import SPOKEN, spoken_cell
from ledgerdesk.ui.theme import Tone, tone_colour, wrong_cell_background

Index = QModelIndex | QPersistentModelIndex


class JournalColumn(IntEnum):
    ACCOUNT = 0
    DEBIT = 1
    CREDIT = 2
    DESCRIPTION = 3


FIELDS = ("account", "debit", "credit", "description")
TITLES = (N_("Account"), N_("Debit"), N_("Credit"), N_("Description"))
NUMERIC = frozenset({JournalColumn.DEBIT, JournalColumn.CREDIT})


class JournalLineModel(LineGridModel):
    titles = property(lambda self: tuple(map(_, TITLES)))
    numeric = NUMERIC
    editor: JournalEditor

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.editor.read_only else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.editor.lines) \
                or not 0 <= index.column() < len(FIELDS):
            return None
        row, name = index.row(), FIELDS[index.column()]
        text = self.editor.lines[row].text(name)
        if role in (Qt.ItemDataRole.DisplayRole, Role.SORT):
            return self.editor.cell_text(row, name)
        if role == SPOKEN:
            return spoken_cell(self.editor.cell_text(row, name), self.editor.line_error(row, name))
        if role == Qt.ItemDataRole.EditRole:  # what the cell's editor starts with: as typed
            return self.editor.account_text(text) if name == "account" and text else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(index.column() in NUMERIC)
        if role == Role.ENTITY:
            return self.editor.lines[row]
        if role not in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.BackgroundRole):
            return None
        error = self.editor.line_error(row, name)
        if not error:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return error
        return QBrush(tone_colour(Tone.ERROR) if role == Qt.ItemDataRole.ForegroundRole
                      else wrong_cell_background())

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.editor.read_only:
            return False
        if not 0 <= index.row() < len(self.editor.lines) or not 0 <= index.column() < 4:
            return False
        name = FIELDS[index.column()]
        text = "" if value is None else str(value)
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        self.editor.set_line_text(index.row(), name, text)
        last = self.index(len(self.editor.lines) - 1, len(FIELDS) - 1)
        self.dataChanged.emit(self.index(0, 0), last)
        self.edited.emit()
        return True
