"""Contacts from CSV: the mapping, text kept as text, and all rows or none."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.services.imports import ColumnMapping, ImportKind, MappingError

FORMULA = '=HYPERLINK("http://x","y")'
HEADER = ["name", "role", "email", "receivable", "payable"]  # what `list contacts --csv` writes


def hundred_rows() -> list[list[str]]:
    return [[f"Customer {i:03}", "customer", f"c{i}@example.com", "0.00", "0.00"]
            for i in range(100)]


def test_our_export_headers_map_themselves_and_the_rest_is_listed():
    mapping = ColumnMapping.default(ImportKind.CONTACTS, tuple(HEADER))
    assert set(mapping.columns) == {"name", "role", "email"}
    assert mapping.unused_headers() == ["receivable", "payable"]


def test_default_mapping_ignores_case_spaces_and_punctuation():
    mapping = ColumnMapping.default(ImportKind.CONTACTS, ("E-Mail", " NAME ", "Payment Terms"))
    assert mapping.columns == {"name": 1, "email": 0, "payment_terms_days": 2}


def test_user_mapping_wins_and_a_missing_required_field_is_named():
    headers = ("Company name", "Mail")
    with pytest.raises(MappingError, match=r"No column for name.*'Company name'"):
        ColumnMapping.default(ImportKind.CONTACTS, headers).check()
    mapping = ColumnMapping.default(ImportKind.CONTACTS, headers).with_overrides(
        {"name": "company NAME", "email": "Mail"})
    mapping.check()
    assert mapping.columns == {"name": 0, "email": 1}
    with pytest.raises(MappingError, match="no column 'Phone'"):
        mapping.with_overrides({"name": "Phone"})
    with pytest.raises(MappingError, match="no field 'phone'"):
        mapping.with_overrides({"phone": "Mail"})


def test_imports_every_row_with_its_role_and_terms(book, csv_file, run_import):
    path = csv_file([["Name", "Role", "Email", "Terms"],
                     ["Acme Retail", "Customer", "ap@acme.example", "14"],
                     ["Paper Supplies", "supplier", "", ""]])
    preview = run_import(path, "contacts")
    assert preview.ok and preview.committed and preview.rows == 2
    with book.read() as tx:
        acme, paper = tx.find_contact("acme retail"), tx.find_contact("Paper Supplies")
    assert (acme.role, acme.email, acme.payment_terms_days) == (
        ContactRole.CUSTOMER, "ap@acme.example", 14)
    assert (paper.role, paper.payment_terms_days) == (ContactRole.SUPPLIER, 30)


def test_a_postal_address_comes_in_with_its_lines(book, csv_file, run_import):
    path = csv_file([["Name", "Billing address"],
                     ["Harbour Lights", "3 Quay Street\nFalmouth\nTR11 3HH"]])
    assert run_import(path, "contacts").committed
    with book.read() as tx:
        assert tx.find_contact("Harbour Lights").address == "3 Quay Street\nFalmouth\nTR11 3HH"


def test_a_formula_named_contact_survives_as_text(contact_names, csv_file, run_import):
    guarded = "'" + FORMULA  # as our exporter writes it
    path = csv_file([HEADER, [guarded, "customer", "", "0.00", "0.00"],
                     ["@SUM(1)", "both", "", "0.00", "0.00"]])
    assert run_import(path, "contacts").committed
    assert sorted(contact_names()) == sorted([FORMULA, "@SUM(1)"])


def test_one_bad_row_among_a_hundred_imports_nothing_and_names_it(
    contact_names, csv_file, run_import
):
    rows = hundred_rows()
    rows[56][1] = "vendor"  # spreadsheet row 58: the header is row 1
    preview = run_import(csv_file([HEADER, *rows]), "contacts")
    assert not preview.committed and contact_names() == []
    assert [(p.row, p.column) for p in preview.problems] == [(58, "role")]
    assert "'vendor' is not a role" in preview.problems[0].reason


def test_a_name_already_in_the_book_or_twice_in_the_file_is_refused(
    contact_names, csv_file, run_import, add_contact
):
    add_contact("Acme Retail")
    path = csv_file([["name"], ["ACME RETAIL"], ["New One"], ["new one"]])
    preview = run_import(path, "contacts")
    assert [(p.row, p.column) for p in preview.problems] == [(2, "name"), (4, "name")]
    assert "already a contact named" in preview.problems[0].reason
    assert "already on row 3" in preview.problems[1].reason
    assert contact_names() == ["Acme Retail"]


def test_dry_run_lists_what_it_would_create_and_writes_nothing(
    contact_names, csv_file, run_import
):
    preview = run_import(csv_file([HEADER, *hundred_rows()[:3]]), "contacts", dry_run=True)
    assert preview.ok and not preview.committed
    assert [c.what for c in preview.created] == [f"contact Customer {i:03}" for i in range(3)]
    assert contact_names() == []


CORRUPTIONS = {
    "name": ("", "is empty"),
    "role": ("seller", "is not a role"),
    "email": ("not-an-email", "is not an email address"),
    "payment_terms_days": ("-3", "whole number"),
}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=st.integers(0, 99), field=st.sampled_from(sorted(CORRUPTIONS)))
def test_any_single_corrupted_row_imports_nothing_and_is_named(
    contact_names, csv_file, run_import, row, field
):
    header = ["name", "role", "email", "payment_terms_days"]
    rows = [[f"Contact {i}", "both", f"c{i}@example.com", "30"] for i in range(100)]
    bad, says = CORRUPTIONS[field]
    rows[row][header.index(field)] = bad
    preview = run_import(csv_file([header, *rows]), "contacts")
    assert contact_names() == []
    assert [(p.row, p.column) for p in preview.problems] == [(row + 2, field)]
    assert says in preview.problems[0].reason


def test_progress_counts_the_writes_and_raising_from_it_cancels_everything(
    contact_names, csv_file, run_import
):
    path = csv_file([HEADER, *hundred_rows()[:5]])
    seen = []

    def cancel_at_three(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 3:
            raise KeyboardInterrupt  # what a Cancel button's exception does

    with pytest.raises(KeyboardInterrupt):
        run_import(path, "contacts", progress=cancel_at_three)
    assert seen == [(0, 5), (1, 5), (2, 5), (3, 5)]
    assert contact_names() == []
