"""The print model of an invoice or credit note, without Qt: what each block says, in the
book's locale, with tax per rate, paid and due, and every user text escaped in the HTML."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.presentation.print_html import print_html
from ledgerdesk.presentation.print_model import PageSize, document_print, page_size_for
from ledgerdesk.presentation.settings import known_locales
from ledgerdesk.services.printing import printable_document
from ledgerdesk.services.settings import read_settings, update_settings

LINES = [
    {"description": "Consulting, per hour", "quantity": Decimal("7.5"),
     "unit_price": Decimal("95"), "account_code": "4000", "tax_rate": Decimal(20)},
    {"description": "Printed manual", "quantity": Decimal(3), "unit_price": Decimal("32"),
     "account_code": "4000", "tax_rate": Decimal(5), "discount_percent": Decimal(10)},
]


@pytest.fixture
def invoice(book, add_contact, issue, pay):
    """An invoice of 712.50 + 86.40 net, 142.50 + 4.32 tax, 945.72 total; 300.00 paid."""
    update_settings(book, dataclasses.replace(
        read_settings(book), address="1 Canal Wharf\nManchester", tax_number="GB 123"),
        known_locales())
    customer = add_contact("Harbour <b>Lights</b> & Co", ContactRole.CUSTOMER,
                           address="3 Quay Street\n\nFalmouth TR11 3HH", tax_number="GB 999",
                           payment_terms_days=14)
    document_id, number = issue(customer, lines=LINES, issue_date=dt.date(2024, 3, 1),
                                due_date=dt.date(2024, 3, 15))
    pay(customer, "300", (document_id, "300"))
    return number


def test_an_invoice_says_who_what_when_and_how_much_in_the_locale(book, invoice):
    model = document_print(printable_document(book, number=invoice), "de_DE")
    assert (model.title, model.stamp, model.company) == ("Invoice", "", "Test Co")
    assert model.company_lines == ("1 Canal Wharf", "Manchester", "Tax number: GB 123")
    assert model.recipient == "Harbour <b>Lights</b> & Co"
    assert model.recipient_lines == ("3 Quay Street", "Falmouth TR11 3HH", "Tax number: GB 999")
    assert model.facts == (("Invoice number", invoice), ("Date", "01.03.2024"),
                           ("Due date", "15.03.2024"))
    assert [c.title for c in model.columns] == [
        "Description", "Qty", "Unit price", "Discount", "Tax", "Amount"]
    assert sum(c.width for c in model.columns) == 100
    assert model.rows == (("Consulting, per hour", "7,5", "95,00", "", "20 %", "712,50"),
                          ("Printed manual", "3", "32,00", "10 %", "5 %", "86,40"))
    assert [(t.label, t.amount) for t in model.totals] == [
        ("Subtotal", "798,90"), ("Tax 5 %", "4,32"), ("Tax 20 %", "142,50"),
        ("Total", "945,72"), ("Paid", "300,00"), ("Amount due", "645,72")]
    assert model.notes == (f"Payment terms: 14 days. Please pay by 15.03.2024, quoting "
                           f"{invoice}.",)
    assert model.page_size is PageSize.A4


def test_paper_follows_the_locale():
    assert page_size_for("en_US") is PageSize.LETTER
    assert page_size_for("en_CA") is PageSize.LETTER
    assert page_size_for("en_GB") is PageSize.A4
    assert page_size_for("ja_JP") is PageSize.A4


def test_a_paid_invoice_is_stamped_and_a_credit_note_shows_what_is_left(book, customer, issue,
                                                                          pay):
    document_id, number = issue(customer, "100")
    pay(customer, "100", (document_id, "100"))
    paid = document_print(printable_document(book, number=number), "en_US")
    assert paid.stamp == "PAID" and paid.notes == ("Paid in full. Thank you.",)
    _, note = issue(customer, "40", kind=DocumentKind.SALES_CREDIT_NOTE)
    model = document_print(printable_document(book, number=note), "en_US")
    assert (model.title, model.recipient_label) == ("Credit note", "Credit to")
    assert ("Due date" not in dict(model.facts))
    assert [(t.label, t.amount) for t in model.totals][-2:] == [
        ("Applied or refunded", "0.00"), ("Credit remaining", "40.00")]


def test_a_draft_prints_stamped_by_id_and_bills_do_not_print(book, customer, supplier, draft,
                                                              issue):
    model = document_print(printable_document(book, document_id=draft(customer, "10")), "en_US")
    assert model.stamp == "DRAFT" and dict(model.facts)["Invoice number"] == "Draft"
    assert [t.label for t in model.totals] == ["Subtotal", "Tax 0 %", "Total"]
    _, bill = issue(supplier, "10", kind=DocumentKind.BILL)
    with pytest.raises(NotAllowed, match="only sales invoices and credit notes"):
        printable_document(book, number=bill)
    with pytest.raises(NotFound, match="no document numbered 'INV-99999'"):
        printable_document(book, number="INV-99999")


def test_every_user_text_is_escaped_in_the_html(book, invoice):
    model = document_print(printable_document(book, number=invoice), "en_GB")
    html = print_html(model)
    assert "Harbour &lt;b&gt;Lights&lt;/b&gt; &amp; Co" in html
    assert "<b>Lights" not in html
    assert "Falmouth TR11 3HH" in html and "Consulting, per hour" in html
    assert "<img" not in html  # no logo in this book
