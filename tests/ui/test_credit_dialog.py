"""Applying a credit note as a user does: from the credit note's editor, typing into the
grid, reading the live check, saving, undoing."""

from __future__ import annotations

import pytest
from grid_helpers import cell, type_into_cell
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.credit_editor import CreditEditor
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.ui import undo
from ledgerdesk.ui.editors.credit_dialog import CreditDialog
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.models.allocations import AllocationColumn


@pytest.fixture
def note(issue, customer, two_invoices):
    return issue(customer, "80", DocumentKind.SALES_CREDIT_NOTE)[0]


@pytest.fixture
def dialog(qtbot, ui_session, note):
    window = CreditDialog(CreditEditor(ui_session, note))
    qtbot.addWidget(window)
    window.show()
    return window


def test_opens_with_the_credit_spread_oldest_due_first(dialog):
    assert dialog.model.headerData(AllocationColumn.THIS_PAYMENT,
                                   Qt.Orientation.Horizontal) == "This credit"
    assert cell(dialog, 0, AllocationColumn.THIS_PAYMENT) == "80,00"
    assert cell(dialog, 0, AllocationColumn.REMAINS) == "20,00"
    assert "80,00 EUR left to apply" in dialog.heading.text()
    assert dialog.save_button.isEnabled()


def test_typing_too_much_shows_the_exact_maximum_and_disables_apply(qtbot, dialog):
    type_into_cell(qtbot, dialog, 0, "90,00")
    assert "more than this credit note's 80,00" in dialog.grid_message.text()
    assert cell(dialog, 0, AllocationColumn.CHECK) == "⚠ at most 80,00"
    assert not dialog.save_button.isEnabled()
    type_into_cell(qtbot, dialog, 0, "50,00")
    type_into_cell(qtbot, dialog, 1, "30,00")
    assert not dialog.grid_message.isVisible()
    assert dialog.summary.text().endswith("all of it is used.")
    assert dialog.save_button.isEnabled()


def test_apply_then_undo(qtbot, dialog, two_invoices, note, owed):
    type_into_cell(qtbot, dialog, 0, "50,00")
    type_into_cell(qtbot, dialog, 1, "30,00")
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert (owed(two_invoices[0]), owed(two_invoices[1]), owed(note)) == (50, 20, 0)
    stack = QUndoStack()
    undo.push(stack, dialog.step, lambda text, error: None, lambda: None)
    assert stack.undoText().startswith("Apply credit note CN-")
    stack.undo()
    assert (owed(two_invoices[0]), owed(two_invoices[1]), owed(note)) == (100, 50, 80)


def test_the_credit_notes_editor_offers_apply_and_it_opens_the_form(
        qtbot, ui_session, note, owed, two_invoices):
    document = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_CREDIT_NOTE, note))
    qtbot.addWidget(document)
    assert document.apply_button.isVisibleTo(document)
    assert document.apply_button.text() == "Apply to i&nvoices…"

    def press_apply() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, CreditDialog)
        form.save_button.click()

    QTimer.singleShot(0, press_apply)
    document.apply_button.click()
    assert document.result() == document.DialogCode.Accepted
    assert document.steps and owed(note) == 0 and owed(two_invoices[0]) == 20
    spent = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_CREDIT_NOTE, note))
    qtbot.addWidget(spent)
    assert not spent.apply_button.isVisibleTo(spent)  # nothing left to apply


def test_the_allocation_model_passes_qtmodeltester(qtmodeltester, qtbot, dialog):
    type_into_cell(qtbot, dialog, 1, "5,00")
    qtmodeltester.check(dialog.model)
