"""``CreditDialog``: apply a credit note (or kept credit) to open invoices or bills, checked
on every keystroke like the payment form."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.presentation.credit_editor import CreditEditor, apply_label, credit_left
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.history import ApplyCreditStep
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.editors.allocation_table import allocation_table
from ledgerdesk.ui.models.allocations import AllocationTableModel
from ledgerdesk.ui.widgets import date_edit, error_label, form_row, to_date


class CreditDialog(QDialog):
    def __init__(self, editor: CreditEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.step: ApplyCreditStep | None = None
        self.setWindowTitle(editor.title)
        self.heading = QLabel(editor.heading)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.date_edit = date_edit(editor.date, editor.session.locale)
        self.model = AllocationTableModel(editor, DateFormatter(editor.session.locale).short,
                                          self, this_title="This credit")
        self.table = allocation_table(self.model)
        self.oldest_button = QPushButton("&Allocate oldest first")
        self.oldest_button.setAutoDefault(False)  # Enter always means Save
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.grid_message = error_label()
        self.save_message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("A&pply")
        self.save_button.setDefault(True)
        self._lay_out()
        self.date_edit.dateChanged.connect(lambda d: editor.set_date(to_date(d)))
        self.model.edited.connect(self._refresh_labels)
        self.oldest_button.clicked.connect(self._oldest_first)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._refresh()
        self.resize(820, 440)

    def _lay_out(self) -> None:
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addStretch(1)
        form = QFormLayout()
        form_row(form, "&Date:", when, self.date_edit)
        tools = QHBoxLayout()
        tools.addWidget(self.oldest_button)
        tools.addStretch(1)
        grid_label = QLabel(f"Apply to open &{self.editor.targets} "
                            "(type in “This credit”):")
        grid_label.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(grid_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.grid_message)
        layout.addLayout(tools)
        layout.addWidget(self.summary)
        layout.addWidget(self.save_message)
        layout.addWidget(self.buttons)
        for first, second in ((self.date_edit, self.table), (self.table, self.oldest_button),
                              (self.oldest_button, self.buttons)):
            self.setTabOrder(first, second)

    def _oldest_first(self) -> None:
        self.editor.allocate_oldest_first()
        self._refresh()

    def _refresh(self) -> None:
        self.model.refresh()
        self._refresh_labels()

    def _refresh_labels(self) -> None:
        editor = self.editor
        self.heading.setText(editor.heading)
        self.summary.setText(editor.summary)
        self.grid_message.setText(editor.grid_message)
        self.grid_message.setVisible(bool(editor.grid_message))
        self.save_message.setText(editor.save_error)
        self.save_message.setVisible(bool(editor.save_error))
        self.save_button.setEnabled(editor.can_save)
        self.save_button.setToolTip("" if editor.can_save else
                                    "Fix what the form points out before applying.")

    def save(self) -> None:
        step = self.editor.save()
        if step is None:
            self.model.reload()
            self._refresh()
            return
        self.step = step
        self.accept()

    def reject(self) -> None:
        if self.editor.dirty and not dialogs.confirm(
                self, "Discard this application?",
                "The credit has not been applied. Discard what you typed?", "&Discard"):
            return
        super().reject()


def open_credit_dialog(session, credit_id: int, parent: QWidget) -> ApplyCreditStep | None:
    """Show the apply-credit form; the saved step (to push on the undo stack), if any."""
    dialog = CreditDialog(CreditEditor(session, credit_id), parent)
    dialog.exec()
    return dialog.step


def add_apply_button(dialog, editor) -> QPushButton:
    """Give a document editor showing an authorised credit with credit left an "Apply to
    invoices…" (or bills) button; applying closes it with the step added to its steps."""
    button = dialog.buttons.addButton(apply_label(editor.kind.side),
                                      QDialogButtonBox.ButtonRole.ActionRole)
    button.setAutoDefault(False)
    button.setVisible(credit_left(editor.session, editor.document_id) > 0)

    def apply() -> None:
        step = open_credit_dialog(editor.session, editor.document_id, dialog)
        if step is not None:
            dialog.steps.append(step)
            dialog.accept()

    button.clicked.connect(apply)
    return button
