"""``CreditDialog``: apply a credit note (or kept credit) to open invoices or bills, checked
on every keystroke like the payment form."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.credit_editor import CreditEditor, apply_label, credit_left
from ledgerdesk.presentation.history import ApplyCreditStep
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.editors.allocation_form import AllocationDialog
from ledgerdesk.ui.widgets import date_edit, form_row, to_date


class CreditDialog(AllocationDialog):
    discard = (N_("Discard this application?"),
               N_("The credit has not been applied. Discard what you typed?"))

    def __init__(self, editor: CreditEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent, _("This credit"))
        self.editor: CreditEditor = editor
        self.step: ApplyCreditStep | None = None
        self.setWindowTitle(editor.title)
        self.heading = QLabel(editor.heading)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.date_edit = date_edit(editor.date, editor.session.locale)
        described(self.date_edit, _("The day the credit is applied"))
        self.save_button.setText(_("A&pply"))
        self._lay_out()
        self.date_edit.dateChanged.connect(lambda d: editor.set_date(to_date(d)))
        self._refresh()
        self.resize(820, 440)

    def _lay_out(self) -> None:
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addStretch(1)
        form = QFormLayout()
        form_row(form, _("&Date:"), when, self.date_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        self.add_grid(layout, _("Apply to open &{targets} (type in “This credit”):").format(
                                  targets=self.editor.targets))
        for first, second in ((self.date_edit, self.table), (self.table, self.oldest_button),
                              (self.oldest_button, self.buttons)):
            self.setTabOrder(first, second)

    def _refresh_labels(self) -> None:
        self.heading.setText(self.editor.heading)
        super()._refresh_labels()

    def saved(self, result: ApplyCreditStep) -> None:
        self.step = result


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
    described(button, _("Applies the credit to the documents as allocated and closes the form"))
    button.setAutoDefault(False)
    button.setVisible(credit_left(editor.session, editor.document_id) > 0)

    def apply() -> None:
        step = open_credit_dialog(editor.session, editor.document_id, dialog)
        if step is not None:
            dialog.steps.append(step)
            dialog.accept()

    button.clicked.connect(apply)
    return button
