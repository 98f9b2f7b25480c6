"""``ReadRowsModel``: a small read-only table of presenter rows (frozen dataclasses), for
the detail views: a payment's documents, a contact's open documents."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ledgerdesk.domain.i18n import _
from ledgerdesk.ui.models.editor_grid import EditorGridModel
from ledgerdesk.ui.models.paged import Role, alignment
from ledgerdesk.ui.models.spoken_cells import SPOKEN, spoken_cell

Index = QModelIndex | QPersistentModelIndex


class PaidColumn(IntEnum):
    """A payment's allocated documents (``presentation.payment_detail.PaidRow``)."""

    NUMBER = 0
    KIND = 1
    AMOUNT = 2
    OUTSTANDING = 3
    AFTER_VOID = 4


class PreviewColumn(IntEnum):
    """An import's problems and what it creates (``presentation.import_wizard.PreviewRow``)."""

    WHAT = 0
    ROW = 1
    COLUMN = 2
    DETAIL = 3


class LineColumn(IntEnum):
    """A bank statement's lines and their choices (``presentation.import_lines.LineRow``)."""

    ROW = 0
    DATE = 1
    AMOUNT = 2
    REFERENCE = 3
    COUNTERPARTY = 4
    CHOICE = 5
    WHY = 6


class OpenColumn(IntEnum):
    """A contact's open documents (``presentation.contact_editor.OpenRow``)."""

    NUMBER = 0
    KIND = 1
    DUE = 2
    OUTSTANDING = 3


class ReadRowsModel(EditorGridModel):
    def __init__(self, columns: type[IntEnum], titles: Sequence[str],
                 numeric: frozenset[int], parent=None) -> None:
        super().__init__(lambda: len(self._rows), parent)
        self.titles = tuple(titles)
        self.numeric = numeric
        self._fields = [column.name.lower() for column in columns]
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (not index.isValid() or not 0 <= index.row() < len(self._rows)
                or not 0 <= index.column() < len(self._fields)):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return getattr(row, self._fields[index.column()])
        if role == SPOKEN:
            return spoken_cell(getattr(row, self._fields[index.column()]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(index.column() in self.numeric)
        if role == Role.SORT:
            return getattr(row, self._fields[index.column()])
        if role == Role.ENTITY:
            return row
        return None


def paid_documents_model(parent=None) -> ReadRowsModel:
    return ReadRowsModel(PaidColumn, (_("Document"), _("Kind"), _("This payment"), _("Outstanding "
                                                                                     "now"),
                                      _("Without this payment")),
                         frozenset({PaidColumn.AMOUNT, PaidColumn.OUTSTANDING,
                                    PaidColumn.AFTER_VOID}), parent)


def open_documents_model(parent=None) -> ReadRowsModel:
    return ReadRowsModel(OpenColumn, (_("Document"), _("Kind"), _("Due"), _("Outstanding")),
                         frozenset({OpenColumn.OUTSTANDING}), parent)


def import_preview_model(parent=None) -> ReadRowsModel:
    return ReadRowsModel(PreviewColumn, ("", _("Row"), _("Column"), _("Detail")),
                         frozenset({PreviewColumn.ROW}), parent)


def statement_lines_model(parent=None) -> ReadRowsModel:
    return ReadRowsModel(LineColumn, (_("Row"), _("Date"), _("Amount"), _("Reference"),
                                      _("Counterparty"), _("Record against"), _("Why")),
                         frozenset({LineColumn.ROW, LineColumn.AMOUNT}), parent)
