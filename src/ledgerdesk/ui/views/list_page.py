"""``ListPage``: a filter bar over a SQL-paged table, with a count and keyboard access.

Typing in the search box filters after a short pause (Enter at once, then the table has
focus); the other filters apply when chosen; sorting by a header asks SQL again.
Enter or a double-click on a row emits ``open_requested`` with the row's record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.columns import ListPresenter
from ledgerdesk.presentation.contacts import ContactChoice
from ledgerdesk.presentation.list_filters import ListFilters
from ledgerdesk.ui.models.paged import PagedTableModel, Role
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.views.column_fit import fit_columns
from ledgerdesk.ui.views.empty_state import EmptyState
from ledgerdesk.ui.views.filter_bar import FilterBar
from ledgerdesk.ui.views.sort_header import SortHeader


class ListPage(QWidget):
    open_requested = Signal(object)

    def __init__(self, title: str, presenter: ListPresenter, noun: tuple[str, str],
                 parent: QWidget | None = None, *,
                 create_hint: str = "Ctrl+N creates one.") -> None:
        super().__init__(parent)
        self.title, self.presenter, self.noun = title, presenter, noun
        self.model = PagedTableModel(presenter, self)
        self.filters = ListFilters(presenter, noun,  # type: ignore[arg-type]
                                   create_hint=create_hint)
        self.bar = FilterBar(self.filters)
        self.search = self.bar.search
        self.count_label = QLabel()
        self.table = self._make_table()
        self.empty = EmptyState(self.table)
        self.empty.clear_requested.connect(self._clear_filters)
        heading = QLabel(_("<h2 style='margin:0'>{title}</h2>").format(title=title))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        self.bar.changed.connect(self.reload)
        self.search.returnPressed.connect(self._apply_text_now)
        self._fitted = False  # fitted to the first rows shown; after that, widths are the user's

    def _make_table(self) -> QTableView:
        # the header's arrow points the way rows run
        table = read_only_table(
            self.model, self.title,
            _("Enter opens the selected {noun}; a column heading sorts by it.").format(
                noun=self.noun[0]), header=SortHeader())
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for i, column in enumerate(self.presenter.columns):
            header.resizeSection(i, column.width)
        header.setStretchLastSection(True)
        table.setSortingEnabled(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        table.installEventFilter(self)
        return table

    def add_status_filter(self, label: str, choices: dict[Any, str]) -> None:
        self.bar.add_status(label, choices)

    def add_contact_filter(self, label: str,
                           choices: Callable[[], list[ContactChoice]]) -> None:
        self.bar.add_contact(label, choices)

    def add_date_filter(self, first: str, last: str, name: str) -> None:
        """From/to fields; ``name`` says what the dates are in the summary ("Issued")."""
        self.filters.date_label = name
        self.bar.add_dates(first, last)

    def finish_filters(self) -> None:
        self.bar.finish()

    # ---- behaviour ---------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_row()
        self.bar.refresh_contacts()
        self.model.reload()
        self._show_sort()
        count = self.model.rowCount()
        if not self._fitted:
            fit_columns(self.table, self.presenter.columns)
            self._fitted = count > 0  # an empty first look fits again when rows come
        self.count_label.setText(self.filters.count_text(count))
        self.empty.show_text(self.filters.empty_text(count), self.filters.is_filtered)
        self.bar.show_state()
        if count:
            self.table.selectRow(min(current if current is not None else 0, count - 1))

    def apply_filter(self, **changes: Any) -> None:
        self.presenter.filter(**changes)  # type: ignore[attr-defined]
        self.reload()

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def current_entity(self) -> Any:
        row = self.current_row()
        return None if row is None else self.model.index(row, 0).data(Role.ENTITY)

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_row(row)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_row(self, row: int) -> None:
        entity = self.model.row_at(row)
        if entity is not None:
            self.open_requested.emit(entity)

    def _clear_filters(self) -> None:
        self.bar.clear()
        self.table.setFocus()  # the button that had focus is hidden now

    def _apply_text_now(self) -> None:
        self.bar.apply_text()
        self.table.setFocus()

    def _header_clicked(self, section: int) -> None:
        columns = self.presenter.columns
        if not columns[section].sortable:
            self._show_sort()
            return
        same = section == self.presenter.sort_column
        descending = not self.presenter.descending if same else False
        self.presenter.sort_by(section, descending)
        self.reload()

    def _show_sort(self) -> None:
        order = (Qt.SortOrder.DescendingOrder if self.presenter.descending
                 else Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicator(self.presenter.sort_column, order)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_current()
            return True
        return super().eventFilter(watched, event)
