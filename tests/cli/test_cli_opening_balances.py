"""``ledgerdesk import opening-balances PATH FILE --as-of D`` on a new book.

Balanced rows become the trial balance on D, with each receivable or payable row an open
invoice or bill under its own number; anything wrong prints every problem on its own line
(row and column as a spreadsheet shows them), exits 1 and leaves the file byte for byte.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

HEADER = "account,debit,credit,contact,number,due_date\n"
GOOD = HEADER + (
    "1000,5000.00,,,,\n"
    "1100,1200.00,,Acme Retail,A-1043,2025-01-30\n"
    "2000,,800.00,Paper Co,P-77,2025-01-15\n"
    "3000,,5400.00,,,\n"
)


@pytest.fixture
def new_book(run, tmp_path: Path) -> Path:
    path = tmp_path / "new.book"
    assert run("new", path, "--company", "Start Co", "--currency", "EUR")[0] == 0
    return path


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "opening.csv"
    path.write_text(text, encoding="utf-8")
    return path


def trial_balance(run, path: Path, as_of: str) -> dict[str, tuple[str, str]]:
    status, out, _ = run("trial-balance", path, "--as-of", as_of, "--csv", "-")
    assert status == 0
    return {r["code"]: (r["debit"], r["credit"]) for r in csv.DictReader(io.StringIO(out))
            if r["code"] and (r["debit"], r["credit"]) != ("0.00", "0.00")}


def test_balanced_rows_are_the_trial_balance_on_the_date(run, new_book, tmp_path) -> None:
    status, out, err = run("import", "opening-balances", new_book, write(tmp_path, GOOD),
                           "--as-of", "2024-12-31", "--create-contacts")
    assert (status, err) == (0, "")
    assert "invoice A-1043 for Acme Retail, 1200.00" in out
    assert "bill P-77 for Paper Co, 800.00" in out
    assert "contact Acme Retail (new, customer)" in out
    assert "journal JNL-00001 Opening balances" in out
    shown = trial_balance(run, new_book, "2024-12-31")
    assert shown == {  # retained earnings, the documents' other side, nets to nothing
        "1000": ("5000.00", "0.00"), "1100": ("1200.00", "0.00"), "2000": ("0.00", "800.00"),
        "3000": ("0.00", "5400.00")}
    assert run("check", new_book)[0] == 0
    status, out, _ = run("list", "invoices", new_book, "--csv", "-")
    (invoice,) = csv.DictReader(io.StringIO(out))
    assert (invoice["number"], invoice["outstanding"]) == ("A-1043", "1200.00")


def test_unbalanced_rows_name_the_difference(run, new_book, tmp_path) -> None:
    before = new_book.read_bytes()
    status, _, err = run("import", "opening-balances", new_book,
                         write(tmp_path, GOOD + "6000,0.01,,,,\n"),
                         "--as-of", "2024-12-31", "--create-contacts")
    assert status == 1
    (line,) = [ln for ln in err.splitlines() if ln.strip().startswith("file:")]
    assert "differ by" in line and "0.01 EUR: the debits are more" in line
    assert new_book.read_bytes() == before


def test_every_problem_is_one_line_by_row_and_column(run, new_book, tmp_path) -> None:
    text = HEADER + (
        "9999,10.00,,,,\n"
        "1100,5.00,,,,\n"
        "1000,1.00,1.00,,,\n"
        "3000,,4.00,Someone,,\n"
        "2000,,5.00,Nobody,INV-00001,2025-13-01\n"
        "1000,1.234,,,,\n"
    )
    before = new_book.read_bytes()
    status, _, err = run("import", "opening-balances", new_book, write(tmp_path, text),
                         "--as-of", "2024-12-31")
    assert status == 1
    lines = err.splitlines()
    assert lines[0].endswith("nothing was imported:")
    for expected in ("row 2, account: There is no account 9999",
                     "row 3, contact: An open invoice needs its contact.",
                     "row 3, number: An open invoice needs its number.",
                     "row 3, due_date: An open invoice needs its due date.",
                     "row 4, debit: A balance is either a debit or a credit",
                     "row 5, contact: Only a receivable or payable balance has a contact",
                     "row 6, due_date: '2025-13-01' is not a real date",
                     "row 7, debit: 1.234 has more decimal places than EUR allows"):
        assert any(line.strip().startswith(expected) for line in lines), expected
    assert new_book.read_bytes() == before


def test_a_second_import_is_refused_in_one_line(run, new_book, tmp_path) -> None:
    assert run("import", "opening-balances", new_book, write(tmp_path, GOOD),
               "--as-of", "2024-12-31", "--create-contacts")[0] == 0
    before = new_book.read_bytes()
    status, _, err = run("import", "opening-balances", new_book,
                         write(tmp_path, HEADER + "1000,1,,,,\n3000,,1,,,\n"),
                         "--as-of", "2025-01-31")
    assert status == 1
    assert "already has opening balances as of 2024-12-31 (JNL-00001)" in err
    assert len(err.strip().splitlines()) == 1
    assert new_book.read_bytes() == before


def test_missing_contacts_are_refused_without_create_contacts(run, new_book, tmp_path) -> None:
    before = new_book.read_bytes()
    status, _, err = run("import", "opening-balances", new_book, write(tmp_path, GOOD),
                         "--as-of", "2024-12-31")
    assert status == 1
    assert "row 3, contact: There is no contact named 'Acme Retail'" in err
    assert new_book.read_bytes() == before


def test_the_date_is_required_and_only_for_opening_balances(run, new_book, tmp_path) -> None:
    before = new_book.read_bytes()
    status, _, err = run("import", "opening-balances", new_book, write(tmp_path, GOOD))
    assert status != 0 and "--as-of" in err and len(err.strip().splitlines()) == 1
    status, _, err = run("import", "contacts", new_book, write(tmp_path, "name\nA\n"),
                         "--as-of", "2024-12-31")
    assert status != 0 and "--as-of" in err
    assert new_book.read_bytes() == before


def test_a_dry_run_writes_nothing(run, new_book, tmp_path) -> None:
    before = new_book.read_bytes()
    status, out, _ = run("import", "opening-balances", new_book, write(tmp_path, GOOD),
                         "--as-of", "2024-12-31", "--create-contacts", "--dry-run")
    assert status == 0 and "Would import" in out
    assert new_book.read_bytes() == before


OVERDUE = HEADER + (  # open on 2024-12-31, both fallen due before it
    "1000,5000.00,,,,\n"
    "1100,1200.00,,Acme Retail,A-1043,2024-11-30\n"
    "2000,,800.00,Paper Co,P-77,2024-12-15\n"
    "3000,,5400.00,,,\n"
)


def aging_rows(run, path: Path, report: str) -> list[tuple[str, str, str, str, str]]:
    status, out, _ = run("report", report, path, "--as-of", "2024-12-31", "--detail",
                         "--csv", "-")
    assert status == 0
    return [(r["issue_date"], r["due_date"], r["days_overdue"], r["bucket"], r["outstanding"])
            for r in csv.DictReader(io.StringIO(out))]


def test_overdue_open_documents_come_in_overdue(run, new_book, tmp_path) -> None:
    status, _, err = run("import", "opening-balances", new_book, write(tmp_path, OVERDUE),
                           "--as-of", "2024-12-31", "--create-contacts")
    assert (status, err) == (0, "")
    assert aging_rows(run, new_book, "receivable-aging") == [
        ("2024-12-31", "2024-11-30", "31", "31-60", "1200.00")]
    assert aging_rows(run, new_book, "payable-aging") == [
        ("2024-12-31", "2024-12-15", "16", "1-30", "800.00")]
    assert run("check", new_book)[0] == 0


@pytest.mark.parametrize(("listed", "kind", "report"), [
    ("invoice-lines", "invoices", "receivable-aging"),
    ("invoices", "invoices", "receivable-aging"),
    ("bill-lines", "bills", "payable-aging"),
    ("bills", "bills", "payable-aging"),
])
def test_exported_opening_documents_import_into_another_book(run, new_book, tmp_path, listed,
                                                             kind, report) -> None:
    """An open document dated the opening day and due before it is exported as it stands;
    another book's invoice or bill import takes it back, dates and amount unchanged."""
    assert run("import", "opening-balances", new_book, write(tmp_path, OVERDUE),
               "--as-of", "2024-12-31", "--create-contacts")[0] == 0
    exported = tmp_path / f"{listed}.csv"
    assert run("list", listed, new_book, "--csv", exported)[0] == 0
    other = tmp_path / "other.book"
    assert run("new", other, "--company", "Other Co", "--currency", "EUR")[0] == 0
    status, out, err = run("import", kind, other, exported, "--create-contacts")
    assert (status, err) == (0, ""), out
    assert aging_rows(run, other, report) == aging_rows(run, new_book, report)
    assert run("check", other)[0] == 0
