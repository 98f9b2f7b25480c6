"""``ReconcileModel``: the Reconcile page's postings, each with a check box that says
whether the statement shows it (``presentation.reconcile.ReconcileRow``).

Ticking goes through the presenter (``ReconcileForm``), which keeps the ticked ids; the
model only shows them.  A screen reader hears "cleared" or "not cleared" with each row, not
a bare check box state.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.reconcile import ReconcileForm, ReconcileRow
from ledgerdesk.ui.models.paged import Role, alignment

Index = QModelIndex | QPersistentModelIndex


class ReconcileColumn(IntEnum):
    CLEARED = 0
    DATE = 1
    WHAT = 2
    MONEY_IN = 3
    MONEY_OUT = 4


TITLES = (N_("Cleared"), N_("Date"), N_("Posting"), N_("Money in"), N_("Money out"))
_FIELDS = {ReconcileColumn.DATE: "date", ReconcileColumn.WHAT: "what",
           ReconcileColumn.MONEY_IN: "money_in", ReconcileColumn.MONEY_OUT: "money_out"}


class ReconcileModel(QAbstractTableModel):
    def __init__(self, form: ReconcileForm, ticked: Callable[[], None], parent=None) -> None:
        super().__init__(parent)
        self.form = form
        self.ticked = ticked  # called after the user ticks or unticks
        self.rows: list[ReconcileRow] = []

    def refresh(self) -> None:
        """The rows again from the presenter (a new statement)."""
        self.beginResetModel()
        self.rows = self.form.rows()
        self.endResetModel()

    def show_ticks(self) -> None:
        """The same rows with their ticks as the presenter now has them."""
        self.rows = self.form.rows()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1,
                                                               len(TITLES) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(TITLES[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ReconcileColumn.CLEARED and not self.rows[index.row()].pending:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if column == ReconcileColumn.CLEARED:
            return self._cleared(row, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Role.SORT):
            return getattr(row, _FIELDS[ReconcileColumn(column)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column in (ReconcileColumn.MONEY_IN, ReconcileColumn.MONEY_OUT))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = getattr(row, _FIELDS[ReconcileColumn(column)])
            return text or "none"
        if role == Role.ENTITY:
            return row
        return None

    @staticmethod
    def _cleared(row: ReconcileRow, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if row.pending:
                return _("cleared when it is recorded")
            return _("cleared") if row.ticked else _("not cleared")
        if role == Role.ENTITY:
            return row
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != ReconcileColumn.CLEARED
                or role != Qt.ItemDataRole.CheckStateRole):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.form.set_ticked(self.rows[index.row()].line_id, checked)
        self.show_ticks()
        self.ticked()
        return True

    def toggle_rows(self, rows: list[int]) -> None:
        """Space on the selected rows (``ReconcileForm.toggle``)."""
        self.form.toggle(self.rows[r].line_id for r in rows if 0 <= r < len(self.rows))
        self.show_ticks()
        self.ticked()
