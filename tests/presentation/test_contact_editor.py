"""The contact editor, without Qt: loading, balance, saving an edit, undo, refusals."""

from __future__ import annotations

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.contact_editor import ContactEditor


def values(**changes):
    base = {"name": "Acme Retail", "role": ContactRole.CUSTOMER, "email": "",
            "tax_number": "", "payment_terms_days": 30}
    return base | changes


def test_an_edit_saves_and_undo_restores_every_field(session, customer, book):
    editor = ContactEditor(session, customer)
    assert editor.values["name"] == "Acme Retail" and editor.title == "Contact Acme Retail"
    assert editor.save(**values(name="Acme Ltd", email="a@b.example", tax_number="GB1",
                                payment_terms_days=14))
    with book.read() as tx:
        assert tx.get_contact(customer).email == "a@b.example"
    assert editor.step.text == "edit contact Acme Retail"
    editor.step.undo()
    with book.read() as tx:
        contact = tx.get_contact(customer)
    assert (contact.name, contact.email, contact.tax_number, contact.payment_terms_days) == (
        "Acme Retail", "", "", 30)
    editor.step.redo()
    with book.read() as tx:
        assert tx.get_contact(customer).name == "Acme Ltd"


def test_a_duplicate_name_is_refused_with_the_reason(session, customer, supplier):
    editor = ContactEditor(session, customer)
    assert not editor.save(**values(name="paper supplies"))
    assert editor.error == "There is already a contact named Paper Supplies."
    assert not editor.save(**values(payment_terms_days=999))
    assert "365" in editor.error


def test_balance_and_open_documents_are_shown(session, customer, issue):
    issue(customer, "100")
    issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE)
    editor = ContactEditor(session, customer)
    assert editor.balance == "They owe you 70,00 EUR (2 open documents)."
    assert [row.outstanding for row in editor.open_rows] == ["100,00", "30,00"]


def test_a_new_contact_is_added(session, book):
    editor = ContactEditor(session)
    assert editor.title == "New contact" and editor.values["name"] == ""
    assert editor.save(**values(name="Newco"))
    assert editor.contact_id is not None and editor.step is None


def test_the_contacts_currency_is_kept_and_the_home_one_kept_as_none(session, customer, book):
    editor = ContactEditor(session, customer)
    assert editor.values["currency"] == "EUR"  # the book's, as the picker shows it
    assert editor.save(**values(currency="usd"))
    with book.read() as tx:
        assert tx.get_contact(customer).currency == "USD"
    assert ContactEditor(session, customer).values["currency"] == "USD"
    editor.step.undo()
    with book.read() as tx:
        assert tx.get_contact(customer).currency is None
    assert ContactEditor(session, customer).save(**values(currency="EUR"))
    with book.read() as tx:
        assert tx.get_contact(customer).currency is None
    assert not ContactEditor(session, customer).save(**values(currency="ZZZ"))


def test_foreign_open_documents_show_in_their_currency_and_owe_at_home(session, customer,
                                                                      issue):
    from decimal import Decimal

    issue(customer, "100", currency="USD", exchange_rate=Decimal("0.9"))
    issue(customer, "30")
    editor = ContactEditor(session, customer)
    assert sorted(row.outstanding for row in editor.open_rows) == ["100,00 USD", "30,00"]
    assert editor.balance == "They owe you 120,00 EUR (2 open documents)."
