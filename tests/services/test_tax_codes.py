"""Tax codes: a new book's defaults, creating and changing one, and documents that name
their lines' codes (or give only a rate), rounded as the book rounds tax."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side, TaxMode
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.domain.tax_rounding import TaxRounding
from ledgerdesk.services.documents import authorise_document, load_document
from ledgerdesk.services.settings import set_tax_rounding, tax_rounding
from ledgerdesk.services.tax_codes import list_tax_codes, save_tax_code

D = Decimal


def codes_of(book) -> list[tuple[str, str, Decimal, str]]:
    return [(c.side.value, c.name, c.rate, c.account_code) for c in list_tax_codes(book)]


def line(price: str, **tax) -> dict:
    return {"description": "item", "unit_price": D(price), "account_code": "4000", **tax}


def test_a_new_book_starts_with_standard_reduced_and_no_tax_on_each_side(book):
    assert codes_of(book) == [
        ("SALES", "No tax 0%", D(0), "2200"), ("SALES", "Reduced 5%", D(5), "2200"),
        ("SALES", "Standard 20%", D(20), "2200"),
        ("PURCHASES", "No tax 0%", D(0), "2200"), ("PURCHASES", "Reduced 5%", D(5), "2200"),
        ("PURCHASES", "Standard 20%", D(20), "2200"),
    ]
    assert tax_rounding(book) is TaxRounding.PER_LINE


def test_a_code_is_created_then_changed_while_only_drafts_use_it(book, add_contact, draft):
    saved = save_tax_code(book, "Books", D("5.5"), Side.SALES)
    assert (saved.created, saved.code.name, saved.code.rate) == (True, "Books", D("5.5"))
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    doc_id = draft(acme, lines=[line("100", tax_code="Books")])
    changed = save_tax_code(book, "books", D(7), Side.SALES)  # names match in any case
    assert (changed.created, changed.changed, changed.code.rate) == (False, True, D(7))
    draft_doc, _ = load_document(book, doc_id)
    assert draft_doc.lines[0].tax_rate == D(7)  # the draft follows its code
    assert draft_doc.totals().tax.amount == D("7.00")
    assert save_tax_code(book, "Books", D(7), Side.SALES).changed is False


def test_a_used_codes_rate_and_account_stay_and_a_new_code_is_suggested(
        book, add_contact, issue, state):
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    issue(acme, lines=[line("100", tax_code="Reduced 5%")])
    before = state()
    with pytest.raises(ValidationFailed) as refused:
        save_tax_code(book, "Reduced 5%", D(6), Side.SALES)
    assert [(p.field, p.message) for p in refused.value.problems] == [(
        "rate", "Reduced 5% is used on posted documents (INV-00001), so its rate stays 5%: "
                "they were posted at it. Make a new code for 6% instead (e.g. “Tax 6%”).")]
    with pytest.raises(ValidationFailed) as refused:
        save_tax_code(book, "Reduced 5%", D(5), Side.SALES, "2000")
    assert refused.value.problems[0].field == "account"
    assert state() == before
    assert save_tax_code(book, "Reduced 5%", D(5), Side.PURCHASES, "3000").changed  # unused


def test_a_codes_fields_are_checked(book):
    with pytest.raises(ValidationFailed) as refused:
        save_tax_code(book, " ", D(101), Side.SALES, "9999")
    assert [p.field for p in refused.value.problems] == ["name", "rate", "account"]
    with pytest.raises(ValidationFailed) as refused:
        save_tax_code(book, "Banked", D(1), Side.SALES, "1000")
    assert [p.message for p in refused.value.problems] == [
        "Tax cannot post to 1000 Bank: choose a tax account."]


def test_a_line_names_its_code_or_gives_a_rate(book, add_contact, issue):
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    doc_id, _ = issue(acme, lines=[line("100", tax_code="Standard 20%"),
                                   line("10", tax_rate=D("5.5")), line("1", tax_rate=D(20))])
    doc, _ = load_document(book, doc_id)
    codes = {c.id: c.name for c in list_tax_codes(book)}
    assert [(codes[ln.tax_code_id], ln.tax_rate) for ln in doc.lines] == [
        ("Standard 20%", D(20)), ("Tax 5.5%", D("5.5")), ("Standard 20%", D(20))]
    assert ("SALES", "Tax 5.5%", D("5.5"), "2200") in codes_of(book)  # made for the rate
    assert ("PURCHASES", "Tax 5.5%", D("5.5"), "2200") not in codes_of(book)


def test_a_document_without_tax_puts_its_lines_on_the_zero_code(book, add_contact, issue):
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    doc_id, _ = issue(acme, lines=[line("100", tax_code="Standard 20%")],
                      tax_mode=TaxMode.NO_TAX)
    doc, _ = load_document(book, doc_id)
    codes = {c.id: c.name for c in list_tax_codes(book)}
    assert [(codes[ln.tax_code_id], ln.tax_rate) for ln in doc.lines] == [("No tax 0%", D(0))]


def test_a_lines_code_problems_are_named_with_the_documents_others(book, add_contact, draft,
                                                                   state):
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    purchases = next(c.id for c in list_tax_codes(book, Side.PURCHASES))
    before = state()
    with pytest.raises(ValidationFailed) as refused:
        draft(acme, lines=[line("1", tax_code="Luxury"), line("1", tax_code_id=purchases),
                           line("1", tax_code="Standard 20%", tax_rate=D(5)),
                           {**line("1", tax_code="Reduced 5%"), "account_code": "9999"}])
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("lines[0].tax_code", "There is no sales tax code “Luxury” (the sales codes: No tax "
                              "0%, Reduced 5%, Standard 20%)."),
        ("lines[1].tax_code", "No tax 0% is a purchases tax code; this document takes a "
                              "sales one."),
        ("lines[2].tax_rate", "Standard 20% is 20%, not 5%: give the code or the rate, or "
                              "both agreeing."),
        ("lines[3].account_code", "There is no account '9999'."),
    ]
    assert state() == before


def test_new_documents_follow_the_books_rounding_and_posted_ones_keep_theirs(
        book, add_contact, issue, draft):
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    save_tax_code(book, "Books 5.5%", D("5.5"), Side.SALES)
    twenty = [line("0.09", tax_code="Books 5.5%") for _ in range(20)]
    posted, _ = issue(acme, lines=twenty)
    waiting = draft(acme, lines=twenty)
    assert set_tax_rounding(book, TaxRounding.PER_DOCUMENT)
    assert not set_tax_rounding(book, TaxRounding.PER_DOCUMENT)
    later, _ = issue(acme, lines=twenty, issue_date=dt.date(2024, 1, 20))
    authorise_document(book, waiting)  # a draft is priced as the book rounds now
    totals = {i: load_document(book, i)[0].totals().total.amount
              for i in (posted, waiting, later)}
    assert totals == {posted: D("1.80"), waiting: D("1.90"), later: D("1.90")}
    assert load_document(book, posted)[0].tax_rounding is TaxRounding.PER_LINE


def test_a_bill_takes_purchase_codes(book, add_contact, issue):
    paper = add_contact("Paper", ContactRole.SUPPLIER)
    doc_id, _ = issue(paper, kind=DocumentKind.BILL,
                      lines=[{**line("100", tax_code="Standard 20%"), "account_code": "6000"}])
    doc, _ = load_document(book, doc_id)
    [code] = [c for c in list_tax_codes(book) if c.id == doc.lines[0].tax_code_id]
    assert code.side is Side.PURCHASES
