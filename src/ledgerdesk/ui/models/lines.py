"""``LineTableModel``: a document's lines as typed, with per-cell errors and line totals."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from ledgerdesk.domain.documents import TaxMode
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.ui.models.editor_grid import LineGridModel
from ledgerdesk.ui.models.paged import Role, alignment
from ledgerdesk.ui.models.spoken_cells import SPOKEN, spoken_cell
from ledgerdesk.ui.theme import Tone, tone_colour, wrong_cell_background

Index = QModelIndex | QPersistentModelIndex
NO_TAX_TIP = (N_("This document carries no tax; choose another Tax setting to use the tax "
                 "codes."))


class LineColumn(IntEnum):
    DESCRIPTION = 0
    QUANTITY = 1
    UNIT_PRICE = 2
    DISCOUNT = 3
    ACCOUNT = 4
    TAX_CODE = 5  # a tax code picker: shows the code's name and rate, edits its id
    TOTAL = 6


FIELDS = ("description", "quantity", "unit_price", "discount_percent", "account_code",
          "tax_code", None)
TITLES = (N_("Description"), N_("Quantity"), N_("Unit price"), N_("Discount %"), N_("Account"),
          N_("Tax"), N_("Amount"))
NUMERIC = {LineColumn.QUANTITY, LineColumn.UNIT_PRICE, LineColumn.DISCOUNT, LineColumn.TOTAL}


class LineTableModel(LineGridModel):
    titles = property(lambda self: tuple(map(_, TITLES)))
    numeric = frozenset(NUMERIC)
    editor: DocumentEditor

    def accounts_changed(self) -> None:
        """The editor moved lines to another default account (a new contact was chosen)."""
        if self.editor.lines:
            self.dataChanged.emit(self.index(0, LineColumn.ACCOUNT),
                                  self.index(len(self.editor.lines) - 1, LineColumn.ACCOUNT))

    def tax_mode_changed(self) -> None:
        if self.editor.lines:
            self.dataChanged.emit(self.index(0, LineColumn.TAX_CODE),
                                  self.index(len(self.editor.lines) - 1, LineColumn.TOTAL))

    def _untaxed(self, column: int) -> bool:
        """The tax cells of a "No tax" document: kept, but neither shown nor editable."""
        return column == LineColumn.TAX_CODE and self.editor.tax_mode is TaxMode.NO_TAX

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editor.read_only or FIELDS[index.column()] is None or self._untaxed(index.column()):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.editor.lines):
            return None
        row, column = index.row(), index.column()
        name = FIELDS[column] if 0 <= column < len(FIELDS) else None
        error = self.editor.line_error(row, name) if name else ""
        if self._untaxed(column) and role in (Qt.ItemDataRole.DisplayRole,
                                              Qt.ItemDataRole.ToolTipRole, SPOKEN):
            return {Qt.ItemDataRole.DisplayRole: "—", SPOKEN: _("no tax")}.get(role, _(NO_TAX_TIP))
        if role == SPOKEN:
            return spoken_cell(self.data(index), error)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Role.SORT):
            if name is None:
                return self.editor.line_total(row)
            text = self.editor.lines[row].text(name)
            if name == "tax_code" and role == Qt.ItemDataRole.DisplayRole:
                return self.editor.tax_code_label(text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or None
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return QBrush(tone_colour(Tone.ERROR))
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(wrong_cell_background())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column in NUMERIC)
        if role == Role.ENTITY:
            return self.editor.lines[row]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.editor.read_only:
            return False
        name = FIELDS[index.column()] if 0 <= index.column() < len(FIELDS) else None
        if name is None or not 0 <= index.row() < len(self.editor.lines):
            return False
        text = "" if value is None else str(value)
        if text == self.editor.lines[index.row()].text(name):
            return False
        self.editor.set_line_text(index.row(), name, text)
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(TITLES) - 1))
        self.edited.emit()
        return True

