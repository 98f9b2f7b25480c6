"""The invoice and bill editors show the due date that will be saved: the contact's payment
terms from the issue date, following both as they change, until the user types one."""

from __future__ import annotations

import datetime as dt

import pytest
from key_helpers import field_of, focused, key, show_focused, type_in
from PySide6.QtCore import QDate, Qt

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import load_document
from ledgerdesk.ui.editors.document_dialog import DocumentDialog
from ledgerdesk.ui.models.lines import LineColumn
from ledgerdesk.ui.widgets import to_date

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def terms(add_contact):
    return {"Quick Pay": add_contact("Quick Pay", ContactRole.BOTH, payment_terms_days=14),
            "Slow Pay": add_contact("Slow Pay", ContactRole.BOTH, payment_terms_days=45)}


def editor_dialog(qtbot, session, kind=DocumentKind.SALES_INVOICE) -> DocumentDialog:
    dialog = DocumentDialog(DocumentEditor(session, kind))
    show_focused(qtbot, dialog)
    return dialog


def choose(dialog, name: str) -> None:
    dialog.contact.setCurrentIndex(dialog.contact.findText(name))


def shown_due(dialog) -> dt.date:
    return to_date(dialog.due.date())


@pytest.mark.parametrize("kind", [DocumentKind.SALES_INVOICE, DocumentKind.BILL])
def test_the_due_date_follows_the_contacts_terms_and_the_issue_date_and_is_saved(
        qtbot, ui_session, terms, kind):
    dialog = editor_dialog(qtbot, ui_session, kind)
    choose(dialog, "Quick Pay")
    assert shown_due(dialog) == TODAY + dt.timedelta(days=14)
    assert dialog.due_hint.text() == "Terms of Quick Pay: 14 days" and dialog.due_hint.isVisible()
    dialog.issue.setFocus()
    type_in(qtbot, "10032024")  # the issue date, typed
    assert shown_due(dialog) == dt.date(2024, 3, 24)
    choose(dialog, "Slow Pay")
    assert shown_due(dialog) == dt.date(2024, 4, 24)
    dialog.model.setData(dialog.model.index(0, LineColumn.UNIT_PRICE), "100",
                         Qt.ItemDataRole.EditRole)
    dialog.save()
    saved, _ = load_document(ui_session.book, dialog.editor.document_id)
    assert (saved.issue_date, saved.due_date) == (dt.date(2024, 3, 10), dt.date(2024, 4, 24))


def test_a_typed_due_date_is_kept_and_the_hint_says_what_the_terms_give(qtbot, ui_session,
                                                                          terms):
    dialog = editor_dialog(qtbot, ui_session)
    choose(dialog, "Quick Pay")
    dialog.due.setFocus()
    type_in(qtbot, "31032024")
    assert field_of(focused()) is dialog.due
    key(qtbot, Qt.Key.Key_Tab)
    choose(dialog, "Slow Pay")
    dialog.issue.setDate(QDate(2024, 3, 5))
    assert shown_due(dialog) == dt.date(2024, 3, 31)
    assert dialog.due_hint.text() == "Typed by you; the terms of Slow Pay (45 days) give 19.04.2024"
