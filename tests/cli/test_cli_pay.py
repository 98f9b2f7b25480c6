"""``ledgerdesk pay``: refused payments change nothing and name the numbers; good ones count."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from ledgerdesk.cli.errors import parse_amount


def rows(run, *args) -> list[dict[str, str]]:
    status, out, _ = run(*args, "--csv", "-")
    assert status == 0
    return list(csv.DictReader(io.StringIO(out)))


def open_invoice(run, path) -> dict[str, str]:
    """An authorised invoice with something outstanding."""
    invoices = rows(run, "list", "invoices", path, "--open")
    return next(r for r in invoices if r["number"] and Decimal(r["outstanding"]) > 0)


def outstanding_of(run, path, number: str) -> Decimal:
    invoice = next(r for r in rows(run, "list", "invoices", path) if r["number"] == number)
    return Decimal(invoice["outstanding"])


def snapshot(run, path) -> tuple[str, int]:
    """The trial balance as CSV and the number of payments."""
    balance = run("trial-balance", path, "--csv", "-")[1]
    return balance, len(rows(run, "list", "payments", path))


def test_over_allocation_is_refused_and_changes_nothing(run, book_copy):
    invoice = open_invoice(run, book_copy)
    outstanding = Decimal(invoice["outstanding"])
    too_much = outstanding + Decimal("10.00")
    before = snapshot(run, book_copy)
    status, out, err = run(
        "pay", book_copy, "--contact", invoice["contact"], "--amount", too_much,
        "--date", "2026-01-15", "--allocate", f"{invoice['number']}={too_much}",
    )
    assert status == 1 and not out
    assert "not recorded" in err and "Traceback" not in err
    assert f"the {outstanding} outstanding on {invoice['number']}" in err
    assert f"at most {outstanding} can be allocated" in err
    assert snapshot(run, book_copy) == before


def test_every_problem_is_listed(run, book_copy):
    invoice = open_invoice(run, book_copy)
    outstanding = Decimal(invoice["outstanding"])
    status, _, err = run(
        "pay", book_copy, "--contact", invoice["contact"], "--amount", "1.00",
        "--date", "2026-01-15", "--allocate", f"{invoice['number']}={outstanding + 1}",
    )
    assert status == 1
    problems = err.splitlines()[1:]
    assert len(problems) >= 2
    label = f"allocations[0].amount ({invoice['number']}):"
    assert any(p.strip().startswith(label) for p in problems)
    assert any(p.strip().startswith("allocations:") for p in problems)


def test_successful_payment_reduces_outstanding(run, book_copy):
    invoice = open_invoice(run, book_copy)
    before = Decimal(invoice["outstanding"])
    part = min(before, Decimal("10.00"))
    count = len(rows(run, "list", "payments", book_copy))
    status, out, err = run(
        "pay", book_copy, "--contact", invoice["contact"], "--amount", part,
        "--date", "2026-01-15", "--allocate", f"{invoice['number']}={part}",
        "--reference", "test receipt",
    )
    assert status == 0, err
    assert out.startswith("Recorded payment ") and "customer receipt" in out
    assert outstanding_of(run, book_copy, invoice["number"]) == before - part
    assert len(rows(run, "list", "payments", book_copy)) == count + 1
    assert run("check", book_copy)[0] == 0


def test_excess_kept_as_credit(run, book_copy):
    invoice = open_invoice(run, book_copy)
    outstanding = Decimal(invoice["outstanding"])
    status, out, err = run(
        "pay", book_copy, "--contact", invoice["contact"], "--amount", outstanding + 25,
        "--date", "2026-01-15", "--allocate", f"{invoice['number']}={outstanding}",
        "--keep-excess-as-credit",
    )
    assert status == 0, err
    assert "Kept 25.00" in out and "as credit CC-" in out
    assert outstanding_of(run, book_copy, invoice["number"]) == 0
    assert run("check", book_copy)[0] == 0


@pytest.mark.parametrize("amount", ["1,5", "1,234.56", "1e5", "NaN", "inf", "-", "12.", ""])
def test_bad_amount_is_one_line(run, book_copy, amount):
    status, out, err = run(
        "pay", book_copy, "--contact", "x", "--amount", amount, "--date", "2026-01-15",
    )
    assert status == 2 and not out
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "not an amount" in err


def test_too_many_decimal_places(run, book_copy):
    invoice = open_invoice(run, book_copy)
    status, _, err = run(
        "pay", book_copy, "--contact", invoice["contact"], "--amount", "1.005",
        "--date", "2026-01-15", "--allocate", f"{invoice['number']}=1.005",
    )
    assert status == 1 and len(err.splitlines()) == 1 and "decimal places" in err


def test_unknown_contact_and_document(run, book_copy):
    status, _, err = run("pay", book_copy, "--contact", "Nobody at all", "--amount", "5",
                         "--date", "2026-01-15")
    assert status == 1 and len(err.splitlines()) == 1 and "Nobody at all" in err
    invoice = open_invoice(run, book_copy)
    status, _, err = run("pay", book_copy, "--contact", invoice["contact"], "--amount", "5",
                         "--date", "2026-01-15", "--allocate", "INV-99999=5")
    assert status == 1 and len(err.splitlines()) == 1 and "INV-99999" in err


def test_bad_allocation_syntax(run, book_copy):
    status, _, err = run("pay", book_copy, "--contact", "x", "--amount", "5",
                         "--date", "2026-01-15", "--allocate", "INV-00001")
    assert status == 2 and len(err.splitlines()) == 1 and "DOCUMENT=AMOUNT" in err


@pytest.mark.parametrize("text", ["0", "12", "1234.56", "-3.50"])
def test_plain_amounts_parse_exactly(text):
    assert parse_amount(text) == Decimal(text)


def test_a_bank_code_with_a_line_break_is_refused_on_one_line(run, book_copy):
    invoice = open_invoice(run, book_copy)
    before = snapshot(run, book_copy)
    status, out, err = run(
        "pay", book_copy, "--contact", invoice["contact"], "--amount", "1",
        "--date", "2026-01-15", "--bank", "10\n00", "--allocate", f"{invoice['number']}=1",
    )
    assert status == 1 and not out
    header, problem = err.splitlines()  # the refusal, then one line per problem
    assert "not recorded" in header
    assert problem == ("  bank_account: There is no account '10\\n00'; the bank accounts are "
                       "1000 Bank, 1010 Savings.")
    assert snapshot(run, book_copy) == before
