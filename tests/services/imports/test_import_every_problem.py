"""A bad row lists every problem it has at once: a user fixes the file once, not once per
problem.  An unreadable cell no longer hides the row's other cells, its contact or its
accounts, and no problem is said twice."""

from __future__ import annotations

import pytest

from ledgerdesk.domain.contacts import ContactRole

HEADER = ["number", "contact", "issue_date", "description", "quantity", "unit_price",
          "account", "tax_rate"]


def problems_by_row(preview) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for problem in preview.problems:
        found.setdefault(problem.row, []).append(problem.column)
    return found


@pytest.fixture
def acme(add_contact):
    return add_contact("Acme Retail", ContactRole.CUSTOMER)


def test_an_invoice_row_lists_its_bad_date_and_its_bad_amount(acme, csv_file, run_import):
    path = csv_file([HEADER, ["A-1", "Acme Retail", "2024-13-45", "Desk", "1", "8x5", "4000",
                              "20"]])
    preview = run_import(path, "invoices", dry_run=True)
    assert sorted(problems_by_row(preview)[2]) == ["issue_date", "unit_price"]


def test_a_bad_cell_does_not_hide_the_rows_unknown_contact_and_account(acme, csv_file,
                                                                       run_import):
    path = csv_file([HEADER,
                     ["A-1", "Nobody Ltd", "2024-01-45", "Desk", "1", "85", "9999", "20"],
                     ["A-2", "Acme Retail", "2024-01-15", "Desk", "1", "85x", "9999", "20"],
                     ["A-3", "Nobody Ltd", "2024-01-15", "Desk", "1", "85", "9999", "20"]])
    preview = run_import(path, "invoices", dry_run=True)
    assert {row: sorted(columns) for row, columns in problems_by_row(preview).items()} == {
        2: ["account", "contact", "issue_date"],
        3: ["account", "unit_price"],
        4: ["account", "contact"],
    }
    reasons = {(p.row, p.column): p.reason for p in preview.problems}
    assert "no contact named 'Nobody Ltd'" in reasons[2, "contact"]
    assert "no account '9999'" in reasons[2, "account"]
    assert "'2024-01-45' is not a real date" in reasons[2, "issue_date"]
    assert not preview.created  # nothing is created while any row is bad


def test_each_problem_is_said_once(acme, csv_file, run_import):
    """The placeholders that let the other checks run never add problems of their own: an
    unreadable price is not also 'the total must be more than zero'."""
    path = csv_file([HEADER, ["A-1", "", "", "Desk", "-x", "", "", ""]])
    preview = run_import(path, "invoices", dry_run=True)
    assert sorted((p.column, p.reason) for p in preview.problems) == sorted([
        ("contact", "is empty; every document needs a contact"),
        ("issue_date", "is empty; it is required"),
        ("quantity", "'-x' is not a number; write it like 1234.50"),
        ("unit_price", "is empty; it is required"),
    ])


def test_a_contact_row_lists_its_bad_role_terms_and_email(csv_file, run_import):
    path = csv_file([["name", "role", "email", "payment_terms_days"],
                     ["Zed", "vendor", "not-an-email", "thirty"]])
    preview = run_import(path, "contacts", dry_run=True)
    assert sorted(problems_by_row(preview)[2]) == ["email", "payment_terms_days", "role"]


def test_a_bank_line_lists_its_zero_amount_and_its_bad_kind(csv_file, run_import):
    path = csv_file([["date", "amount", "kind"], ["2024-02-30", "0", "gift"]])
    preview = run_import(path, "bank", dry_run=True)
    assert sorted(problems_by_row(preview)[2]) == ["amount", "date", "kind"]
