"""``ledgerdesk import KIND PATH FILE``, run in-process: previews, refusals, round trips."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3

import pytest

FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def empty_book(run, tmp_path):
    """A set-up book with no contacts or documents."""
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    path = tmp_path / "empty.book"
    book = create_book(path)
    initialise_book(book, "Empty Co", "EUR")
    book.close()
    return path


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)
    return path


def listed(run, kind, book):
    status, out, _ = run("list", kind, book, "--csv", "-")
    assert status == 0
    return list(csv.DictReader(io.StringIO(out)))


def test_contacts_export_reimports_and_a_formula_name_stays_text(run, demo_book, empty_book,
                                                                tmp_path):
    exported = tmp_path / "contacts.csv"
    assert run("list", "contacts", demo_book, "--csv", exported)[0] == 0
    rows = list(csv.reader(exported.open(encoding="utf-8")))
    rows.append(["'" + FORMULA, "customer", "", "0.00", "0.00"])  # as the guard writes it
    write(exported, rows)
    status, out, err = run("import", "contacts", empty_book, exported)
    assert status == 0, err
    assert f"Imported: {len(rows) - 1} from {len(rows) - 1} rows" in out
    names = {(r["name"], r["role"], r["email"]) for r in listed(run, "contacts", empty_book)}
    assert names == {(r[0], r[1], r[2]) for r in rows[1:]}  # exported again, guarded again
    with contextlib.closing(sqlite3.connect(empty_book)) as db:
        stored = {name for (name,) in db.execute("SELECT name FROM contacts")}
        assert FORMULA in stored and "'" + FORMULA not in stored
        logged = db.execute("SELECT detail FROM audit_log WHERE action = 'import'").fetchall()
    assert [json.loads(d) for (d,) in logged] == [
        {"kind": "contacts", "file": "contacts.csv", "rows": len(rows) - 1,
         "created": len(rows) - 1}]


def without_opening_documents(path, encoding="utf-8"):
    """The export less the demo's opening invoices and bills (``OB-1001``): a new book takes
    those as its opening balances (``import opening-balances``); an import numbers every
    document in the book's own series, which the demo's others already are in, in order."""
    with path.open(encoding=encoding, newline="") as source:
        rows = list(csv.reader(source))
    kept = [rows[0], *(r for r in rows[1:] if not r[0].startswith("OB-"))]
    assert len(kept) < len(rows)  # the demo has opening documents
    with path.open("w", encoding=encoding, newline="") as target:
        csv.writer(target, lineterminator="\n").writerows(kept)


def test_invoices_export_reimports_with_the_same_numbers_dates_and_totals(
    run, demo_book, empty_book, tmp_path
):
    exported = tmp_path / "invoices.csv"
    assert run("list", "invoices", demo_book, "--csv", exported)[0] == 0
    without_opening_documents(exported)
    status, _out, err = run("import", "invoices", empty_book, exported, "--create-contacts")
    assert status == 0, err
    fields = ("number", "contact", "issue_date", "due_date", "total")
    again = [tuple(r[f] for f in fields) for r in listed(run, "invoices", empty_book)]
    assert again == [tuple(r[f] for f in fields) for r in csv.DictReader(exported.open())]
    assert run("check", empty_book)[0] == 0


def _draft_ids_dropped(row):
    """A line export's row with ``(draft 17)`` as ``(draft)``: the new book's ids differ."""
    return {**row, "number": "(draft)"} if row["number"].startswith("(draft ") else row


def test_invoice_and_bill_lines_reimport_whole_after_the_contacts(
    run, demo_book, empty_book, tmp_path
):
    """The full move to a new book: contacts (roles kept, so one who both buys and sells is
    both), then every invoice and bill line; exported again, the lines are the same rows."""
    files = {kind: tmp_path / f"{kind}.csv" for kind in ("contacts", "invoice-lines",
                                                          "bill-lines")}
    for kind, path in files.items():
        assert run("list", kind, demo_book, "--csv", path, "--bom")[0] == 0
        if kind != "contacts":
            without_opening_documents(path, "utf-8-sig")
    assert run("import", "contacts", empty_book, files["contacts"])[0] == 0
    for kind, what in (("invoice-lines", "invoices"), ("bill-lines", "bills")):
        status, out, err = run("import", what, empty_book, files[kind], "--create-contacts")
        assert status == 0, err
        assert "tax_mode <- 'tax_mode'" in out
        before = list(csv.DictReader(files[kind].open(encoding="utf-8-sig")))
        _, again, _ = run("list", kind, empty_book, "--csv", "-")
        after = list(csv.DictReader(io.StringIO(again)))
        assert {r["status"] for r in before} == {"authorised", "draft", "void"}
        for row in before:  # an invoice's number becomes its reference
            if not row["number"].startswith("(draft"):
                row["reference"] = row["reference"] or row["number"]
        assert [_draft_ids_dropped(r) for r in after] == [_draft_ids_dropped(r) for r in before]
    assert run("check", empty_book)[0] == 0


def test_one_bad_row_among_a_hundred_exits_1_names_it_and_writes_nothing(
    run, empty_book, tmp_path
):
    rows = [["Name", "Role"], *([f"Contact {i}", "customer"] for i in range(100))]
    rows[73][1] = "vendor"
    status, _out, err = run("import", "contacts", empty_book, write(tmp_path / "c.csv", rows))
    assert status == 1
    assert "1 problem in 100 rows; nothing was imported" in err
    assert "row 74, Role: 'vendor' is not a role" in err
    assert listed(run, "contacts", empty_book) == []


def test_dry_run_and_map_show_the_preview_and_write_nothing(run, empty_book, tmp_path):
    path = write(tmp_path / "c.csv", [["Firma", "Mail"], ["Acme", "a@acme.example"]])
    status, _, err = run("import", "contacts", empty_book, path)
    assert status == 1 and "No column for name" in err and "--map" in err
    status, out, _ = run("import", "contacts", empty_book, path, "--dry-run",
                         "--map", "name=Firma", "--map", "email=mail")
    assert status == 0
    assert "Columns: name <- 'Firma', email <- 'Mail'" in out
    assert "Would import (dry run, nothing written): 1 from 1 row" in out
    assert listed(run, "contacts", empty_book) == []


def test_a_file_that_is_not_csv_is_one_clear_line(run, empty_book, demo_book):
    status, _, err = run("import", "contacts", empty_book, demo_book)
    assert status == 1
    assert err == ("ledgerdesk: error: demo.book is a database (perhaps a Ledgerdesk book), "
                   "not a CSV file.\n")


def test_bank_lines_are_suggested_then_recorded_when_accepted(run, book_copy, tmp_path):
    invoice = next(r for r in listed(run, "invoices", book_copy) if r["status"] == "overdue")
    path = write(tmp_path / "bank.csv", [
        ["date", "amount", "reference", "counterparty"],
        ["2026-01-05", invoice["outstanding"], f"Paid {invoice['number']}", invoice["contact"]],
    ])
    status, out, _ = run("import", "bank", book_copy, path)
    assert status == 0 and f"1. {invoice['number']} {invoice['contact']}" in out
    assert "Nothing recorded; --accept-suggestions records the best matches" in out
    status, out, _ = run("import", "bank", book_copy, path, "--accept-suggestions")
    assert status == 0 and "Imported: 1 from 1 row" in out
    after = next(r for r in listed(run, "invoices", book_copy) if r["number"] == invoice["number"])
    assert after["status"] == "paid"
    assert run("check", book_copy)[0] == 0


def test_a_whole_book_exported_and_reimported_lists_the_same(
    run, book, add_contact, issue, pay, empty_book, tmp_path
):
    """Contacts, invoices, bills, then payments (named documents, part payments, a payment
    over two invoices, an excess kept as credit): every list reads the same afterwards."""
    from ledgerdesk.domain.contacts import ContactRole
    from ledgerdesk.domain.documents import DocumentKind
    from ledgerdesk.domain.payments import PaymentKind

    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    paper = add_contact("+Paper Supplies", ContactRole.SUPPLIER)
    first, _ = issue(acme, "100")
    second, _ = issue(acme, "50", tax_rate="20")
    third, _ = issue(acme, "80")
    bill, _ = issue(paper, "40", DocumentKind.BILL)
    pay(acme, "100", (first, "100"))
    pay(acme, "70", (second, "60"), (third, "10"), reference="two at once")
    pay(paper, "45", (bill, "40"), kind=PaymentKind.SUPPLIER_PAYMENT, keep=True)
    lists = ("contacts", "invoices", "bills", "credit-notes", "payments")
    before = {kind: listed(run, kind, book.path) for kind in lists}
    assert [p["documents"] for p in before["payments"]] == [
        "INV-00001", "INV-00002, INV-00003", "BILL-00001"]
    assert [c["total"] for c in before["credit-notes"]] == ["5.00"]  # the kept excess
    assert [i["status"] for i in before["invoices"]] == ["paid", "paid", "overdue"]
    files = {}
    for kind in lists:
        files[kind] = tmp_path / f"{kind}.csv"
        assert run("list", kind, book.path, "--csv", files[kind])[0] == 0
    # The third payment kept 5.00 as credit: its line (row 4) is marked to keep it again.
    for kind, name, extra in (("contacts", "contacts", ()), ("invoices", "invoices", ()),
                              ("bills", "bills", ()),
                              ("bank", "payments", ("--accept-suggestions",
                                                    "--keep-excess-as-credit", "4"))):
        status, out, err = run("import", kind, empty_book, files[name], *extra)
        assert status == 0, err
        assert "Not recorded" not in out
    assert {kind: listed(run, kind, empty_book) for kind in lists} == before
    assert run("check", empty_book)[0] == 0


def test_a_dry_run_lists_every_problem_of_a_row(run, empty_book, tmp_path):
    """The window's preview and the command share the service: a row with a bad date, a
    bad price and an unknown account and contact shows all four, not just the first."""
    path = write(tmp_path / "invoices.csv", [
        ["number", "contact", "issue_date", "description", "quantity", "unit_price", "account"],
        ["A-1", "Nobody Ltd", "2024-01-45", "Desk", "1", "8x5", "9999"]])
    status, _, err = run("import", "invoices", empty_book, path, "--dry-run")
    assert status == 1
    assert "4 problems in 1 row; nothing was imported" in err
    lines = [line.strip() for line in err.splitlines()[1:]]
    assert sorted(line.split(":")[0] for line in lines) == [
        "row 2, account", "row 2, contact", "row 2, issue_date", "row 2, unit_price"]


def test_a_bank_line_paying_more_than_its_document_owes_is_refused_unless_marked(
        run, book, add_contact, issue, pay, tmp_path):
    from ledgerdesk.domain.contacts import ContactRole

    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    invoice, _ = issue(acme, "100")
    pay(acme, "99.81", (invoice, "99.81"))
    path = write(tmp_path / "bank.csv", [["date", "amount", "reference", "documents"],
                                         ["2024-02-01", "4.00", "card", "INV-00001"]])
    status, out, err = run("import", "bank", book.path, path, "--accept-suggestions")
    assert status == 1 and "Imported" not in out
    assert ("  row 2, amount: 4.00 pays INV-00001, which owes 0.19: the excess 3.81 would be "
            "kept as Acme Retail's credit; mark the line to keep the excess, or correct the "
            "amount\n") in err
    assert "--keep-excess-as-credit ROW" in err  # how to mark it
    assert listed(run, "payments", book.path)[1:] == []
    status, out, err = run("import", "bank", book.path, path, "--accept-suggestions",
                           "--keep-excess-as-credit", "2")
    assert status == 0, err
    assert "row 2: payment 4.00 Acme Retail for INV-00001, 3.81 kept as credit" in out
    assert [c["total"] for c in listed(run, "credit-notes", book.path)] == ["3.81"]
