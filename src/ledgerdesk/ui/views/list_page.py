"""``ListPage``: a filter bar over a SQL-paged table, with a count and keyboard access.

Typing in the search box filters after a short pause; sorting by a header asks SQL again.
Enter or a double-click on a row emits ``open_requested`` with the row's record.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.presentation.columns import ListPresenter
from ledgerdesk.ui.models.paged import PagedTableModel, Role

ROW_HEIGHT = 26
FILTER_DELAY_MS = 250


class ListPage(QWidget):
    open_requested = Signal(object)

    def __init__(self, title: str, presenter: ListPresenter, noun: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.presenter, self.noun = title, presenter, noun
        self.model = PagedTableModel(presenter, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.count_label = QLabel()
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search)
        self.table = self._make_table()
        heading = QLabel(f"<h2 style='margin:0'>{title}</h2>")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self._apply_text)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._apply_text_now)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
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

    def add_filter(self, label: str, widget: QWidget) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.filters.addWidget(caption)
        self.filters.addWidget(widget)

    def finish_filters(self) -> None:
        self.filters.addStretch(1)

    def add_choice_filter(self, label: str, choices: dict[Any, str], field: str) -> QComboBox:
        box = QComboBox()
        for value, text in choices.items():
            box.addItem(text, value)
        box.currentIndexChanged.connect(
            lambda i: self.apply_filter(**{field: box.itemData(i)}))
        self.add_filter(label, box)
        return box

    # ---- behaviour ---------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_row()
        self.model.reload()
        self._show_sort()
        count = self.model.rowCount()
        self.count_label.setText(f"{count:,} {self.noun[0] if count == 1 else self.noun[1]}")
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

    def _apply_text(self) -> None:
        self.apply_filter(text=self.search.text())

    def _apply_text_now(self) -> None:
        self._timer.stop()
        self._apply_text()
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
