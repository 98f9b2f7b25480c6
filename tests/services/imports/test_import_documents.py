"""Invoices and bills from CSV: lines grouped by number, contacts by name, our export back in."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from ledgerdesk.cli.lists import document_columns
from ledgerdesk.cli.output import write_csv
from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.services.documents import void_document
from ledgerdesk.services.queries import list_documents

LINES = ["Invoice", "Customer", "Date", "Due", "Description", "Qty", "Price", "Account", "Tax"]


def documents(book, kind=DocumentKind.SALES_INVOICE):
    return list(book.queries().list_documents([kind]))


def test_lines_with_the_same_number_make_one_document(book, csv_file, run_import, add_contact):
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    path = csv_file([LINES,
                     ["A-1", "Acme Retail", "2024-03-01", "2024-03-31", "Desk", "2", "150.00",
                      "4000", "20"],
                     ["A-2", "acme retail", "2024-03-02", "", "Chair", "1", "80", "", ""],
                     ["a-1", "", "", "", "Lamp", "3", "12.50", "4100", "0"]])
    preview = run_import(path, "invoices")
    assert preview.ok and preview.committed
    first, second = documents(book)
    assert (first.number, first.reference, first.total.amount) == (
        "INV-00001", "A-1", Decimal("397.50"))  # 2 x 150 + 20 % tax, + 3 x 12.50
    assert first.due_date == dt.date(2024, 3, 31)
    assert second.total.amount == Decimal("80.00") and second.lifecycle is Lifecycle.AUTHORISED
    assert second.due_date == dt.date(2024, 4, 1)  # the contact's 30 days
    assert [c.row for c in preview.created] == [2, 3]


def test_a_missing_contact_is_a_problem_unless_creating_them_was_chosen(
    book, contact_names, csv_file, run_import
):
    path = csv_file([LINES, ["B-7", "Paper Co", "2024-03-01", "", "Paper", "1", "9.99", "", ""]])
    preview = run_import(path, "bills")
    assert [(p.row, p.column) for p in preview.problems] == [(2, "Customer")]
    assert "no contact named 'Paper Co'" in preview.problems[0].reason
    assert contact_names() == []
    preview = run_import(path, "bills", create_contacts=True)
    assert preview.committed
    with book.read() as tx:
        assert tx.find_contact("Paper Co").role is ContactRole.SUPPLIER
    assert documents(book, DocumentKind.BILL)[0].total.amount == Decimal("9.99")


@pytest.mark.parametrize(("column", "cell", "says"), [
    ("Price", "1.234,56", "decimal comma"),
    ("Price", "12,5", "decimal comma"),
    ("Qty", "two", "is not a number"),
    ("Date", "31/01/2024", "DD/MM/YYYY"),
    ("Date", "01/31/2024", "MM/DD/YYYY"),
    ("Date", "2024-02-30", "not a real date"),
    ("Account", "9999", "9999"),
    ("Customer", "Nobody Ltd", "no contact named"),
])
def test_a_bad_cell_names_its_row_and_column(
    book, csv_file, run_import, add_contact, column, cell, says
):
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    good = ["X-1", "Acme Retail", "2024-03-01", "", "Desk", "1", "10.00", "4000", "0"]
    bad = list(good)
    bad[0], bad[LINES.index(column)] = "X-2", cell
    preview = run_import(csv_file([LINES, good, good, bad, good]), "invoices")
    assert [(p.row, p.column) for p in preview.problems] == [(4, column)]
    assert says in preview.problems[0].reason
    assert documents(book) == []


def test_a_later_line_that_disagrees_with_its_documents_header_is_refused(
    csv_file, run_import, add_contact
):
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    add_contact("Other Ltd", ContactRole.CUSTOMER)
    path = csv_file([LINES, ["X-1", "Acme Retail", "2024-03-01", "", "a", "1", "1", "", ""],
                     ["X-1", "Other Ltd", "2024-03-01", "", "b", "1", "1", "", ""]])
    problems = run_import(path, "invoices").problems
    assert [(p.row, p.column) for p in problems] == [(3, "Customer")]
    assert "row 2 of document X-1 says 'Acme Retail'" in problems[0].reason


def test_dry_run_shows_the_numbers_it_would_take_and_writes_nothing(
    book, csv_file, run_import, add_contact
):
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    path = csv_file([LINES, ["X-1", "Acme Retail", "2024-03-01", "", "a", "1", "5", "", ""]])
    preview = run_import(path, "invoices", dry_run=True)
    assert [c.what for c in preview.created] == ["invoice INV-00001 for Acme Retail, 5.00"]
    assert documents(book) == []


def test_an_issued_invoice_that_fell_due_before_its_date_comes_in_overdue(
    book, csv_file, run_import, add_contact
):
    """A document brought over as it stands (such as one open on another book's opening
    day, dated then) may have fallen due before its date: the opening balances take it, so
    the invoice import does too, and the aging shows it overdue."""
    from ledgerdesk.domain.documents import Side
    from ledgerdesk.services.reports import aging_documents

    add_contact("Acme Retail", ContactRole.CUSTOMER)
    path = csv_file([LINES, ["A-1043", "Acme Retail", "2024-12-31", "2024-11-30", "Opening",
                             "1", "1200.00", "3100", ""]])
    preview = run_import(path, "invoices")
    assert preview.ok and preview.committed, preview.problems
    (invoice,) = documents(book)
    assert (invoice.issue_date, invoice.due_date) == (dt.date(2024, 12, 31),
                                                      dt.date(2024, 11, 30))
    (row,) = aging_documents(book, Side.SALES, dt.date(2024, 12, 31))
    assert (row.days_overdue, row.outstanding.amount) == (31, Decimal("1200.00"))


def test_an_issued_invoice_due_before_its_date_is_refused_only_for_what_is_wrong(
    book, csv_file, run_import, add_contact
):
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    header = [*LINES, "Tax code"]
    path = csv_file([header, ["A-1043", "Acme Retail", "2024-12-31", "2024-11-30", "Desk",
                              "1", "10.00", "4000", "", "No such code"]])
    preview = run_import(path, "invoices")
    assert [(p.row, p.column) for p in preview.problems] == [(2, "Tax code")]


def test_a_draft_falling_due_before_its_date_is_refused_as_the_editor_refuses_it(
    book, csv_file, run_import, add_contact
):
    """A draft is finished and authorised here, by the editor's rules."""
    add_contact("Acme Retail", ContactRole.CUSTOMER)
    header = [*LINES, "Status"]
    path = csv_file([header, ["D-1", "Acme Retail", "2024-12-31", "2024-11-30", "Desk", "1",
                              "10.00", "4000", "", "draft"]])
    preview = run_import(path, "invoices")
    assert [(p.row, p.column, p.reason) for p in preview.problems] == [
        (2, "Due", "The due date is before the date.")]
    assert documents(book) == []


@pytest.mark.parametrize(("name", "kind", "role"), [
    ("invoices", DocumentKind.SALES_INVOICE, ContactRole.CUSTOMER),
    ("bills", DocumentKind.BILL, ContactRole.SUPPLIER),
])
def test_our_list_export_reimports_without_loss(
    book, tmp_path, run_import, add_contact, draft, issue, name, kind, role
):
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    acme = add_contact("Acme & Co, \"Ltd\"", role)
    other = add_contact("=cmd|' /C calc'!A0", role)
    issue(acme, "120.50", kind, tax_rate="20")
    draft(other, "10", kind)
    voided, _ = issue(other, "99.99", kind)
    issue(acme, "0.01", kind, due_date=dt.date(2024, 12, 31))
    void_document(book, voided, dt.date(2024, 2, 1))
    exported = export(book, name)

    target = create_book(tmp_path / "target.book")
    try:
        initialise_book(target, "Target", "EUR")
        from ledgerdesk.services.imports import ImportKind, ImportOptions, import_file

        path = tmp_path / f"{name}.csv"
        path.write_text(exported, encoding="utf-8")
        preview = import_file(target, path, ImportKind(name), None,
                              ImportOptions(create_contacts=True))
        assert preview.ok and preview.committed
        assert export(target, name) == exported
    finally:
        target.close()


def export(book, name: str) -> str:
    """What ``ledgerdesk list NAME --csv`` writes, with the formula guard our exporter adds."""
    out = io.StringIO()
    write_csv(document_columns(dt.date(2024, 1, 20)), list_documents(book, name), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    guarded = io.StringIO()
    csv.writer(guarded, lineterminator="\n").writerows(
        [[("'" + c) if c[:1] in "=+@" else c for c in row] for row in rows])
    return guarded.getvalue()

