"""Batched imports post exactly what the one-at-a-time use cases post, and keep the series."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.commands import DocumentDraft, LineInput
from ledgerdesk.services.documents import create_document_in, void_document_in
from ledgerdesk.services.imports import ImportKind, ImportOptions, import_file
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.setup import initialise_book
from ledgerdesk.storage.book import create_book

HEADER = ["Number", "Customer", "Date", "Description", "Qty", "Price", "Tax", "Status"]
NAMES = ("Acme Retail", "Bay Cafe", "Cole & Sons")
_line = st.tuples(
    st.sampled_from(NAMES),
    st.integers(1, 5),  # quantity
    st.decimals(Decimal("0.01"), Decimal("999.99"), places=2),
    st.sampled_from(["0", "7", "20"]),  # tax rate
    st.sampled_from(["", "", "", "draft", "void"]),
)


def _book(folder: Path, name: str, contact_in):
    book = create_book(folder / name)
    initialise_book(book, "Test Co", "EUR")
    for contact in NAMES:
        contact_in(book, contact, ContactRole.CUSTOMER)
    return book


# The fixtures hand out plain functions (no state), so sharing them between examples is safe.
@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_line, min_size=1, max_size=12))
def test_an_imported_file_leaves_the_book_as_the_editor_would(
    contact_in, snapshot_of, csv_file, lines
):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        imported = _book(folder, "imported.book", contact_in)
        typed = _book(folder, "typed.book", contact_in)
        try:
            rows = [[f"D{i}", name, "2024-03-01", "item", str(qty), f"{price:f}", tax, status]
                    for i, (name, qty, price, tax, status) in enumerate(lines)]
            path = csv_file([HEADER, *rows])  # rewritten for each example
            preview = import_file(imported, path, ImportKind.INVOICES, None, ImportOptions())
            assert preview.committed, preview.problems
            with typed.write() as tx:
                for name, qty, price, tax, status in lines:
                    _create(tx, name, qty, price, tax, status)
            assert snapshot_of(imported) == snapshot_of(typed)
            assert check_book(imported).invariants == []
        finally:
            imported.close()
            typed.close()


def _create(tx, name, qty, price, tax, status):
    draft = DocumentDraft(
        kind=DocumentKind.SALES_INVOICE, contact_id=tx.find_contact(name).id,
        issue_date=dt.date(2024, 3, 1), reference="", lines=[LineInput(
            description="item", quantity=Decimal(qty), unit_price=price, account_code="4000",
            tax_rate=Decimal(tax))],
    )
    document_id, _ = create_document_in(tx, draft, authorise=status != "draft")
    if status == "void":
        void_document_in(tx, document_id, dt.date(2024, 3, 1))


def test_numbers_carry_on_the_series_and_a_refused_file_takes_none(
    book, csv_file, run_import, issue, customer
):
    issue(customer, "10")  # INV-00001
    bad = csv_file([HEADER, ["A", "Acme Retail", "2024-03-01", "x", "1", "5", "0", ""],
                    ["B", "Nobody Ltd", "2024-03-01", "x", "1", "5", "0", ""]], name="bad.csv")
    assert not run_import(bad, "invoices").committed
    good = csv_file([HEADER, ["A", "Acme Retail", "2024-03-01", "x", "1", "5", "0", ""],
                     ["B", "Acme Retail", "2024-03-02", "x", "1", "6", "0", "void"]])
    assert run_import(good, "invoices").committed
    numbers = [d.number for d in book.queries().list_documents([DocumentKind.SALES_INVOICE])]
    assert sorted(numbers) == ["INV-00001", "INV-00002", "INV-00003"]
    assert issue(customer, "1")[1] == "INV-00004"


def test_a_statement_line_larger_than_its_documents_keeps_the_rest_as_numbered_credit(
    book, csv_file, run_import, issue, customer
):
    issue(customer, "100")  # INV-00001
    path = csv_file([["Date", "Amount", "Reference", "Documents"],
                     ["2024-02-01", "130.00", "thanks", "INV-00001"]])
    preview = run_import(path, "bank", keep_excess=frozenset({2}))  # the user chose to
    assert preview.committed, preview.problems
    assert preview.created[0].what.endswith("30.00 kept as credit")
    credits = list(book.queries().list_documents([DocumentKind.CUSTOMER_PREPAYMENT]))
    assert [(c.number, c.outstanding.amount) for c in credits] == [("CC-00001", Decimal("30"))]
    assert check_book(book).invariants == []
