"""The invoice and bill editors' currency and exchange rate, without Qt (issue 15): the
contact's currency by default, the book's rate of the date prefilled until the user types
one, a missing rate the rate field's problem, amounts in the document's own minor unit and
the total at home under the totals.  The book keeps EUR; the session's today is 2024-03-01."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.document_currency import code_of, currency_choices
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import load_document
from ledgerdesk.services.rates import save_rate

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def globex(add_contact) -> int:
    return add_contact("Globex Inc", ContactRole.CUSTOMER, currency="USD")


@pytest.fixture
def local(add_contact) -> int:
    return add_contact("Local Ltd", ContactRole.CUSTOMER)


@pytest.fixture
def usd_rates(book) -> None:
    save_rate(book, "USD", Decimal("0.9"), TODAY - dt.timedelta(days=10))
    save_rate(book, "USD", Decimal("0.95"), TODAY + dt.timedelta(days=10))


def invoice(session, contact_id: int, name: str, price: str = "1000") -> DocumentEditor:
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(contact_id, name)
    editor.set_line_text(0, "description", "Work")
    editor.set_line_text(0, "unit_price", price)
    return editor


def test_a_new_document_takes_the_contacts_currency_else_the_books(session_for, globex, local,
                                                                   usd_rates):
    editor = invoice(session_for("en_US"), local, "Local Ltd")
    assert (editor.money.code, editor.money.foreign) == ("EUR", False)
    editor.set_contact(globex, "Globex Inc")
    assert editor.money.code == "USD"
    assert "amounts in USD" in editor.number_text
    editor.set_contact(local, "Local Ltd")
    assert editor.money.code == "EUR"


def test_a_picked_currency_stays_when_the_contact_changes(session_for, globex, local):
    editor = invoice(session_for("en_US"), local, "Local Ltd")
    editor.set_currency("GBP — British Pound")
    editor.set_contact(globex, "Globex Inc")
    assert editor.money.code == "GBP"


def test_the_rate_is_the_books_of_the_date_and_follows_it(session_for, globex, usd_rates):
    editor = invoice(session_for("de_DE"), globex, "Globex Inc")
    assert editor.money.rate_text == "0,9"
    editor.set_issue_date(TODAY + dt.timedelta(days=12))
    assert editor.money.rate_text == "0,95"
    assert editor.home_total() == "= 950,00 EUR at 0,95"


def test_a_typed_rate_is_kept_and_saved(session_for, book, globex, usd_rates):
    editor = invoice(session_for("en_US"), globex, "Globex Inc")
    editor.set_rate_text("0.91")
    editor.set_issue_date(TODAY + dt.timedelta(days=12))
    assert editor.money.rate_text == "0.91"
    assert editor.home_total() == "= 910.00 EUR at 0.91"
    editor.save()
    saved, _ = load_document(book, editor.document_id)
    assert (saved.currency, saved.exchange_rate) == ("USD", Decimal("0.91"))
    again = DocumentEditor(session_for("en_US"), DocumentKind.SALES_INVOICE, editor.document_id)
    assert (again.money.code, again.money.rate_text) == ("USD", "0.91")


def test_an_untyped_rate_saves_the_books_rate(session_for, book, globex, usd_rates):
    editor = invoice(session_for("en_US"), globex, "Globex Inc")
    editor.save()
    saved, _ = load_document(book, editor.document_id)
    assert saved.exchange_rate == Decimal("0.9")


def test_a_missing_rate_is_the_rate_fields_problem_and_typing_one_mends_it(session_for, globex):
    editor = invoice(session_for("en_US"), globex, "Globex Inc")
    assert "no USD rate on or before 2024-03-01" in editor.money.rate_problem
    assert editor.home_total() == ""
    assert editor.save() is None  # the service says the same, on the same field
    assert "no USD rate" in editor.money.rate_problem
    assert not any("rate" in text for text in editor.field_problems())
    editor.set_rate_text("0.9x")
    assert editor.money.rate_text == "0.9x" and editor.money.rate_problem
    assert not editor.can_save
    editor.set_rate_text("0.9")
    assert editor.money.rate_problem == "" and editor.can_save
    assert editor.save() is not None


def test_amounts_are_written_in_the_documents_minor_unit(session_for, local, book):
    save_rate(book, "JPY", Decimal("0.0062"), TODAY)
    save_rate(book, "BHD", Decimal("2.4"), TODAY)
    editor = invoice(session_for("en_US"), local, "Local Ltd", "1234.4")
    editor.set_currency("jpy")
    assert editor.totals()[2] == "1,234"
    assert editor.home_total() == "= 7.65 EUR at 0.0062"
    editor.set_currency("BHD")
    assert editor.totals()[2] == "1,234.400"
    assert editor.line_total(0) == "1,234.400"


def test_a_home_document_has_no_rate_and_no_home_line(session_for, local):
    editor = invoice(session_for("en_US"), local, "Local Ltd")
    assert (editor.money.rate_text, editor.money.rate_problem, editor.home_total()) == ("", "",
                                                                                        "")
    assert editor.draft().exchange_rate is None


def test_a_code_the_book_cannot_take_is_refused_and_blocks_saving(session_for, local):
    editor = invoice(session_for("en_US"), local, "Local Ltd")
    editor.set_currency("ZZZ")
    assert "not an ISO 4217 currency code" in editor.money.currency_error
    assert editor.money.code == "EUR" and not editor.can_save


def test_the_choices_are_every_iso_code_home_first_with_names():
    choices = currency_choices("en_US", first="EUR")
    assert choices[0] == ("EUR", "EUR — Euro")
    assert ("USD", "USD — US Dollar") in choices
    assert code_of("usd — US Dollar") == "USD"
