"""``list invoice-lines`` / ``bill-lines`` read back by the importer without loss."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.documents import DocumentKind, Lifecycle, TaxMode
from ledgerdesk.reports.csv_format import write_csv
from ledgerdesk.reports.line_exports import DOCUMENT_LINE_COLUMNS
from ledgerdesk.services.demo import generate_demo
from ledgerdesk.services.line_exports import document_lines
from ledgerdesk.services.queries import check_book

TODAY = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    book = create_book(tmp_path_factory.mktemp("lines") / "demo.book")
    initialise_book(book, "Demo Co", "EUR")
    # Without the opening balances: an import numbers its documents in the book's own
    # series, which the opening ones (OB-1001) are not in.
    generate_demo(book, today=TODAY, with_journals=False)
    yield book
    book.close()


def exported(book, name, path):
    with open(path, "w", encoding="utf-8", newline="") as out:
        write_csv(DOCUMENT_LINE_COLUMNS, document_lines(book, name), out)
    return path


def documents(book, kind):
    """Every document of ``kind`` in the lists' order, whole, with its contact's name."""
    summaries = list(book.queries().list_documents([kind]))
    with book.read() as tx:
        return [(s.contact_name, tx.get_document(s.id)) for s in summaries]


@pytest.mark.parametrize(("name", "kind", "import_kind"), [
    ("invoice-lines", DocumentKind.SALES_INVOICE, "invoices"),
    ("bill-lines", DocumentKind.BILL, "bills"),
])
def test_every_line_tax_mode_status_and_date_comes_back(
    demo, book, run_import, tmp_path, name, kind, import_kind
):
    before = documents(demo, kind)
    modes = {doc.tax_mode for _, doc in before}
    lifecycles = {doc.lifecycle for _, doc in before}
    assert set(Lifecycle) <= lifecycles and len(modes) >= 2, "the demo lost its variety"
    assert any(len(doc.lines) > 1 for _, doc in before if doc.lifecycle is Lifecycle.DRAFT)

    preview = run_import(exported(demo, name, tmp_path / "lines.csv"), import_kind,
                         create_contacts=True)
    assert preview.ok and preview.committed, preview.problems[:3]

    after = documents(book, kind)
    assert len(after) == len(before)
    for (contact, old), (again, new) in zip(before, after, strict=True):
        assert new.lines == old.lines, old.number
        assert (again, new.tax_mode, new.issue_date, new.due_date, new.lifecycle, new.number) \
            == (contact, old.tax_mode, old.issue_date, old.due_date, old.lifecycle, old.number)
        assert new.totals() == old.totals()
        assert (new.currency, new.exchange_rate) == (old.currency, old.exchange_rate)
        assert new.reference == (old.reference or old.number or "")
    assert check_book(book).ok


def test_a_tax_mode_the_importer_cannot_read_is_named_and_nothing_is_written(
    book, csv_file, run_import
):
    header = ["number", "contact", "issue_date", "unit_price", "tax_rate", "tax_mode"]
    path = csv_file([header, ["A-1", "Acme", "2024-03-01", "100", "20", "inclusive"],
                     ["A-2", "Acme", "2024-03-01", "100", "20", "gross"]])
    preview = run_import(path, "invoices", create_contacts=True)
    assert [(p.row, p.column) for p in preview.problems] == [(3, "tax_mode")]
    assert "write exclusive, inclusive or no tax" in preview.problems[0].reason
    assert not preview.committed and list(book.queries().list_documents(
        [DocumentKind.SALES_INVOICE])) == []


def test_two_drafts_stay_two_and_keep_no_number(book, csv_file, run_import):
    header = ["number", "contact", "issue_date", "status", "tax_mode", "unit_price"]
    path = csv_file([header, ["(draft 4)", "Acme", "2024-03-01", "draft", "no tax", "10"],
                     ["(draft 9)", "Acme", "2024-03-01", "draft", "no_tax", "20"],
                     ["(draft 4)", "Acme", "2024-03-01", "draft", "no tax", "5"]])
    preview = run_import(path, "invoices", create_contacts=True)
    assert preview.committed, preview.problems
    drafts = documents(book, DocumentKind.SALES_INVOICE)
    assert [[ln.unit_price for ln in doc.lines] for _, doc in drafts] == [[10, 5], [20]]
    assert {(doc.number, doc.reference, doc.tax_mode, doc.lifecycle) for _, doc in drafts} == {
        (None, "", TaxMode.NO_TAX, Lifecycle.DRAFT)}


def test_foreign_documents_come_back_in_their_currency_at_their_rate(
    tmp_path, run_import, book, contact_in
):
    from decimal import Decimal

    from ledgerdesk.services.commands import DocumentDraft, LineInput
    from ledgerdesk.services.documents import create_document
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    source = create_book(tmp_path / "source.book")
    try:
        initialise_book(source, "Source Co", "EUR")
        customer = contact_in(source, "Globex Inc")
        for price, currency, rate in (("1000.00", "USD", "0.913457"),
                                      ("120000", "JPY", "0.0062")):
            create_document(source, DocumentDraft(
                kind=DocumentKind.SALES_INVOICE, contact_id=customer, issue_date=TODAY,
                currency=currency, exchange_rate=Decimal(rate),
                lines=[LineInput(description="Work", unit_price=Decimal(price),
                                 account_code="4100")]))
        before = documents(source, DocumentKind.SALES_INVOICE)
        path = exported(source, "invoice-lines", tmp_path / "lines.csv")
    finally:
        source.close()
    preview = run_import(path, "invoices", create_contacts=True)
    assert preview.ok and preview.committed, preview.problems[:3]
    after = documents(book, DocumentKind.SALES_INVOICE)
    assert [(d.currency, d.exchange_rate, d.totals().total) for _, d in after] == [
        (d.currency, d.exchange_rate, d.totals().total) for _, d in before]
    assert check_book(book).ok
