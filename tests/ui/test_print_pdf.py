"""File > Print to PDF… (Ctrl+P): the selected invoice, credit note or customer's statement
goes to the file the user picks, and the status bar says where."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.printing import NOTHING_TO_PRINT, print_job
from ledgerdesk.ui import file_dialogs, print_flow
from ledgerdesk.ui.actions import make_actions, shortcut_rows
from ledgerdesk.ui.book_view import BookView


@pytest.fixture
def view(qtbot, ui_session):
    window = QMainWindow()
    qtbot.addWidget(window)
    book_view = BookView(ui_session, QUndoStack(window), window)
    window.setCentralWidget(book_view)
    window.show()
    return book_view


@pytest.fixture
def chosen(monkeypatch, tmp_path):
    """The save dialog answers with ``chosen.answer`` and records what it suggested."""
    class Chooser:
        answer = tmp_path / "out.pdf"
        suggested = None

        def __call__(self, parent, suggested):
            self.suggested = suggested
            return self.answer

    chooser = Chooser()
    monkeypatch.setattr(print_flow, "choose_pdf_path", chooser)
    return chooser


def status(view) -> str:
    return view.window_.statusBar().currentMessage()


def text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages).replace("\t", " ")


def test_the_selected_invoice_is_saved_where_the_user_says(view, two_invoices, chosen,
                                                           ui_session):
    view.show_page(1)
    view.invoices.table.selectRow(0)
    number = view.invoices.current_entity().number
    view.print_pdf()
    assert chosen.suggested == file_dialogs.start_folder() / f"{number}.pdf"  # not the book's
    assert status(view) == f"Saved to {chosen.answer} (1 page)."
    assert number in text(chosen.answer) and "Acme Retail" in text(chosen.answer)


def test_a_customer_gets_a_statement_and_a_bill_prints_nothing(view, two_invoices, chosen,
                                                               issue, supplier):
    view.show_page(5)
    view.contacts.table.selectRow(0)
    view.print_pdf()
    assert chosen.suggested.name.startswith("Statement Acme Retail 2024-03-01")
    assert "Statement" in text(chosen.answer) and "Opening balance" in text(chosen.answer)
    issue(supplier, "10", DocumentKind.BILL)
    chosen.suggested = None
    view.show_page(2)
    view.bills.table.selectRow(0)
    view.print_pdf()
    assert status(view) == NOTHING_TO_PRINT and chosen.suggested is None


def test_cancelling_writes_nothing_and_a_bad_folder_is_an_error(view, two_invoices, chosen,
                                                                ui_session, tmp_path):
    chosen.answer = None
    view.show_page(1)
    view.invoices.table.selectRow(0)
    view.print_pdf()
    assert status(view) == "Nothing printed."
    chosen.answer = tmp_path / "missing" / "x.pdf"
    job = print_job(ui_session, view.invoices.current_entity())
    message, failed = print_flow.print_to_pdf(view, job, tmp_path)
    assert failed and "could not be written" in message
    assert not chosen.answer.exists()


def test_print_is_in_help_with_ctrl_p(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    assert ("Print to PDF", "Ctrl+P") in shortcut_rows(make_actions(window))


def test_the_open_invoice_prints_with_ctrl_p_from_its_editor(qtbot, view, two_invoices, chosen,
                                                             ui_session):
    from PySide6.QtCore import Qt

    from ledgerdesk.presentation.document_editor import DocumentEditor
    from ledgerdesk.ui.editors.document_dialog import DocumentDialog

    editor = DocumentEditor(ui_session, DocumentKind.SALES_INVOICE, two_invoices[0])
    dialog = DocumentDialog(editor, view)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.print_button.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert chosen.suggested.name == f"{editor.number}.pdf"
    assert status(view) == f"Saved to {chosen.answer} (1 page)."
    assert editor.number in text(chosen.answer)
    new = DocumentDialog(DocumentEditor(ui_session, DocumentKind.SALES_INVOICE), view)
    qtbot.addWidget(new)
    new.show()
    assert not new.print_button.isVisible()  # nothing saved to print yet
