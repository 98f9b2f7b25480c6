"""``ledgerdesk journal``, ``void`` and ``list journal-entries`` on a copy of the demo book.

A balanced journal prints its number; anything else prints every problem on its own line,
exits 1 and leaves the file byte for byte as it was.  ``void`` takes a journal, invoice,
bill or credit note by its number and a payment by what ``list payments`` shows first, and
asks first: on a terminal it waits for yes, elsewhere it refuses unless ``--yes``.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

CAPITAL = ("--date", "2025-06-30", "--memo", "Owner's capital",
           "--debit", "1000=5000.00:Transfer from the owner", "--credit", "3000=5000.00")


def balances(run, path: Path) -> dict[str, str]:
    status, out, _ = run("trial-balance", path, "--csv", "-")
    assert status == 0
    return {row["code"]: (row["debit"], row["credit"]) for row in csv.DictReader(io.StringIO(out))}


def listed(run, kind: str, path: Path) -> list[dict[str, str]]:
    status, out, _ = run("list", kind, path, "--csv", "-")
    assert status == 0
    return list(csv.DictReader(io.StringIO(out)))


class Terminal(io.StringIO):
    """Standard input as a terminal where the user types ``answer``."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def book_copy(demo_without_journals, tmp_path) -> Path:
    """A copy of the demo book without its own journals: these tests number theirs."""
    path = tmp_path / "copy.book"
    shutil.copyfile(demo_without_journals, path)
    return path


@pytest.fixture
def stdin_is(monkeypatch):
    def use(text: str, *, tty: bool) -> None:
        monkeypatch.setattr("sys.stdin", Terminal(text) if tty else io.StringIO(text))
    return use


# ---- journal --------------------------------------------------------------------------------


def test_a_balanced_journal_prints_its_number(run, book_copy) -> None:
    before = balances(run, book_copy)
    status, out, err = run("journal", book_copy, *CAPITAL)
    assert (status, err) == (0, "")
    assert out == "Recorded JNL-00001 (Owner's capital): 5000.00 EUR debited and credited.\n"
    after = balances(run, book_copy)
    assert after != before
    assert run("journal", book_copy, *CAPITAL)[1].startswith("Recorded JNL-00002 ")
    assert run("check", book_copy)[0] == 0


def test_lines_keep_their_order_and_descriptions(run, book_copy) -> None:
    status, _, _ = run("journal", book_copy, "--date", "2025-06-30", "--memo", "Wages, June",
                       "--debit", "6300=100:Taxi: airport", "--credit", "1000=150",
                       "--debit", "6100=50")
    assert status == 0
    rows = [r for r in listed(run, "journal", book_copy) if r["description"].startswith(
        "JNL-00001")]
    assert [(r["account"], r["debit"], r["credit"], r["memo"]) for r in rows] == [
        ("6300", "100.00", "", "Taxi: airport"), ("1000", "", "150.00", ""),
        ("6100", "50.00", "", "")]


def test_an_unbalanced_journal_names_every_problem_and_changes_nothing(run, book_copy) -> None:
    original = book_copy.read_bytes()
    status, out, err = run("journal", book_copy, "--date", "2025-06-30", "--memo", "Loan",
                           "--debit", "1000=10000.00", "--credit", "2200=9990.00",
                           "--credit", "9999=5", "--debit", "6000=1.234")
    assert (status, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "ledgerdesk journal: the journal was not recorded (nothing was changed):"
    assert lines[1:] == [
        "  lines[2].account_code (--credit 9999=5): There is no account 9999 in the chart; "
        "choose one that is.",
        "  lines[3].amount (--debit 6000=1.234): 1.234 has more decimal places than EUR "
        "allows (2).",
        "  lines: The debits (10000.00 EUR) and credits (9995.00 EUR) differ by 5.00 EUR: "
        "the debits are more, and a journal must balance to the cent.",
    ]
    assert book_copy.read_bytes() == original


def test_touching_receivable_is_refused_naming_the_account_and_why(run, book_copy) -> None:
    original = book_copy.read_bytes()
    status, out, err = run("journal", book_copy, "--date", "2025-06-30", "--memo", "Write-off",
                           "--debit", "6000=80", "--credit", "1100=80")
    assert (status, out) == (1, "")
    assert err.splitlines()[1] == (
        "  lines[1].account_code (--credit 1100=80): 1100 Accounts Receivable moves only with "
        "invoices, credit notes and payments, so that it keeps equalling what customers owe; "
        "record an invoice or a credit note instead.")
    assert book_copy.read_bytes() == original


def test_a_line_that_is_not_code_equals_amount_is_a_usage_error(run, book_copy) -> None:
    status, _, err = run("journal", book_copy, "--date", "2025-06-30", "--memo", "x",
                         "--debit", "1000", "--credit", "3000=1")
    assert status == 2
    assert "'1000' is not a line; write CODE=AMOUNT or CODE=AMOUNT:description" in err


def test_date_and_memo_are_required(run, book_copy) -> None:
    status, _, err = run("journal", book_copy, "--debit", "1000=1", "--credit", "3000=1")
    assert status == 2 and "--date" in err and "--memo" in err


# ---- list journal-entries and list payments -------------------------------------------------


def test_list_journal_entries_one_row_per_entry(run, book_copy) -> None:
    assert run("journal", book_copy, *CAPITAL)[0] == 0
    assert run("journal", book_copy, "--date", "2025-07-01", "--memo", "Depreciation",
               "--debit", "6000=120", "--credit", "1500=120")[0] == 0
    assert run("void", "JNL-00001", book_copy, "--yes", "--date", "2025-07-31")[0] == 0
    rows = listed(run, "journal-entries", book_copy)
    assert rows == [
        {"number": "JNL-00001", "date": "2025-06-30", "memo": "Owner's capital",
         "debit_total": "5000.00", "status": "void"},
        {"number": "JNL-00002", "date": "2025-07-01", "memo": "Depreciation",
         "debit_total": "120.00", "status": "posted"},
    ]
    status, out, _ = run("list", "journal-entries", book_copy)
    assert status == 0
    assert re.search(r"^JNL-00002\s+2025-07-01\s+Depreciation\s+120\.00\s+posted$", out, re.M)
    assert out.rstrip().endswith("2 journal entries")
    journal_lines = listed(run, "journal", book_copy)
    assert len(journal_lines) > len(rows)  # ``list journal`` stays one row per line


def test_list_payments_shows_the_payment_number_first(run, book_copy) -> None:
    status, out, _ = run("list", "payments", book_copy)
    assert status == 0
    header, _rule, first = out.splitlines()[:3]
    assert header.startswith("Number ")
    assert re.match(r"PAY-\d{5}  ", first)
    assert next(iter(listed(run, "payments", book_copy)[0])) == "number"


# ---- void --------------------------------------------------------------------------------


def test_void_a_journal(run, book_copy) -> None:
    run("journal", book_copy, *CAPITAL)
    before = balances(run, book_copy)
    status, out, err = run("void", "jnl-00001", book_copy, "--yes", "--date", "2025-07-31")
    assert (status, err) == (0, "")
    assert out == "Voided JNL-00001: a reversal was posted on 2025-07-31.\n"
    assert balances(run, book_copy) != before
    status, _, err = run("void", "JNL-00001", book_copy, "--yes")
    assert status == 1 and err == "ledgerdesk: error: JNL-00001 is already void.\n"
    assert run("check", book_copy)[0] == 0


def test_a_journal_is_not_voided_before_its_date(run, book_copy) -> None:
    run("journal", book_copy, *CAPITAL)
    original = book_copy.read_bytes()
    status, _, err = run("void", "JNL-00001", book_copy, "--yes", "--date", "2025-06-01")
    assert status == 1
    assert err == ("ledgerdesk: error: JNL-00001 cannot be voided before its own date: it is "
                   "dated 2025-06-30, the void 2025-06-01.\n")
    assert book_copy.read_bytes() == original


def _open_invoice(run, path: Path, *, paid: bool) -> dict[str, str]:
    rows = listed(run, "invoices", path)
    return next(r for r in rows if r["status"] in (("paid",) if paid else ("open", "overdue"))
                and (paid or r["outstanding"] == r["total"]))


def test_void_an_invoice_by_its_number(run, book_copy) -> None:
    invoice = _open_invoice(run, book_copy, paid=False)
    status, out, err = run("void", invoice["number"], book_copy, "--yes")
    assert (status, err) == (0, "")
    assert out.startswith(f"Voided {invoice['number']}: a reversal was posted on ")
    after = {r["number"]: r for r in listed(run, "invoices", book_copy)}
    assert after[invoice["number"]]["status"] == "void"
    assert run("check", book_copy)[0] == 0


def test_a_paid_invoice_is_refused_as_in_the_window(run, book_copy) -> None:
    invoice = _open_invoice(run, book_copy, paid=True)
    original = book_copy.read_bytes()
    status, _, err = run("void", invoice["number"], book_copy, "--yes")
    assert status == 1
    assert err == (f"ledgerdesk: error: {invoice['number']} has payments or credits "
                   "allocated; void those first.\n")
    assert book_copy.read_bytes() == original


@pytest.mark.parametrize("kind", ["bills", "credit-notes"])
def test_void_a_bill_or_a_credit_note(run, book_copy, kind) -> None:
    rows = [r for r in listed(run, kind, book_copy)
            if r["status"] in ("open", "overdue") and r["outstanding"] == r["total"]
            and not r["number"].startswith(("CC-", "SC-"))]
    number = rows[0]["number"]
    status, out, _ = run("void", number, book_copy, "--yes")
    assert status == 0 and out.startswith(f"Voided {number}: ")
    assert {r["number"]: r["status"] for r in listed(run, kind, book_copy)}[number] == "void"
    assert run("check", book_copy)[0] == 0


@pytest.mark.parametrize("typed", ["number", "id"])
def test_void_a_payment_by_what_list_payments_shows_first(run, book_copy, typed) -> None:
    payment = next(p for p in listed(run, "payments", book_copy) if p["void"] == "no"
                   and p["allocated"] == p["amount"])
    name = payment["number"] if typed == "number" else str(int(payment["number"][4:]))
    status, out, err = run("void", name, book_copy, "--yes")
    assert (status, err) == (0, "")
    assert out.startswith(f"Voided {payment['number']}: a reversal was posted on ")
    again = {p["number"]: p["void"] for p in listed(run, "payments", book_copy)}
    assert again[payment["number"]] == "yes"
    assert run("check", book_copy)[0] == 0


def test_an_unknown_number_is_one_line(run, book_copy) -> None:
    for name, words in (("INV-99999", "no document numbered 'INV-99999'"),
                        ("PAY-99999", "no payment PAY-99999"),
                        ("JNL-00042", "no journal numbered JNL-00042")):
        status, _, err = run("void", name, book_copy, "--yes")
        assert status == 1 and words in err and len(err.splitlines()) == 1


def test_without_yes_and_no_terminal_it_refuses_and_changes_nothing(run, book_copy,
                                                                    stdin_is) -> None:
    run("journal", book_copy, *CAPITAL)
    original = book_copy.read_bytes()
    stdin_is("y\n", tty=False)
    status, out, err = run("void", "JNL-00001", book_copy)
    assert (status, out) == (1, "")
    assert err == ("ledgerdesk: error: void asks before it voids, and standard input is not a "
                   "terminal; add --yes to void JNL-00001.\n")
    assert book_copy.read_bytes() == original


def test_on_a_terminal_it_asks_and_voids_only_on_yes(run, book_copy, stdin_is) -> None:
    run("journal", book_copy, *CAPITAL)
    original = book_copy.read_bytes()
    stdin_is("n\n", tty=True)
    status, out, err = run("void", "JNL-00001", book_copy, "--date", "2025-07-01")
    assert (status, out) == (1, "")
    assert err.startswith("Void JNL-00001 (Owner's capital, 5000.00 EUR)? A reversal is "
                          "posted on 2025-07-01; this cannot be undone. [y/N] ")
    assert err.endswith("Nothing was voided.\n")
    assert book_copy.read_bytes() == original
    stdin_is("yes\n", tty=True)
    status, out, _ = run("void", "JNL-00001", book_copy, "--date", "2025-07-01")
    assert status == 0 and out.startswith("Voided JNL-00001")


def test_check_names_a_manual_entry_on_a_control_account(run, book_copy) -> None:
    import sqlite3

    assert run("journal", book_copy, *CAPITAL)[0] == 0
    conn = sqlite3.connect(book_copy, isolation_level=None)
    conn.execute("INSERT INTO journal_entries (date, memo, source_type)"
                 " VALUES ('2025-06-30', 'by another tool', 'MANUAL')")
    entry = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
    conn.executemany("INSERT INTO journal_lines (entry_id, account_code, amount_minor, currency)"
                     " VALUES (?, ?, ?, 'EUR')", [(entry, "1100", 1000), (entry, "4000", -1000)])
    conn.close()
    status, out, _ = run("check", book_copy)
    assert status == 1
    assert "FAILED manual_control: 1 manual entries post to a control account: entry " in out
    assert "posts 10.00 EUR to 1100 Accounts Receivable" in out


def test_a_document_number_of_digits_is_not_taken_for_a_payment(run, book_copy,
                                                                contact_in) -> None:
    """A book may number its bills ``202500001``: ``void`` finds the bill, not payment
    202500001."""
    from ledgerdesk.domain.contacts import ContactRole
    from ledgerdesk.domain.documents import DocumentKind
    from ledgerdesk.services.commands import DocumentDraft, LineInput
    from ledgerdesk.services.documents import create_document
    from ledgerdesk.storage import open_book

    with open_book(book_copy) as book:
        with book.write() as tx:
            tx.set_number_prefix(DocumentKind.BILL, "2025")
        supplier = contact_in(book, "Digits Supplies", ContactRole.SUPPLIER)
        _, number = create_document(book, DocumentDraft(
            kind=DocumentKind.BILL, contact_id=supplier, issue_date="2025-06-01",
            lines=[LineInput(unit_price=Decimal("40"), account_code="6100")]))
    assert number.isdigit()
    payments = {p["number"]: p["void"] for p in listed(run, "payments", book_copy)}
    status, out, err = run("void", number, book_copy, "--yes")
    assert (status, err) == (0, "") and out.startswith(f"Voided {number}: ")
    assert {r["number"]: r["status"] for r in listed(run, "bills", book_copy)}[number] == "void"
    assert {p["number"]: p["void"] for p in listed(run, "payments", book_copy)} == payments
