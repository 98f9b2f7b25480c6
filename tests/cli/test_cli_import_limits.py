"""``ledgerdesk import`` at the limits: dates at and past both ends of the calendar, in every
kind of file that carries dates.  A refused file names the row and the column in one line
each, changes not a byte of the book, and never ends in a traceback."""

from __future__ import annotations

import pytest

CUSTOMER = "Bluebell Nursery"
EDGES = ("0001-01-01", "9999-12-20", "9999-12-31")
OFF = ("10000-01-01", "0000-01-01", "-0001-01-01")


def write(path, text: str | bytes):
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def refused_without_a_change(run, book, args, *, mentions: tuple[str, ...]) -> str:
    before = book.read_bytes()
    status, out, err = run("import", *args)
    assert status != 0
    assert "Traceback" not in out + err
    for fragment in mentions:
        assert fragment in err, err
    assert book.read_bytes() == before
    return err


FILES = {
    "invoices": "contact,issue_date,total\n{c},{d},10.00\n",
    "bills": "supplier,issue_date,total\nPaperTrail Stationers,{d},10.00\n",
    "invoices-due": "contact,issue_date,due_date,total\n{c},0001-01-01,{d},10.00\n",
    "bank": "date,amount,reference,counterparty\n{d},5.00,INV-00019,Summit IT Partners\n",
}


@pytest.mark.parametrize("date", EDGES)
@pytest.mark.parametrize("kind", FILES)
def test_dates_at_the_ends_of_the_calendar_import(run, book_copy, tmp_path, kind, date):
    assert run("lock", book_copy, "--clear")[0] == 0  # the demo's closed year is locked
    source = write(tmp_path / "in.csv", FILES[kind].format(c=CUSTOMER, d=date))
    extra = ["--accept-suggestions"] if kind == "bank" else []
    status, out, err = run("import", kind.split("-")[0], book_copy, source, *extra)
    assert (status, err) == (0, ""), err
    assert "Imported: 1 from 1 row" in out


@pytest.mark.parametrize("date", OFF)
@pytest.mark.parametrize("kind", FILES)
def test_dates_off_the_calendar_name_the_row_and_column(run, book_copy, tmp_path, kind, date):
    source = write(tmp_path / "in.csv", FILES[kind].format(c=CUSTOMER, d=date))
    column = {"invoices-due": "due_date", "bank": "date"}.get(kind, "issue_date")
    err = refused_without_a_change(
        run, book_copy, [kind.split("-")[0], book_copy, source],
        mentions=(f"row 2, {column}: '{date}' is off the calendar; dates run from "
                  "0001-01-01 to 9999-12-31",))
    assert "Traceback" not in err


def test_an_invoice_issued_on_the_last_day_falls_due_that_day(run, book_copy, tmp_path):
    source = write(tmp_path / "in.csv", FILES["invoices"].format(c=CUSTOMER, d="9999-12-31"))
    assert run("import", "invoices", book_copy, source)[0] == 0
    status, out, _ = run("list", "invoices", book_copy, "--csv", "-")
    assert status == 0 and "9999-12-31,9999-12-31" in out


NUL_FILES = {
    "in the header": (b"na\x00me,role\nAcme,customer\n", "row 1, column 1"),
    "in a cell": (b"name,role\nAcme,customer\nBr\x00io,customer\n", "row 3, column 'name'"),
    "in a quoted cell": (b'name,role\nAcme,"cust\x00omer"\n', "row 2, column 'role'"),
    "at the end of the file": (b"name,role\nAcme,customer\n\x00", "row 3, column 'name'"),
    "past the first 64 KB": (
        b"name,role\n" + b"".join(b"Contact %d,customer\n" % n for n in range(4000))
        + b"Late,cus\x00tomer\n", "row 4002, column 'role'"),
}


@pytest.mark.parametrize("case", NUL_FILES)
def test_a_nul_byte_anywhere_is_refused_naming_row_and_column(run, book_copy, tmp_path, case):
    content, where = NUL_FILES[case]
    source = write(tmp_path / "in.csv", content)
    err = refused_without_a_change(run, book_copy, ["contacts", book_copy, source],
                                   mentions=(f"in.csv: {where}", "NUL"))
    assert len(err.splitlines()) == 1
    assert "\x00" not in err


def test_a_nul_byte_in_a_bank_statement_is_refused_too(run, book_copy, tmp_path):
    source = write(tmp_path / "bank.csv", b"date,amount,reference\n2025-01-02,5.00,INV\x0000019\n")
    refused_without_a_change(run, book_copy, ["bank", book_copy, source, "--accept-suggestions"],
                             mentions=("bank.csv: row 2, column 'reference'",))
