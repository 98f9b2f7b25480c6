"""Currency codes are ISO 4217's: ``demo`` and an import's currency column refuse any other
code in one line naming it, and create or change nothing."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.parametrize("code", ["XYZ", "ABC", "xau", "EURO", "€"])
def test_demo_refuses_an_unknown_currency_naming_it(run, tmp_path, code):
    path = tmp_path / "demo.book"
    status, out, err = run("demo", path, "--currency", code)
    assert (status, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert f"--currency '{code.upper()}' is not" in err
    assert not path.exists() and list(tmp_path.iterdir()) == []


_INVOICES = ("invoices",
             "contact,issue_date,total,currency\nBluebell Nursery,2025-01-02,10.00,{}\n")
_BANK = ("bank", "date,amount,reference,currency\n2025-01-02,5.00,INV-00019,{}\n")


@pytest.mark.parametrize(("kind", "content", "code", "says"), [
    (*source, code, f"row 2, currency: '{code}' is not an ISO 4217 currency code")
    for source in (_INVOICES, _BANK) for code in ("XYZ", "ABC")
] + [
    # a bank line's amount is the book's money; an invoice in USD is booked at its rate
    (*_BANK, "USD", "row 2, currency: is USD, but this book keeps its amounts in EUR"),
])
def test_an_import_refuses_a_currency_the_book_does_not_keep(run, book_copy, tmp_path, kind,
                                                            content, code, says):
    source = tmp_path / "in.csv"
    source.write_text(content.format(code), encoding="utf-8")
    before = book_copy.read_bytes()
    status, _, err = run("import", kind, book_copy, source, "--accept-suggestions"
                         if kind == "bank" else "--dry-run")
    assert status == 1 and says in err
    assert book_copy.read_bytes() == before


def test_an_import_in_the_books_own_currency_goes_in(run, book_copy, tmp_path):
    source = tmp_path / "in.csv"
    today = dt.date.today().isoformat()  # after the demo's locked year
    source.write_text(f"contact,issue_date,total,currency\nBluebell Nursery,{today},10.00,"
                      "eur\n", encoding="utf-8")
    status, out, err = run("import", "invoices", book_copy, source)
    assert (status, err) == (0, "")
    assert "currency <- 'currency'" in out


def test_a_foreign_invoice_needs_its_rate(run, book_copy, tmp_path):
    """An invoice in another currency than the book's is booked at its rate: the book's of
    its date, or the file's; without either it is refused, naming the missing rate."""
    source = tmp_path / "in.csv"
    today = dt.date.today().isoformat()  # after the demo's locked year
    source.write_text(f"contact,issue_date,total,currency\nBluebell Nursery,{today},10.00,"
                      "USD\n", encoding="utf-8")
    before = book_copy.read_bytes()
    status, _, err = run("import", "invoices", book_copy, source)
    assert status == 1 and f"The book has no USD rate on or before {today}" in err
    assert book_copy.read_bytes() == before
    source.write_text(f"contact,issue_date,total,currency,exchange_rate\nBluebell Nursery,"
                      f"{today},10.00,USD,0.9\n", encoding="utf-8")
    status, out, err = run("import", "invoices", book_copy, source)
    assert (status, err) == (0, "") and "10.00 USD" in out
