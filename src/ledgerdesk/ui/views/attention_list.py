"""``AttentionList``: the dashboard's "Needs attention" list, one section per kind.

Each section shows a page of rows read in SQL and, when there are more, a "Show more" row
that asks for the next page (``more_requested``); Enter or a double-click on a row emits
``open_requested`` with its ``AttentionItem``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.dashboard import SECTION_TITLES, AttentionRow
from ledgerdesk.presentation.spoken import spoken
from ledgerdesk.services.dashboard import (
    ATTENTION_PAGE,
    AttentionItem,
    AttentionKind,
    AttentionPage,
)
from ledgerdesk.ui.models.spoken_cells import SPOKEN
from ledgerdesk.ui.theme import Tone, tone_colour

HEADERS = (N_("Document"), N_("Contact"), N_("Date"), "", N_("Amount"))
MORE = Qt.ItemDataRole.UserRole + 1  # on a "Show more" row: (kind, next offset)
ITEM = Qt.ItemDataRole.UserRole + 2  # on a row: its AttentionItem


class AttentionList(QTreeWidget):
    open_requested = Signal(object)  # AttentionItem
    more_requested = Signal(object, int)  # AttentionKind, offset

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("attention")
        self.setColumnCount(len(HEADERS))
        self.setHeaderLabels([_(header) if header else "" for header in HEADERS])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.headerItem().setTextAlignment(4, Qt.AlignmentFlag.AlignRight)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 175), (2, 125), (3, 135), (4, 120)):
            self.setColumnWidth(column, width)
        self.sections: dict[AttentionKind, QTreeWidgetItem] = {}
        self.totals: dict[AttentionKind, int] = {}
        self.itemActivated.connect(self._activated)

    def show_pages(self, pages: dict[AttentionKind, list[AttentionRow]],
                   totals: dict[AttentionKind, AttentionPage]) -> None:
        """Replace every section with its first page."""
        self.clear()
        self.sections.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for kind, rows in pages.items():
            section = QTreeWidgetItem(self)
            section.setFirstColumnSpanned(True)
            section.setFont(0, bold)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.sections[kind] = section
            self.totals[kind] = totals[kind].total
            self._title(kind)
            self.add_rows(kind, rows, totals[kind])
            section.setExpanded(True)

    def _title(self, kind: AttentionKind) -> None:
        total = self.totals[kind]
        self.sections[kind].setText(
            0, f"{SECTION_TITLES[kind]} ({total:,})" if total else
            _("{section_titles}: none").format(section_titles=SECTION_TITLES[kind]))

    def add_rows(self, kind: AttentionKind, rows: list[AttentionRow],
                 page: AttentionPage) -> None:
        """Append a page to a section, with a "Show more" row if there are more."""
        section = self.sections[kind]
        last = section.child(section.childCount() - 1) if section.childCount() else None
        if last is not None and last.data(0, MORE) is not None:
            section.removeChild(last)
        for row in rows:
            item = QTreeWidgetItem(section, [row.what, row.contact, row.when, row.note,
                                             row.amount])
            item.setData(0, ITEM, row.item)
            item.setData(4, SPOKEN, spoken(row.amount))  # a negative amount reads "minus"
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if kind is AttentionKind.OVERDUE:
                item.setForeground(3, QBrush(tone_colour(Tone.ERROR)))
        # "Eingangsrechnung BILL-00012" is longer than "Bill BILL-00012", "échéance 19/07/2025"
        # than "due 19/07/2025": the columns grow to their words (within reason) rather than
        # cut the number or the date off.
        for column, texts in ((0, [row.what for row in rows]), (2, [row.when for row in rows])):
            wanted = max((self.fontMetrics().horizontalAdvance(text) + 40 for text in texts),
                         default=0)
            self.setColumnWidth(column, max(self.columnWidth(column), min(wanted, 320)))
        if page.more > 0:
            more = QTreeWidgetItem(section, [_("Show {min:,} more of {more:,}…").format(
                min=min(page.more, ATTENTION_PAGE),
                more=page.more)])
            more.setFirstColumnSpanned(True)
            more.setData(0, MORE, (kind, page.offset + len(page.items)))

    def items(self, kind: AttentionKind) -> list[AttentionItem]:
        section = self.sections[kind]
        children = (section.child(i) for i in range(section.childCount()))
        return [child.data(0, ITEM) for child in children if child.data(0, ITEM) is not None]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ITEM) is not None:
            self.open_requested.emit(item.data(0, ITEM))
        elif item.data(0, MORE) is not None:
            kind, offset = item.data(0, MORE)
            item.setText(0, _("Loading…"))
            self.more_requested.emit(kind, offset)

    def first_row(self) -> QModelIndex:
        for section in self.sections.values():
            if section.childCount():
                return self.indexFromItem(section.child(0))
        return QModelIndex()
