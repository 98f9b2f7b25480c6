"""``ledgerdesk print``: real PDFs (read back with pypdf) of an invoice, a long invoice that
flows onto more pages, a hostile customer name, a statement, and plain refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.commands import DocumentDraft, LineInput, NewContact
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.services.documents import create_document
from ledgerdesk.storage import open_book


def text_of(path: Path) -> tuple[int, str]:
    assert path.read_bytes().startswith(b"%PDF")
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), text.replace("\t", " ")  # Qt places words one by one


def issue_invoice(path: Path, customer: str, lines: int, **contact) -> str:
    book = open_book(path)
    try:
        contact_id = add_contact(book, NewContact(name=customer, role=ContactRole.CUSTOMER,
                                                  **contact))
        draft = DocumentDraft(
            kind=DocumentKind.SALES_INVOICE, contact_id=contact_id, issue_date=dt.date.today(),
            reference="PO <script>alert(1)</script>",
            lines=[LineInput(description=f"Item number {n}", quantity=Decimal(2),
                             unit_price=Decimal("12.50"), account_code="4000",
                             tax_rate=Decimal(20)) for n in range(1, lines + 1)])
        return create_document(book, draft)[1]
    finally:
        book.close()


def test_an_invoice_prints_with_its_number_customer_and_total(run, demo_book, tmp_path):
    pdf = tmp_path / "invoice.pdf"
    status, out, err = run("print", "INV-00012", demo_book, "-o", pdf)
    assert (status, err) == (0, "")
    assert out == f"{pdf}: Invoice INV-00012, 1 page.\n"
    pages, text = text_of(pdf)
    assert pages == 1
    for expected in ("Invoice", "INV-00012", "Quayside Dental Practice", "Newcastle upon Tyne",
                     "Northwind Design Studio", "Total", "350.40", "Amount due", "Page 1 of 1"):
        assert expected in text


def test_a_hundred_lines_flow_onto_more_pages_and_hostile_text_prints_as_typed(
        run, book_copy, tmp_path):
    number = issue_invoice(book_copy, "<b>Evil</b> &amp; Sons", 100,
                           address="<i>1 Road</i>\nTown")
    pdf = tmp_path / "long.pdf"
    status, out, _ = run("print", number, book_copy, "-o", pdf)
    pages, text = text_of(pdf)
    assert status == 0 and pages > 1 and out.endswith(f"{pages} pages.\n")
    assert "<b>Evil</b> &amp; Sons" in text and "<i>1 Road</i>" in text
    assert "PO <script>alert(1)</script>" in text
    assert "Item number 1\n" in text + "\n" and "Item number 100" in text
    assert text.count("Unit price") == pages  # the table's header on every page
    assert "3,000.00" in text  # 100 × 2 × 12.50 + 20 % tax
    assert f"Page {pages} of {pages}" in text


def test_a_statement_prints_the_period_with_its_balances(run, demo_book, tmp_path):
    pdf = tmp_path / "statement.pdf"
    status, out, err = run("print", "--statement", "quayside dental practice", demo_book,
                           "-o", pdf, "--from", "2020-01-01", "--to", "2030-12-31")
    assert (status, err) == (0, "")
    pages, text = text_of(pdf)
    assert out == f"{pdf}: Statement for Quayside Dental Practice, {pages} page" \
                  f"{'s' if pages > 1 else ''}.\n"
    assert "Opening balance" in text and "INV-00012" in text and "Customer receipt" in text


def test_a_supplier_statement_prints_what_we_owe_them(run, demo_book, tmp_path):
    pdf = tmp_path / "supplier.pdf"
    status, out, err = run("print", "--statement", "Northwind Office Supplies", demo_book,
                           "-o", pdf, "--from", "2020-01-01", "--to", "2030-12-31")
    assert (status, err) == (0, "")
    _, text = text_of(pdf)
    assert out.startswith(f"{pdf}: Statement for Northwind Office Supplies")
    # the title on one line or two, as the page's width allows
    assert "Supplier statement" in " ".join(text.split()) and "BILL-" in text \
        and "We owe you" in text


@pytest.mark.parametrize(("args", "message"), [
    (("print", "{book}", "-o", "{out}"), "Give either a document number"),
    (("print", "INV-99999", "{book}", "-o", "{out}"), "no document numbered 'INV-99999'"),
    (("print", "BILL-00001", "{book}", "-o", "{out}"), "only sales invoices and credit notes"),
    (("print", "INV-00012", "{book}", "-o", "{missing}"), "is not a folder"),
    (("print", "INV-00012", "{book}", "-o", "{out}", "--from", "2025-01-01"),
     "--from, --to and --supplier go with --statement"),
    (("print", "INV-00012", "{book}", "-o", "{out}", "--supplier"),
     "--from, --to and --supplier go with --statement"),
])
def test_refusals_are_one_line_and_write_nothing(run, demo_book, tmp_path, args, message):
    out = tmp_path / "x.pdf"
    values = {"book": demo_book, "out": out, "missing": tmp_path / "nowhere" / "x.pdf"}
    status, _, err = run(*(a.format(**values) for a in args))
    assert status == 1 and message in err and err.count("\n") == 1
    assert not out.exists()
