"""The book's settings: saved together and read back, or refused whole with a reason."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.documents import authorise_document
from ledgerdesk.services.settings import read_settings, update_settings

KNOWN = frozenset({"en_US", "de_DE", "fr_CH"})


def test_a_new_book_has_its_company_and_currency_and_no_locale(book):
    settings = read_settings(book)
    assert (settings.company, settings.currency, settings.locale) == ("Test Co", "EUR", "")
    assert set(settings.prefixes) == set(DocumentKind)


def test_every_setting_is_saved_and_read_back(book):
    wanted = replace(
        read_settings(book), company="Müller & Söhne GmbH", address="Hauptstr. 1, Bern",
        tax_number="CHE-123.456.789 MWST", locale="fr_CH",
        prefixes={**read_settings(book).prefixes, DocumentKind.SALES_INVOICE: "RE-2024/"},
    )
    update_settings(book, wanted, KNOWN)
    assert read_settings(book) == wanted


def test_a_new_prefix_numbers_the_next_invoice(book, customer, draft):
    before = read_settings(book)
    update_settings(book, replace(before, prefixes={
        **before.prefixes, DocumentKind.SALES_INVOICE: "F"}), KNOWN)
    number = authorise_document(book, draft(customer, "10"))
    assert number.startswith("F") and number[1:].isdigit()


@pytest.mark.parametrize("prefix", ["", "   ", "IN V", "X" * 13, "A\tB"])
def test_a_bad_prefix_is_refused_naming_the_field_and_nothing_changes(book, prefix):
    before = read_settings(book)
    wanted = replace(before, company="Renamed Ltd",
                     prefixes={**before.prefixes, DocumentKind.BILL: prefix})
    with pytest.raises(ValidationFailed) as refused:
        update_settings(book, wanted, KNOWN)
    (problem,) = refused.value.problems
    assert problem.field == "prefixes.BILL"
    assert problem.message == "The bill prefix must be 1 to 12 characters without spaces."
    assert read_settings(book) == before  # the valid company name was not saved either


def test_an_unknown_locale_is_refused_with_its_name_and_nothing_changes(book):
    before = read_settings(book)
    with pytest.raises(ValidationFailed) as refused:
        update_settings(book, replace(before, locale="xx_YY", address="New street"), KNOWN)
    (problem,) = refused.value.problems
    assert problem.field == "locale"
    assert "“xx_YY” is not a locale" in problem.message
    assert read_settings(book) == before


def test_every_problem_is_reported_at_once(book):
    before = read_settings(book)
    wanted = replace(before, company=" ", locale="nope",
                     prefixes={**before.prefixes, DocumentKind.SALES_INVOICE: ""})
    with pytest.raises(ValidationFailed) as refused:
        update_settings(book, wanted, KNOWN)
    assert [p.field for p in refused.value.problems] == [
        "company", "locale", "prefixes.SALES_INVOICE"]


def test_an_empty_locale_means_follow_the_system(book):
    update_settings(book, replace(read_settings(book), locale="de_DE"), KNOWN)
    update_settings(book, replace(read_settings(book), locale=""), KNOWN)
    assert read_settings(book).locale == ""


def test_saving_unchanged_settings_keeps_the_invoice_sequence(book, customer, draft):
    first = authorise_document(book, draft(customer, "10"))
    update_settings(book, read_settings(book), KNOWN)
    second = authorise_document(book, draft(customer, "10"))
    assert int(second.removeprefix("INV-")) == int(first.removeprefix("INV-")) + 1
