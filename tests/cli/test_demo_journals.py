"""The demo book keeps a year's journals as a real business would: capital, a loan and its
repayments, depreciation and the sales tax paid for a finished year."""

from __future__ import annotations

import csv
import io
from decimal import Decimal


def rows(run, *args) -> list[dict[str, str]]:
    status, out, err = run(*args, "--csv", "-")
    assert status == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_the_demo_has_the_journals_of_a_small_business(run, demo_book):
    memos = [r["memo"] for r in rows(run, "list", "journal-entries", demo_book)]
    assert memos[:2] == ["Opening balances", "Owner's capital paid in"]
    assert "Bank loan received" in memos
    assert any(m.startswith("Loan repayment ") for m in memos)
    assert any(m.startswith("Depreciation, Q") for m in memos)
    assert any(m.startswith("Sales tax paid, year to ") for m in memos)


def test_the_loan_owes_what_was_not_repaid_and_the_book_checks(run, demo_book):
    entries = rows(run, "list", "journal-entries", demo_book)
    repayments = sum(1 for r in entries if r["memo"].startswith("Loan repayment "))
    balances = {r["code"]: Decimal(r["credit"]) - Decimal(r["debit"])
                for r in rows(run, "trial-balance", demo_book)}
    assert balances["2500"] == Decimal("15000") - 500 * repayments
    assert run("check", demo_book)[0] == 0
