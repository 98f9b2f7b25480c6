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


@pytest.mark.parametrize(("kind", "content"), [
    ("invoices", "contact,issue_date,total,currency\nBluebell Nursery,2025-01-02,10.00,{}\n"),
    ("bank", "date,amount,reference,currency\n2025-01-02,5.00,INV-00019,{}\n"),
])
@pytest.mark.parametrize(("code", "says"), [
    ("XYZ", "row 2, currency: 'XYZ' is not an ISO 4217 currency code"),
    ("ABC", "row 2, currency: 'ABC' is not an ISO 4217 currency code"),
    ("USD", "row 2, currency: is USD, but this book keeps its amounts in EUR"),
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
