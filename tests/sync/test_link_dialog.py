"""Linking an invoice from its editor: found by number through the fake Xero (off the GUI
thread) or by the remote id typed in; the editor shows the link."""

from __future__ import annotations

import dataclasses
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from ledgerdesk.app.remotes import SyncRemotes
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.sync import LinkKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.sync_ports import RemoteDocument
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.link_dialog import LinkDialog, link_state
from ledgerdesk.ui.workers import run_in_background


@pytest.fixture
def session(xero_book, monkeypatch) -> Session:
    monkeypatch.setattr("ledgerdesk.sync.gateways.DEFAULT_TRANSPORT", xero_book.xero.transport())
    monkeypatch.setattr("ledgerdesk.sync.gateways.DEFAULT_CLOCK", xero_book.clock)
    return Session.of(xero_book.book, Path(xero_book.book.path))


def _link(book, document_id):
    with book.read() as tx:
        return tx.find_link(1, LinkKind.DOCUMENT, str(document_id))


def test_find_by_number_then_link(qtbot, session, xero_book, customer, issue) -> None:
    document_id, number = issue(customer, "100")
    remote_id = xero_book.xero.add_invoice(number, "70")
    dialog = LinkDialog(session, SyncRemotes(), number)
    qtbot.addWidget(dialog)
    dialog.find()
    qtbot.waitUntil(lambda: dialog.remote_id.text() == remote_id, timeout=10000)
    assert "70" in dialog.message.text() and "AUTHORISED" in dialog.message.text()
    dialog.link()
    assert dialog.linked and _link(xero_book.book, document_id).remote_id == remote_id
    assert link_state(session, document_id).startswith(f"Linked to Xero {remote_id}")


def test_a_number_xero_does_not_know_asks_for_the_id(qtbot, session, customer, issue,
                                                    xero_book) -> None:
    document_id, number = issue(customer, "100")
    dialog = LinkDialog(session, SyncRemotes(), number)
    qtbot.addWidget(dialog)
    dialog.find()
    qtbot.waitUntil(lambda: "enter its id" in dialog.message.text(), timeout=10000)
    dialog.link()
    assert not dialog.linked and _link(xero_book.book, document_id) is None
    dialog.remote_id.setText("abc-123")
    dialog.link()
    assert _link(xero_book.book, document_id).remote_id == "abc-123"


def test_the_invoice_editor_shows_its_link(qtbot, session, xero_book, customer, issue) -> None:
    document_id, number = issue(customer, "100")
    dialog = DocumentDialog(DocumentEditor(session, DocumentKind.SALES_INVOICE, document_id))
    qtbot.addWidget(dialog)
    assert dialog.link_state.text() == "Not linked to a remote service."
    xero_book.xero.add_invoice(number, "100")
    xero_book.link([number])
    dialog = DocumentDialog(DocumentEditor(session, DocumentKind.SALES_INVOICE, document_id))
    qtbot.addWidget(dialog)
    assert dialog.link_state.text().startswith(f"Linked to Xero {number}")


def test_the_amount_due_is_written_in_the_books_locale(qtbot, xero_book, customer,
                                                       issue) -> None:
    german = Session.of(xero_book.book, Path(xero_book.book.path), fallback_locale="de_DE")
    _, number = issue(customer, "100")
    dialog = LinkDialog(german, SyncRemotes(), number)
    qtbot.addWidget(dialog)
    found = RemoteDocument("abc-1", number, "AUTHORISED", True, Money.of("85", "EUR"))
    dialog._found(dialog.connection.currentData(), found)  # as the answer to Find arrives
    assert "(AUTHORISED, 85,00 due)" in dialog.message.text()
    dialog._found(dialog.connection.currentData(),
                  dataclasses.replace(found, amount_due=Money.of("85", "USD")))
    assert "(AUTHORISED, 85,00 USD due)" in dialog.message.text()


def test_a_dialog_let_go_once_find_has_answered_goes_cleanly(qtbot, session, customer, issue,
                                                             monkeypatch, no_gc,
                                                             deliver_answer) -> None:
    """The sequence behind a segfault seen at random after this file's first two tests:
    Find's answer arrives, the test (or any caller) lets go of the dialog, and the event loop
    runs the background task's deferred deletion.  The task held the only reference left to
    the dialog (its callbacks close over it), so deleting the task destroyed the dialog, whose
    destructor deleted the task, its child, a second time."""
    _, number = issue(customer, "100")
    tasks: list = []
    monkeypatch.setattr("ledgerdesk.ui.link_dialog.run_in_background",
                        lambda *args: tasks.append(run_in_background(*args)) or tasks[-1])
    dialog = LinkDialog(session, SyncRemotes(), number)
    dialog.find()
    gone = weakref.ref(dialog)
    deliver_answer(tasks[0], until=lambda: "enter its id" in gone().message.text())
    del dialog
    tasks.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert gone() is None
