"""``ledgerdesk add-account``: the user extends the chart, and the new accounts are usable."""

from __future__ import annotations

import csv
import io
from decimal import Decimal


def test_a_new_bank_account_takes_payments(run, book_copy):
    status, out, _ = run("add-account", book_copy, "1020", "Second Bank", "--type", "asset",
                         "--bank")
    assert status == 0 and "1020 Second Bank" in out
    invoices = csv.DictReader(io.StringIO(run("list", "invoices", book_copy, "--open",
                                              "--csv", "-")[1]))
    invoice = next(r for r in invoices if Decimal(r["outstanding"]) > 0)
    status, _, err = run(
        "pay", book_copy, "--contact", invoice["contact"], "--amount", invoice["outstanding"],
        "--date", "2026-11-21", "--allocate", f"{invoice['number']}={invoice['outstanding']}",
        "--bank", "1020",
    )
    assert status == 0, err
    balance = csv.DictReader(io.StringIO(run("trial-balance", book_copy, "--csv", "-")[1]))
    row = next(r for r in balance if r["code"] == "1020")
    assert Decimal(row["debit"]) == Decimal(invoice["outstanding"])


def test_a_duplicate_code_is_refused_in_one_line(run, book_copy):
    status, _, err = run("add-account", book_copy, "4000", "Other Sales", "--type", "income")
    assert status == 1
    assert "already exists" in err and err.count("\n") <= 2


def test_a_bank_must_be_an_asset(run, book_copy):
    status, _, err = run("add-account", book_copy, "2900", "Odd", "--type", "liability", "--bank")
    assert status == 1 and "asset" in err
