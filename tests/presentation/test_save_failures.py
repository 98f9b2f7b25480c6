"""The forms when the book cannot be written (disk full, disk error, read-only): at every
write step of saving, the form shows the storage's one sentence, keeps what the user typed,
and the book is unchanged; once the disk works again the same form saves."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.payment_editor import PaymentEditor

KINDS = ["full", "ioerr", "readonly"]
WORDS = {"full": "is full, so nothing was saved.",
         "ioerr": "reported an error (SQLite: disk I/O error), so nothing was saved.",
         "readonly": "is read-only, so nothing was saved:"}


def steps_of(faults, save) -> int:
    faults.count()
    save()
    return faults.steps


@pytest.mark.parametrize("kind", KINDS)
def test_a_payment_that_cannot_be_saved_keeps_the_form(faults, session, customer, issue,
                                                       add_contact, state, kind):
    twin = add_contact("Twin Retail")  # paid once to count the steps, as Acme is paid below
    for contact in (customer, twin):
        issue(contact, "100", issue_date=dt.date(2024, 1, 1))

    def filled(contact: int = customer) -> PaymentEditor:
        form = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
        form.set_contact(contact, "Acme Retail")
        form.set_amount_text("60,00")
        return form

    total = steps_of(faults, lambda: filled(twin).save())
    before = state()
    for step in range(1, total + 1):
        form = filled()
        faults.fail_at(step, kind)
        assert form.save() is None
        faults.count()
        assert f"{session.path}" in form.save_error and WORDS[kind] in form.save_error
        assert "\n" not in form.save_error
        assert form.amount_text == "60,00" and form.contact_id == customer
        assert [row.text for row in form.rows] == ["60,00"]
        assert state() == before, f"step {step}"
    assert form.save() is not None  # the disk works again: the form as it was saves


@pytest.mark.parametrize("kind", KINDS)
def test_an_invoice_that_cannot_be_authorised_stays_a_draft(faults, session, customer, draft,
                                                             state, kind):
    document_id = draft(customer, "100")
    counted = draft(customer, "100")
    total = steps_of(faults, lambda: DocumentEditor(session, DocumentKind.SALES_INVOICE,
                                                    counted).authorise())
    before = state()
    for step in range(1, total + 1):
        form = DocumentEditor(session, DocumentKind.SALES_INVOICE, document_id)
        faults.fail_at(step, kind)
        assert form.authorise() is None
        faults.count()
        (problem,) = form.problems
        assert f"{session.path}" in problem.message and WORDS[kind] in problem.message
        assert form.lifecycle is Lifecycle.DRAFT and form.number == ""
        assert state() == before, f"step {step}"
