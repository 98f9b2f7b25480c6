"""A payment started from a selected invoice or bill, without Qt: that document's contact,
what it still owes as the amount, and it allocated first, the rest oldest due first."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.payment_editor import PaymentEditor


@pytest.fixture
def invoices(issue, customer):
    """Acme Retail owes 100.00 (due first), 50.00, and 80.00 (due last)."""
    return [issue(customer, amount, issue_date=dt.date(2024, 1, day))[0]
            for amount, day in (("100", 1), ("50", 20), ("80", 25))]


def shares(editor) -> dict[int, str]:
    return {row.document.id: row.text for row in editor.rows if row.text}


def test_the_amount_is_what_the_document_still_owes_and_goes_to_it(session, customer,
                                                                    invoices, pay):
    pay(customer, "30", (invoices[2], "30"))
    editor = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
    editor.start_with(invoices[2], customer, "Acme Retail")
    assert (editor.contact_id, editor.contact_name) == (customer, "Acme Retail")
    assert editor.amount_text == "50,00"
    assert shares(editor) == {invoices[2]: "50,00"}
    assert editor.can_save


def test_more_than_it_owes_goes_to_the_others_oldest_due_first(session, customer, invoices):
    editor = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
    editor.start_with(invoices[1], customer, "Acme Retail")
    editor.set_amount_text("170,00")
    assert shares(editor) == {invoices[1]: "50,00", invoices[0]: "100,00", invoices[2]: "20,00"}
    editor.set_amount_text("20,00")  # less: all of it to the chosen one
    assert shares(editor) == {invoices[1]: "20,00"}
    editor.allocate_oldest_first()  # the button does what it says
    assert shares(editor) == {invoices[0]: "20,00"}


def test_a_bill_starts_a_supplier_payment(session, issue, supplier):
    bill, _ = issue(supplier, "75", DocumentKind.BILL)
    editor = PaymentEditor(session, PaymentKind.SUPPLIER_PAYMENT)
    editor.start_with(bill, supplier, "Paper Supplies")
    assert editor.amount_text == "75,00" and shares(editor) == {bill: "75,00"}


def test_a_document_with_nothing_owed_starts_on_its_contact_only(session, customer, invoices,
                                                                   pay):
    pay(customer, "50", (invoices[1], "50"))
    editor = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
    editor.start_with(invoices[1], customer, "Acme Retail")
    assert editor.contact_id == customer and editor.amount_text == "" and shares(editor) == {}
