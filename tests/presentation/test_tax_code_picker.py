"""The document form's tax column is a tax code picker: the side's codes, each shown with its
rate; the chosen code is saved on the line, and the totals are rounded as the book rounds
tax (a posted document as it was posted)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.services.documents import load_document
from ledgerdesk.services.settings import set_tax_rounding
from ledgerdesk.services.tax_codes import list_tax_codes, save_tax_code


@pytest.fixture
def customer(add_contact) -> int:
    return add_contact("Acme Retail", ContactRole.CUSTOMER)


def code_id(book, side: Side, name: str) -> str:
    return str(next(c.id for c in list_tax_codes(book, side) if c.name == name))


def test_the_picker_offers_the_sides_codes_with_their_rates(book, session):
    save_tax_code(book, "Zero-rated", Decimal(0), Side.SALES)
    save_tax_code(book, "Books", Decimal("5.5"), Side.SALES)
    invoice = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    assert [label for label, _ in invoice.tax_code_choices()] == [
        "No tax 0%", "Zero-rated (0 %)", "Reduced 5%", "Books (5,5 %)", "Standard 20%"]
    bill = DocumentEditor(session, DocumentKind.BILL)
    assert [value for _, value in bill.tax_code_choices()] == [
        code_id(book, Side.PURCHASES, name) for name in ("No tax 0%", "Reduced 5%",
                                                         "Standard 20%")]


def test_a_new_line_starts_on_no_tax_then_on_the_line_above(book, session, customer):
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(customer, "Acme Retail")
    assert editor.tax_code_label(editor.lines[0].text("tax_code")) == "No tax 0%"
    editor.set_line_text(0, "tax_code", code_id(book, Side.SALES, "Standard 20%"))
    editor.add_line()
    assert editor.tax_code_label(editor.lines[1].text("tax_code")) == "Standard 20%"


def test_the_chosen_code_prices_the_line_and_is_saved(book, session, customer):
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(customer, "Acme Retail")
    editor.set_line_text(0, "unit_price", "100")
    editor.set_line_text(0, "tax_code", code_id(book, Side.SALES, "Reduced 5%"))
    assert editor.totals() == ("100,00", "5,00", "105,00")
    assert editor.save() is not None
    doc, _ = load_document(book, editor.document_id)
    assert [(str(ln.tax_code_id), ln.tax_rate) for ln in doc.lines] == [
        (code_id(book, Side.SALES, "Reduced 5%"), Decimal(5))]
    again = DocumentEditor(session, DocumentKind.SALES_INVOICE, editor.document_id)
    assert again.tax_code_label(again.lines[0].text("tax_code")) == "Reduced 5%"


def twenty_small_lines(book, session, customer) -> DocumentEditor:
    save_tax_code(book, "Books", Decimal("5.5"), Side.SALES)
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(customer, "Acme Retail")
    for row in range(20):
        if row:
            editor.add_line()
        editor.set_line_text(row, "description", "Bookmark")
        editor.set_line_text(row, "unit_price", "0,09")
        editor.set_line_text(row, "tax_code", code_id(book, Side.SALES, "Books"))
    return editor


def test_the_form_rounds_tax_as_the_book_does(book, session, customer):
    editor = twenty_small_lines(book, session, customer)
    assert editor.totals() == ("1,80", "0,00", "1,80")  # per line: 0.00495 each, nothing
    assert editor.rounding_note == ""
    set_tax_rounding(book, TaxRounding.PER_DOCUMENT)
    editor = twenty_small_lines(book, session, customer)
    assert editor.totals() == ("1,80", "0,10", "1,90")  # per document: 0.099 -> 0.10
    assert editor.rounding_note == "Tax is rounded once per tax code for the document."


def test_a_posted_document_shows_the_rounding_it_was_posted_with(book, session, customer):
    editor = twenty_small_lines(book, session, customer)
    assert editor.authorise() is not None
    set_tax_rounding(book, TaxRounding.PER_DOCUMENT)
    posted = DocumentEditor(session, DocumentKind.SALES_INVOICE, editor.document_id)
    assert posted.read_only and posted.totals() == ("1,80", "0,00", "1,80")
    assert posted.rounding_note == ("Tax is rounded line by line, as when this document was "
                                    "posted.")


def test_a_code_problem_shows_beside_the_tax_cell(book, session, customer):
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(customer, "Acme Retail")
    editor.set_line_text(0, "unit_price", "100")
    editor.set_line_text(0, "tax_code", code_id(book, Side.PURCHASES, "Standard 20%"))
    assert editor.save() is None
    assert editor.line_error(0, "tax_code") == (
        "Standard 20% is a purchases tax code; this document takes a sales one.")
