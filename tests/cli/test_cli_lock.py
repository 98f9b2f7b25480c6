"""``ledgerdesk lock`` and ``list audit`` on a copy of the demo book.

Inside the lock every write is one line naming the lock date, exit 1, and the book file
byte for byte as it was; locking, moving and clearing are in the audit log with who.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest


def listed(run, kind: str, path: Path) -> list[dict[str, str]]:
    status, out, _ = run("list", kind, path, "--csv", "-")
    assert status == 0
    return list(csv.DictReader(io.StringIO(out)))


@pytest.fixture
def locked(run, book_copy) -> tuple[Path, dict[str, str]]:
    """The demo copy locked through the issue date of an invoice still open."""
    invoice = next(row for row in listed(run, "invoices", book_copy)
                   if row["status"] in ("open", "overdue"))
    assert run("lock", book_copy, "--clear")[0] == 0  # the demo's closed year's lock
    status, out, err = run("lock", book_copy, "--through", invoice["issue_date"])
    assert (status, out, err) == (0, f"Locked through {invoice['issue_date']}.\n", "")
    return book_copy, invoice


def refused_unchanged(run, path: Path, *args: object) -> str:
    before = path.read_bytes()
    status, out, err = run(*args)
    assert (status, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert path.read_bytes() == before
    return err


def test_a_payment_dated_inside_the_lock_is_one_line_and_changes_nothing(run, locked):
    path, invoice = locked
    day = invoice["issue_date"]
    err = refused_unchanged(run, path, "pay", path, "--contact", invoice["contact"],
                            "--amount", "1.00", "--date", day,
                            "--allocate", f"{invoice['number']}=1.00")
    assert err == (f"ledgerdesk: error: The books are locked through {day}; "
                   f"the payment is dated {day}.\n")


def test_voiding_a_document_or_journalling_inside_the_lock_is_refused(run, locked):
    path, invoice = locked
    day = invoice["issue_date"]
    err = refused_unchanged(run, path, "void", invoice["number"], path, "--yes")
    assert err == (f"ledgerdesk: error: The books are locked through {day}; "
                   f"{invoice['number']} is dated {day}.\n")
    err = refused_unchanged(run, path, "journal", path, "--date", day, "--memo", "Capital",
                            "--debit", "1000=10.00", "--credit", "3000=10.00")
    assert f"locked through {day}; the journal is dated {day}." in err


def test_the_day_after_the_lock_is_open(run, locked):
    path, invoice = locked
    import datetime as dt

    after = dt.date.fromisoformat(invoice["issue_date"]) + dt.timedelta(days=1)
    status, out, err = run("journal", path, "--date", after, "--memo", "Capital",
                           "--debit", "1000=10.00", "--credit", "3000=10.00")
    assert (status, err) == (0, "") and out.startswith("Recorded JNL-")
    assert run("check", path)[0] == 0


def test_an_import_with_one_row_inside_the_lock_is_refused_whole(run, locked, tmp_path):
    path, invoice = locked
    day = invoice["issue_date"]
    rows = [["contact", "issue_date", "total"],
            [invoice["contact"], "9999-01-01", "10.00"],
            [invoice["contact"], day, "12.00"]]
    source = tmp_path / "invoices.csv"
    with source.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    before = path.read_bytes()
    status, _, err = run("import", "invoices", path, source)
    assert status == 1
    assert f"row 3: The books are locked through {day}; the invoice is dated {day}." in err
    assert "nothing was imported" in err
    assert path.read_bytes() == before


def test_lock_moves_and_clears_and_the_audit_log_says_who(run, book_copy, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "demo")
    assert run("lock", book_copy, "--clear")[0] == 0  # the demo comes locked: start unlocked
    monkeypatch.setattr("getpass.getuser", lambda: "ann")
    assert run("lock", book_copy) == (0, "The books are not locked.\n", "")
    assert run("lock", book_copy, "--through", "2025-12-31")[1] == "Locked through 2025-12-31.\n"
    monkeypatch.setattr("getpass.getuser", lambda: "bob")
    assert run("lock", book_copy, "--through", "2025-06-30")[1] == (
        "Lock moved from 2025-12-31 to 2025-06-30.\n")
    assert run("lock", book_copy) == (0, "The books are locked through 2025-06-30.\n", "")
    assert run("lock", book_copy, "--clear")[1] == "Lock cleared (was through 2025-06-30).\n"
    rows = [row for row in listed(run, "audit", book_copy)
            if row["what"].startswith("Lock") and row["who"] in ("ann", "bob")]
    assert [(row["who"], row["what"]) for row in rows] == [
        ("ann", "Locked through 2025-12-31"),
        ("bob", "Lock moved from 2025-12-31 to 2025-06-30"),
        ("bob", "Lock cleared (was through 2025-06-30)")]
    assert all(row["when"].endswith("+00:00") for row in rows)
    status, out, _ = run("list", "audit", book_copy)
    assert status == 0 and "Lock cleared (was through 2025-06-30)" in out


def test_through_and_clear_do_not_go_together(run, book_copy):
    status, _, err = run("lock", book_copy, "--through", "2025-12-31", "--clear")
    assert status == 2 and len(err.splitlines()) == 1
