"""The invoice and bill editors' due date, without Qt: the contact's payment terms applied
to the issue date, shown as it will be saved, until the user types a date of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import load_document, save_draft

ISSUED = dt.date(2024, 3, 1)  # the session's today


@pytest.fixture
def quick(add_contact) -> int:
    return add_contact("Quick Pay", ContactRole.CUSTOMER, payment_terms_days=14)


@pytest.fixture
def slow(add_contact) -> int:
    return add_contact("Slow Pay", ContactRole.CUSTOMER, payment_terms_days=45)


def invoice(session, contact_id: int, name: str) -> DocumentEditor:
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(contact_id, name)
    editor.set_line_text(0, "description", "Work")
    editor.set_line_text(0, "unit_price", "100")
    return editor


def test_the_due_date_shown_is_the_contacts_terms_and_is_what_is_saved(session, book, quick,
                                                                        draft):
    editor = invoice(session, quick, "Quick Pay")
    assert editor.due_date == ISSUED + dt.timedelta(days=14)
    assert editor.due_hint == "Terms of Quick Pay: 14 days"
    editor.save()
    saved, _ = load_document(book, editor.document_id)
    assert saved.due_date == editor.due_date
    # What the service gives a draft that names no due date: the same date.
    untyped = editor.draft().model_copy(update={"due_date": None})
    assert load_document(book, save_draft(book, untyped))[0].due_date == editor.due_date


def test_it_follows_the_issue_date_and_the_contact(session, quick, slow):
    editor = invoice(session, quick, "Quick Pay")
    editor.set_issue_date(dt.date(2024, 4, 10))
    assert editor.due_date == dt.date(2024, 4, 24)
    editor.set_contact(slow, "Slow Pay")
    assert editor.due_date == dt.date(2024, 5, 25)


def test_a_typed_due_date_stays_when_the_contact_or_issue_date_change(session, quick, slow):
    editor = invoice(session, quick, "Quick Pay")
    editor.set_due_date(dt.date(2024, 3, 31))
    editor.set_contact(slow, "Slow Pay")
    editor.set_issue_date(dt.date(2024, 3, 5))
    assert editor.due_date == dt.date(2024, 3, 31)
    assert editor.due_hint == "Typed by you; the terms of Slow Pay (45 days) give 19.04.2024"
    assert editor.draft().due_date == dt.date(2024, 3, 31)
    editor.set_due_date(dt.date(2024, 4, 19))  # the terms' date: it follows them again
    editor.set_issue_date(dt.date(2024, 3, 6))
    assert editor.due_date == dt.date(2024, 4, 20)


def test_a_saved_draft_keeps_following_the_terms_or_its_typed_date(session, quick):
    following = invoice(session, quick, "Quick Pay")
    following.save()
    typed = invoice(session, quick, "Quick Pay")
    typed.set_due_date(dt.date(2024, 6, 30))
    typed.save()
    reopened = DocumentEditor(session, DocumentKind.SALES_INVOICE, following.document_id)
    reopened.set_issue_date(dt.date(2024, 3, 10))
    assert reopened.due_date == dt.date(2024, 3, 24)
    reopened = DocumentEditor(session, DocumentKind.SALES_INVOICE, typed.document_id)
    reopened.set_issue_date(dt.date(2024, 3, 10))
    assert reopened.due_date == dt.date(2024, 6, 30)


def test_a_bill_uses_the_suppliers_terms_and_a_contact_less_form_the_usual_30(
        session, add_contact):
    supplier = add_contact("Slow Supplies", ContactRole.SUPPLIER, payment_terms_days=60)
    editor = DocumentEditor(session, DocumentKind.BILL)
    assert editor.due_date == ISSUED + dt.timedelta(days=30)
    assert editor.due_hint == "30 days until a contact is chosen"
    editor.set_contact(supplier, "Slow Supplies")
    assert editor.due_date == ISSUED + dt.timedelta(days=60)
    editor.set_contact(None)
    assert editor.due_date == ISSUED + dt.timedelta(days=30)


def test_terms_of_zero_days_fall_due_on_the_issue_date(session, add_contact):
    cash = add_contact("Cash Customer", ContactRole.CUSTOMER, payment_terms_days=0)
    editor = invoice(session, cash, "Cash Customer")
    assert editor.due_date == ISSUED and editor.due_hint == "Terms of Cash Customer: due at once"
