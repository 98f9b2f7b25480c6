"""Editing a contact: every field changes, names stay unique ignoring case, roles stay
consistent with open documents, and the audit log keeps what changed."""

from __future__ import annotations

import json
import sqlite3

import pytest
from pydantic import ValidationError

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.problems import NotFound, ValidationFailed
from ledgerdesk.services.commands import EditContact
from ledgerdesk.services.contacts import contact_overview, update_contact


def edit(contact_id: int, name: str = "Acme Retail", **fields) -> EditContact:
    values = {"role": ContactRole.CUSTOMER, **fields}
    return EditContact(contact_id=contact_id, name=name, **values)


def read(book, contact_id):
    with book.read() as tx:
        return tx.get_contact(contact_id)


def test_every_field_changes_and_the_old_values_come_back(book, customer):
    before = update_contact(book, edit(
        customer, "Acme Retail GmbH", email="ap@acme.example", tax_number="DE123",
        payment_terms_days=14, role=ContactRole.BOTH))
    assert before.name == "Acme Retail" and before.payment_terms_days == 30
    after = read(book, customer)
    assert (after.name, after.email, after.tax_number, after.payment_terms_days, after.role) == (
        "Acme Retail GmbH", "ap@acme.example", "DE123", 14, ContactRole.BOTH)
    conn = sqlite3.connect(book.path)
    action, entity, entity_id, detail = conn.execute(
        "SELECT action, entity, entity_id, detail FROM audit_log ORDER BY id DESC").fetchone()
    conn.close()
    assert (action, entity, entity_id) == ("update", "contact", customer)
    assert json.loads(detail)["changed"]["name"] == ["Acme Retail", "Acme Retail GmbH"]
    assert "role" in json.loads(detail)["changed"]


def test_a_name_taken_by_another_contact_in_any_case_is_refused(book, customer, supplier):
    with pytest.raises(ValidationFailed) as refused:
        update_contact(book, edit(customer, "PAPER supplies"))
    assert refused.value.problems[0].field == "name"
    assert "already a contact named Paper Supplies" in refused.value.problems[0].message
    assert read(book, customer).name == "Acme Retail"
    update_contact(book, edit(customer, "ACME RETAIL"))  # its own name in another case is fine
    assert read(book, customer).name == "ACME RETAIL"


def test_bad_input_changes_nothing(book, customer):
    with pytest.raises(ValidationFailed):
        update_contact(book, edit(customer, email="not-an-email"))
    with pytest.raises(ValidationError):
        edit(customer, payment_terms_days=400)
    with pytest.raises(NotFound):
        update_contact(book, edit(999, "Nobody"))
    assert read(book, customer).email == ""


def test_a_customer_with_open_invoices_stays_a_customer(book, customer, issue, pay):
    invoice, _ = issue(customer, "100")
    with pytest.raises(ValidationFailed) as refused:
        update_contact(book, edit(customer, role=ContactRole.SUPPLIER))
    assert refused.value.problems[0].field == "role"
    assert "open sales documents" in refused.value.problems[0].message
    pay(customer, "100", (invoice, "100"))
    update_contact(book, edit(customer, role=ContactRole.SUPPLIER))
    assert read(book, customer).role is ContactRole.SUPPLIER


def test_the_overview_nets_open_invoices_against_unused_credit(book, customer, issue):
    issue(customer, "100")
    issue(customer, "50")
    issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE)
    overview = contact_overview(book, customer)
    assert overview.receivable.amount == 120 and overview.payable.amount == 0
    assert len(overview.documents) == 3
