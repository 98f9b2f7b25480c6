"""Imported invoice and bill lines name their tax code (a ``tax_code`` column), or give a bare
``tax_rate`` (its side's code at that rate, made when missing), or both (a code the book
lacks is made with that rate; one it has must agree).  Our line export carries both, so a
document's codes come back in another book."""

from __future__ import annotations

from decimal import Decimal

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.services.tax_codes import list_tax_codes

HEAD = ["Invoice", "Customer", "Date", "Description", "Price", "Tax code", "Tax rate"]
D = Decimal


def lines_of(book, kind=DocumentKind.SALES_INVOICE) -> list[list[tuple[str, str, Decimal]]]:
    codes = {c.id: c for c in list_tax_codes(book)}
    found = []
    for summary in book.queries().list_documents([kind]):
        with book.read() as tx:
            doc = tx.get_document(summary.id)
        found.append([(codes[ln.tax_code_id].side.value, codes[ln.tax_code_id].name,
                       ln.tax_rate) for ln in doc.lines])
    return found


def test_lines_name_their_codes_or_give_a_rate(book, csv_file, run_import, add_contact):
    add_contact("Acme", ContactRole.CUSTOMER)
    path = csv_file([HEAD,
                     ["A-1", "Acme", "2024-03-01", "Desk", "100", "Standard 20%", ""],
                     ["A-1", "", "", "Book", "10", "", "5.5"],
                     ["A-1", "", "", "Gift", "10", "reduced 5%", "5"],
                     ["A-2", "Acme", "2024-03-02", "Tour", "50", "Tourism 7%", "7"]])
    preview = run_import(path, "invoices")
    assert preview.ok and preview.committed, preview.problems
    assert lines_of(book) == [
        [("SALES", "Standard 20%", D(20)), ("SALES", "Tax 5.5%", D("5.5")),
         ("SALES", "Reduced 5%", D(5))],
        [("SALES", "Tourism 7%", D(7))],
    ]
    created = {(c.side, c.name, c.rate) for c in list_tax_codes(book)}
    assert {(Side.SALES, "Tax 5.5%", D("5.5")), (Side.SALES, "Tourism 7%", D(7))} <= created


def test_a_bill_rate_takes_the_purchase_code(book, csv_file, run_import, add_contact):
    add_contact("Paper", ContactRole.SUPPLIER)
    path = csv_file([["Bill", "Supplier", "Date", "Description", "Price", "Tax rate"],
                     ["B-1", "Paper", "2024-03-01", "Paper", "10", "20"]])
    assert run_import(path, "bills").committed
    assert lines_of(book, DocumentKind.BILL) == [[("PURCHASES", "Standard 20%", D(20))]]


def test_an_unknown_code_without_a_rate_and_a_disagreeing_rate_are_named(
        book, csv_file, run_import, add_contact):
    add_contact("Acme", ContactRole.CUSTOMER)
    path = csv_file([HEAD,
                     ["A-1", "Acme", "2024-03-01", "Desk", "100", "Luxury", ""],
                     ["A-2", "Acme", "2024-03-01", "Desk", "100", "Standard 20%", "19"]])
    preview = run_import(path, "invoices")
    assert not preview.committed
    assert [(p.row, p.column, p.reason) for p in preview.problems] == [
        (2, "Tax code", "There is no sales tax code “Luxury” (the sales codes: No tax 0%, "
                        "Reduced 5%, Standard 20%)."),
        (3, "Tax rate", "Standard 20% is 20%, not 19%: give the code or the rate, or both "
                     "agreeing."),
    ]
    assert lines_of(book) == [] and len(list_tax_codes(book)) == 6


def test_the_line_export_carries_each_lines_code(book, run, tmp_path, add_contact, issue):
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    issue(acme, lines=[{"description": "Book", "unit_price": D(10), "account_code": "4000",
                        "tax_rate": D("5.5")}])
    status, out, _ = run("list", "invoice-lines", book.path, "--csv", "-")
    assert status == 0
    header, row = out.splitlines()[:2]
    assert header.endswith(",tax_rate,tax_code,currency,exchange_rate")
    assert row.endswith(",5.5,Tax 5.5%,EUR,1")
