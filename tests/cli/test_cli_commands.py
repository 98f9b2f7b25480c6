"""demo, check, trial-balance, list, open and --demo, run in-process through ``main``."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

DECIMAL = re.compile(r"-?[0-9]+\.[0-9]{2}")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_demo_then_check(run, tmp_path):
    path = tmp_path / "new.book"
    status, out, _ = run("demo", path)
    assert status == 0
    assert "contacts" in out and "payments" in out and "time taken" in out
    status, out, _ = run("check", path)
    assert status == 0
    assert out == f"OK: {path}: SQLite's integrity checks and every ledger invariant pass\n"


def test_demo_refuses_to_overwrite(run, book_copy):
    before = book_copy.read_bytes()
    status, _, err = run("demo", book_copy)
    assert status == 1
    assert "--force" in err and len(err.splitlines()) == 1
    assert book_copy.read_bytes() == before


def test_demo_force_replaces_a_file(run, tmp_path):
    path = tmp_path / "old.book"
    path.write_text("not a book")
    assert run("demo", path, "--force")[0] == 0
    assert run("check", path)[0] == 0


def test_trial_balance_table_totals_agree(run, demo_book):
    status, out, _ = run("trial-balance", demo_book)
    assert status == 0
    total = next(line for line in out.splitlines() if " Total " in f" {line} ")
    debit, credit = total.split()[-2:]
    assert Decimal(debit) == Decimal(credit) > 0


def test_trial_balance_csv(run, demo_book, tmp_path):
    target = tmp_path / "tb.csv"
    assert run("trial-balance", demo_book, "--csv", target)[0] == 0
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "code,name,debit,credit"
    rows = read_csv(text)
    assert rows and "Total" not in {r["name"] for r in rows}
    for row in rows:
        assert DECIMAL.fullmatch(row["debit"]) and DECIMAL.fullmatch(row["credit"])
    assert sum(Decimal(r["debit"]) for r in rows) == sum(Decimal(r["credit"]) for r in rows)


def test_trial_balance_as_of_and_bad_date(run, demo_book):
    assert run("trial-balance", demo_book, "--as-of", "2000-01-01")[0] == 0
    status, _, err = run("trial-balance", demo_book, "--as-of", "2026-02-30")
    assert status == 2 and len(err.splitlines()) == 1 and "not a real date" in err


def test_list_invoices_csv(run, demo_book):
    status, out, _ = run("list", "invoices", demo_book, "--csv", "-")
    assert status == 0
    rows = read_csv(out)
    assert rows
    assert list(rows[0]) == [
        "number", "contact", "issue_date", "due_date", "total", "outstanding", "currency",
        "exchange_rate", "status",
    ]
    for row in rows:
        assert ISO_DATE.fullmatch(row["issue_date"]) and ISO_DATE.fullmatch(row["due_date"])
        assert DECIMAL.fullmatch(row["total"]) and DECIMAL.fullmatch(row["outstanding"])
        assert Decimal(row["outstanding"]) <= Decimal(row["total"])


@pytest.mark.parametrize("kind", ["contacts", "invoices", "bills", "credit-notes", "payments"])
def test_every_list_prints_a_table(run, demo_book, kind):
    status, out, err = run("list", kind, demo_book)
    assert status == 0 and not err
    assert out.splitlines()[1].startswith("----")
    assert out.rstrip().endswith(kind)


def test_open_lists_only_what_is_outstanding(run, demo_book):
    rows = read_csv(run("list", "invoices", demo_book, "--open", "--csv", "-")[1])
    assert rows and all(Decimal(r["outstanding"]) > 0 for r in rows)
    assert run("list", "payments", demo_book, "--open")[0] == 1


def test_not_a_book_is_one_line(run, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello, I am not a book\n" * 100)
    for command in (["check"], ["trial-balance"], ["list", "invoices"], ["open"]):
        status, out, err = run(*command, path)
        assert status != 0 and not out
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        assert err.startswith("ledgerdesk: error: ")


def test_missing_file_is_one_line(run, tmp_path):
    status, _, err = run("check", tmp_path / "missing.book")
    assert status != 0 and len(err.splitlines()) == 1


def test_summary_prints_the_dashboard_numbers(run, demo_book):
    status, out, _ = run("summary", demo_book)
    assert status == 0
    assert "invoices" in out and "receivable" in out and "(balanced)" in out
    assert "ledgerdesk open" in out


@pytest.mark.parametrize("command", [["--demo"], ["open", "BOOK"]])
def test_without_a_display_the_window_says_so_in_one_line(run, demo_book, monkeypatch,
                                                          command):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    status, out, err = run(*[demo_book if part == "BOOK" else part for part in command])
    assert status == 2 and not out
    assert len(err.splitlines()) == 1 and "no display" in err
    assert "ledgerdesk summary" in err


def test_version_and_help(run):
    status, out, _ = run("--version")
    assert status == 0 and out.startswith("ledgerdesk ")
    for command in ("demo", "check", "trial-balance", "list", "export-journal", "pay", "open",
                    "summary"):
        status, out, _ = run(command, "--help")
        assert status == 0 and "usage: ledgerdesk" in out


def test_usage_error_is_one_line(run):
    status, _, err = run("list", "widgets", "x.book")
    assert status == 2 and len(err.splitlines()) == 1


def test_python_dash_m_entry_point():
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-m", "ledgerdesk", "--help"], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(src)}, check=False, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "export-journal" in result.stdout and "pay" in result.stdout


def test_check_reports_each_problem(run, book_copy):
    with contextlib.closing(sqlite3.connect(book_copy)) as conn:
        entry_id, code, currency = conn.execute(
            "SELECT entry_id, account_code, currency FROM journal_lines LIMIT 1"
        ).fetchone()
        conn.execute(
            "INSERT INTO journal_lines (entry_id, account_code, amount_minor, currency, memo)"
            " VALUES (?, ?, 1, ?, '')", (entry_id, code, currency),
        )
        conn.commit()
    status, out, _ = run("check", book_copy)
    assert status == 1
    lines = out.splitlines()
    assert any(line.startswith("FAILED entries_balance:") for line in lines)
    assert any(line.startswith("FAILED trial_balance:") for line in lines)
    assert lines[-1].endswith("problems found")
