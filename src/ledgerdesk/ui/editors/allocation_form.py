"""What the payment and apply-credit forms share: the allocation grid (typed cells live,
fixed row heights, the Check column taking the spare width) and the dialog around it
(Allocate oldest first, the live messages, Save enabled only while everything is right,
Esc asking before dropping typed input)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described, described_buttons, named
from ledgerdesk.ui.delegates.live_text import LiveTextDelegate
from ledgerdesk.ui.models.allocations import AllocationColumn, AllocationTableModel
from ledgerdesk.ui.widgets import error_label

WIDTHS = ((AllocationColumn.NUMBER, 120), (AllocationColumn.DUE, 110),
          (AllocationColumn.OUTSTANDING, 120), (AllocationColumn.THIS_PAYMENT, 130),
          (AllocationColumn.REMAINS, 120))


class AllocationTable(QTableView):
    """Shows where the keyboard is when Tab arrives: with no row current the grid drew
    nothing different while it had the focus."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        model = self.model()
        if not self.currentIndex().isValid() and model is not None and model.rowCount():
            # The number, not the amount: the amount's cell opens its editor on arrival.
            self.setCurrentIndex(model.index(0, AllocationColumn.NUMBER))


def allocation_table(model: AllocationTableModel) -> QTableView:
    table = named(AllocationTable(), _("Allocation"), _("The open documents and how much of this "
                  "goes to each; type an amount in a row's own column."))
    table.setModel(model)
    table.setItemDelegateForColumn(AllocationColumn.THIS_PAYMENT, LiveTextDelegate(table))
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    for column, width in WIDTHS:
        header.resizeSection(column, width)
    header.setSectionResizeMode(AllocationColumn.CHECK, QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    return table


class AllocationDialog(QDialog):
    """The grid's dialog; subclasses add their fields, lay them out and say what a saved
    result is (``saved``) and what Esc asks (``discard``: title, question)."""

    discard = (N_("Discard?"), N_("Nothing has been saved. Discard what you typed?"))

    def __init__(self, editor: Any, parent: QWidget | None, this_title: str) -> None:
        super().__init__(parent)
        self.editor = editor
        self.model = AllocationTableModel(editor, DateFormatter(editor.session.locale).short,
                                          self, this_title=this_title)
        self.table = allocation_table(self.model)
        self.oldest_button = QPushButton(_("&Allocate oldest first"))
        described(self.oldest_button, _("Allocates the amount to the open documents, the oldest "
                                        "first"))
        self.oldest_button.setAutoDefault(False)  # Enter always means Save
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.grid_message = error_label()
        self.save_message = error_label()
        self.buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                          | QDialogButtonBox.StandardButton.Cancel))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.model.edited.connect(self._refresh_labels)
        self.oldest_button.clicked.connect(self._oldest_first)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def saved(self, result: Any) -> None:
        """What the editor saved, just before the dialog closes: kept for the caller;
        a form that shows or returns it differently says so by overriding this."""
        self.saved_result = result

    def add_grid(self, layout: QVBoxLayout, caption: str, *tools: QWidget) -> None:
        """The grid under its caption (whose mnemonic focuses it), its message, the tools
        row, the summary and the buttons, at the end of ``layout``."""
        label = QLabel(caption)
        label.setBuddy(self.table)
        row = QHBoxLayout()
        for widget in (self.oldest_button, *tools):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.grid_message)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.save_message)
        layout.addWidget(self.buttons)
        # Only now, inside the dialog, does this make Save the dialog's main default, which
        # Enter returns to after a focused button (Cancel) has lent it; set any earlier, the
        # dialog never learns it and the last button Tab passed keeps answering Enter.
        self.save_button.setDefault(True)

    def _oldest_first(self) -> None:
        self.editor.allocate_oldest_first()
        self._refresh()

    def _refresh(self) -> None:
        self.model.refresh()
        self._refresh_labels()

    def _refresh_labels(self) -> None:
        editor = self.editor
        self.summary.setText(editor.summary)
        for label, text in ((self.grid_message, editor.grid_message),
                            (self.save_message, editor.save_error)):
            label.setText(text)
            label.setVisible(bool(text))
        self.save_button.setEnabled(editor.can_save)
        self.save_button.setToolTip("" if editor.can_save else
                                    _("Fix what the form points out before saving."))

    def save(self) -> None:
        result = self.editor.save()
        if result is None:
            self.model.reload()
            self._refresh()
            return
        self.saved(result)
        self.accept()

    def reject(self) -> None:
        if self.editor.dirty and not dialogs.confirm(self, *map(_, self.discard), _("&Discard")):
            return
        super().reject()
