"""The invoice form's Amount column says what the printed invoice says, line by line: the net
amount when prices exclude tax (the tax is added under the lines), the gross amount when
prices include it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind, Side, TaxMode
from ledgerdesk.presentation.document_editor import DocumentEditor
from ledgerdesk.presentation.print_model import document_print
from ledgerdesk.services.printing import printable_document
from ledgerdesk.services.tax_codes import list_tax_codes, save_tax_code

# description, quantity, unit price, discount %, tax % (the sales code at that rate)
TYPED = [("Consulting, per hour", "7,5", "95", "", "20"),
         ("Printed manual", "3", "32,10", "10", "5"),
         ("Travel", "1", "86,40", "", "0"),
         ("Licence", "2", "199,99", "12,5", "19")]


def typed_invoice(session, customer, mode: TaxMode) -> DocumentEditor:
    save_tax_code(session.book, "Tax 19%", Decimal(19), Side.SALES)
    codes = {c.rate: str(c.id) for c in list_tax_codes(session.book, Side.SALES)}
    editor = DocumentEditor(session, DocumentKind.SALES_INVOICE)
    editor.set_contact(customer, "Acme Retail")
    editor.set_tax_mode(mode)
    for row, (*texts, rate) in enumerate(TYPED):
        if row >= len(editor.lines):
            editor.add_line()
        for name, text in zip(("description", "quantity", "unit_price", "discount_percent",
                               "tax_code"), (*texts, codes[Decimal(rate)]), strict=True):
            editor.set_line_text(row, name, text)
    return editor


@pytest.mark.parametrize("mode", [TaxMode.EXCLUSIVE, TaxMode.INCLUSIVE, TaxMode.NO_TAX])
def test_the_form_and_the_printed_invoice_show_the_same_line_amounts(session, customer, mode):
    editor = typed_invoice(session, customer, mode)
    assert editor.save() is not None
    shown = [editor.line_total(row) for row in range(len(TYPED))]
    printed = document_print(printable_document(session.book,
                                                document_id=editor.document_id), "de_DE")
    assert shown == [row[-1] for row in printed.rows]


def test_prices_excluding_tax_show_each_lines_net_amount(session, customer):
    editor = typed_invoice(session, customer, TaxMode.EXCLUSIVE)
    # 7.5 × 95; 3 × 32.10 less 10 %; 86.40; 2 × 199.99 less 12.5 % (the tax comes below)
    assert [editor.line_total(row) for row in range(4)] == [
        "712,50", "86,67", "86,40", "349,98"]
    net, tax, total = editor.totals()
    assert (net, tax, total) == ("1.235,55", "213,33", "1.448,88")


def test_prices_including_tax_show_each_lines_amount_with_its_tax(session, customer):
    editor = typed_invoice(session, customer, TaxMode.INCLUSIVE)
    assert [editor.line_total(row) for row in range(4)] == [
        "712,50", "86,67", "86,40", "349,98"]
    assert editor.totals()[2] == "1.235,55"
