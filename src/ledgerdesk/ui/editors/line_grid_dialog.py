"""``LineGridDialog``: what the document and journal editors share.

Both are a form above a grid of lines that Tab walks cell by cell, the Add line and Remove
line buttons with a running summary at their right, the problems under it and the dialog's
buttons; both save with Ctrl+Return (Enter too, through the default button) and ask before
Esc drops what was typed.  The subclass builds its form, its grid's delegates and its
buttons; this lays them out and wires the grid.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described


class LineGridDialog(QDialog):
    """Subclasses set ``self.editor`` (with ``edited`` and ``read_only``), ``self.model``
    (with ``add_line``, ``remove_line`` and ``edited``) and ``self.table`` before calling
    the ``_grid_*`` methods, and define ``save`` and ``_refresh``."""

    def _grid_buttons(self) -> None:
        self.add_line_button = QPushButton(_("&Add line"))
        described(self.add_line_button, _("Adds an empty line under the last one"))
        self.remove_line_button = QPushButton(_("Remove &line"))
        described(self.remove_line_button, _("Removes the selected line"))
        self.buttons = QDialogButtonBox()

    def _grid_columns(self, widths: dict[int, int], stretch: int) -> None:
        """Row height, column widths (``stretch`` takes the rest) and typing into any cell."""
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.table.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)

    def _grid_stack(self, banner: QLabel, form: QLayout, summary: QLabel,
                    messages: list[QLabel], before_grid: list[QWidget],
                    after_grid: list[QWidget]) -> None:
        """Banner, form, grid, the line buttons beside ``summary``, the messages, the
        buttons; Tab goes through ``before_grid``, the grid, the line buttons,
        ``after_grid`` and the dialog's buttons."""
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_line_button)
        line_buttons.addWidget(self.remove_line_button)
        line_buttons.addStretch(1)
        summary.setAlignment(Qt.AlignmentFlag.AlignRight)
        line_buttons.addWidget(summary)
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(line_buttons)
        for message in messages:
            layout.addWidget(message)
        layout.addWidget(self.buttons)
        chain = [*before_grid, self.table, self.add_line_button, self.remove_line_button,
                 *after_grid, self.buttons]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _grid_connect(self, first_column: int) -> None:
        """The grid's edits refresh the form; Add line opens ``first_column`` of the new
        line; Remove line drops the current one; Ctrl+Return saves."""
        self.model.edited.connect(self._refresh)
        self.add_line_button.clicked.connect(lambda: self._open_new_line(first_column))
        self.remove_line_button.clicked.connect(
            lambda: self.model.remove_line(self.table.currentIndex().row()))
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)

    def _open_new_line(self, column: int) -> None:
        first = self.model.index(self.model.add_line(), column)
        self.table.setFocus()
        self.table.setCurrentIndex(first)  # opens the cell's editor …
        cell = self.table.indexWidget(first)
        if cell is not None:
            cell.setFocus()  # … which must have the keys, or typing goes nowhere

    def _grid_rejected(self, title: str, text: str) -> bool:
        """Whether Esc/Cancel may close: at once unless typing would be lost."""
        return not self.editor.edited or self.editor.read_only or dialogs.confirm(
            self, title, text, _("&Discard"))
