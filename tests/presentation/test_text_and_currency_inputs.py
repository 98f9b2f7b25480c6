"""The window's inputs refuse what the command line refuses, in the same words: a currency
that is not ISO 4217 in the New book dialog, a contact name or a company name holding a
bidi override or a control character in their editors."""

from __future__ import annotations

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.contact_editor import ContactEditor
from ledgerdesk.presentation.new_book import new_book_problem
from ledgerdesk.presentation.settings import SettingsEditor

OVERRIDE = "The name holds U+202E RIGHT-TO-LEFT OVERRIDE"


@pytest.mark.parametrize(("currency", "problem"), [
    ("XYZ", "'XYZ' is not an ISO 4217 currency code; use one like EUR, USD or GBP."),
    ("abc", "'ABC' is not an ISO 4217 currency code; use one like EUR, USD or GBP."),
    ("EU", "'EU' is not a currency code; use three letters, like EUR."),
    ("chf", ""),
])
def test_the_new_book_dialog_takes_only_iso_currencies(tmp_path, currency, problem):
    assert new_book_problem(tmp_path / "n.book", "Northwind", currency) == problem


def test_the_new_book_dialog_refuses_a_company_name_with_an_override(tmp_path):
    problem = new_book_problem(tmp_path / "n.book", "North\u202ewind", "EUR")
    assert problem.startswith("The company name holds U+202E RIGHT-TO-LEFT OVERRIDE, ")


@pytest.mark.parametrize("name", ["Evil \u202eCod.exe Ltd", "Evil \u2066Ltd\u2069",
                                  "Evil\x00 Ltd", "Evil \u200fLtd"])
def test_the_contact_editor_refuses_a_name_with_a_control_naming_the_field(session, book,
                                                                           name):
    editor = ContactEditor(session, None)
    assert not editor.save(name=name, role=ContactRole.CUSTOMER, email="", tax_number="",
                           payment_terms_days=30, address="")
    assert editor.error.startswith("The name holds U+") and "\n" not in editor.error
    assert list(book.queries().list_contacts()) == []


def test_an_address_keeps_its_lines_but_not_an_override(session):
    editor = ContactEditor(session, None)
    assert not editor.save(name="Acme", role=ContactRole.CUSTOMER, email="", tax_number="",
                           payment_terms_days=30, address="1 Road\n\u202eLeeds")
    assert editor.error.startswith("The address holds U+202E")
    assert editor.save(name="Acme", role=ContactRole.CUSTOMER, email="", tax_number="",
                       payment_terms_days=30, address="1 Road\nLeeds")


def test_settings_refuse_a_company_name_with_an_override(session):
    editor = SettingsEditor(session)
    wanted = editor.loaded.__class__(**{**editor.loaded.__dict__,
                                        "company": "Evil \u202eCod.exe Ltd"})
    problems = editor.save(wanted)
    assert problems["company"].startswith("The company name holds U+202E")


def test_settings_refuse_a_number_prefix_with_an_override(session):
    editor = SettingsEditor(session)
    prefixes = {**editor.loaded.prefixes, DocumentKind.SALES_INVOICE: "INV\u202e"}
    wanted = editor.loaded.__class__(**{**editor.loaded.__dict__, "prefixes": prefixes})
    problems = editor.save(wanted)
    key = f"prefixes.{DocumentKind.SALES_INVOICE.value}"
    assert problems == {key: "The invoice prefix holds U+202E RIGHT-TO-LEFT OVERRIDE, which "
                             "can make text show in another order than it was typed; remove it."}
