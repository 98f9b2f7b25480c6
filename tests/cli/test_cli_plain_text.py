"""Bidi overrides and control characters in names: refused at every input of the command
line, and shown inert when an older book already holds them (tables, messages, the PDF)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.services.commands import DocumentDraft, LineInput
from ledgerdesk.services.documents import create_document
from ledgerdesk.storage import open_book

SPOOF = "Evil \u202eCod.exe Ltd"
REVERSED = "exe.doC"  # what the override makes a reader see
SHOWN = "Evil <U+202E>Cod.exe Ltd"
OVERRIDE = "U+202E RIGHT-TO-LEFT OVERRIDE"


def test_a_contact_named_with_an_override_is_refused_by_the_import(run, book_copy, tmp_path):
    source = tmp_path / "contacts.csv"
    source.write_text(f"name,role\nHonest Ltd,customer\n{SPOOF},customer\n", encoding="utf-8")
    before = book_copy.read_bytes()
    status, _, err = run("import", "contacts", book_copy, source)
    assert status == 1
    assert f"row 3, name: The name holds {OVERRIDE}" in err
    assert "\u202e" not in err
    assert book_copy.read_bytes() == before


@pytest.mark.parametrize(("args", "says"), [
    (("pay", "{book}", "--contact", "Copperleaf Interiors", "--amount", "1.00",
      "--allocate", "INV-00004=1.00", "--date", "2025-08-01", "--reference", "Ref\u2066x"),
     "reference: The reference holds U+2066 LEFT-TO-RIGHT ISOLATE"),
    (("add-account", "{book}", "6900", "Mark\u202eeting", "--type", "expense"),
     f"name: The account name holds {OVERRIDE}"),
    (("demo", "{new}", "--company", "North\x07wind"),
     "company_name: The company name holds U+0007, a control character"),
])
def test_every_command_line_input_refuses_them_in_one_line(run, book_copy, tmp_path, args,
                                                            says):
    before = book_copy.read_bytes()
    values = {"book": book_copy, "new": tmp_path / "new.book"}
    status, _, err = run(*(str(a).format(**values) for a in args))
    assert status == 1 and says in err and "Traceback" not in err
    assert len(err.splitlines()) == (2 if args[0] == "pay" else 1)  # pay: a heading first
    assert book_copy.read_bytes() == before and not (tmp_path / "new.book").exists()


@pytest.fixture
def spoofed(book_copy) -> tuple[Path, int, str]:
    """A book that already holds the spoofed name, written through storage as an older
    Ledgerdesk (or another program) could have, with an invoice to print: (the book, the
    contact's id, the invoice's number)."""
    book = open_book(book_copy)
    try:
        with book.write() as tx:
            contact_id = tx.add_contact(Contact(SPOOF, ContactRole.CUSTOMER,
                                                address="1 Road\nChester"))
        _, number = create_document(book, DocumentDraft(
            kind="SALES_INVOICE", contact_id=contact_id, issue_date=dt.date.today(),
            lines=[LineInput(description="Work", unit_price=Decimal(10), account_code="4000")]))
    finally:
        book.close()
    return book_copy, contact_id, number


@pytest.fixture
def spoofed_book(spoofed) -> Path:
    return spoofed[0]


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    pages = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(f"{pages} {reader.metadata.title}".split())


@pytest.mark.parametrize("what", ["statement", "invoice"])
def test_a_pdf_never_shows_the_override_or_the_spoof(run, spoofed, tmp_path, what):
    spoofed_book, contact_id, number = spoofed
    pdf = tmp_path / f"{what}.pdf"
    args = ["--statement", str(contact_id)] if what == "statement" else [number]
    status, out, err = run("print", *args, spoofed_book, "-o", pdf, "--locale", "en_US")
    assert (status, err) == (0, ""), err
    text = pdf_text(pdf)
    assert "\u202e" not in text and REVERSED not in text
    assert SHOWN in text  # the name, with the character written where it is
    assert "Chester" in text
    assert "\u202e" not in out


def test_tables_and_messages_show_the_name_inert(run, spoofed_book):
    status, out, _ = run("list", "contacts", spoofed_book)
    assert status == 0 and "\u202e" not in out and "Evil <U+202E>Cod.exe" in out
    status, out, _ = run("report", "receivable-aging", spoofed_book, "--as-of",
                           dt.date.today().isoformat())
    assert status == 0 and "\u202e" not in out and "Evil <U+202E>Cod.exe" in out
    status, _, err = run("pay", spoofed_book, "--contact", SPOOF, "--amount", "1.00",
                         "--date", dt.date.today().isoformat(), "--allocate", "INV-99999=1.00")
    assert status == 1 and "\u202e" not in err
