"""The import wizard without Qt: mapping, options, the preview's life, bank line choices."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.presentation.import_lines import SKIP
from ledgerdesk.presentation.import_wizard import ImportWizard, run
from ledgerdesk.services.imports import ImportKind


def write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path


def previewed(session, kind: ImportKind, path: Path) -> ImportWizard:
    wizard = ImportWizard(session)
    assert wizard.choose(kind, path) == ""
    wizard.show(run(session.book, wizard.request(commit=False)))
    return wizard


def test_a_column_given_to_another_field_leaves_the_first(session, tmp_path):
    path = write(tmp_path / "c.csv", [["Name", "Company"], ["Ann Lee", "Acme Retail"]])
    wizard = ImportWizard(session)
    wizard.choose(ImportKind.CONTACTS, path)
    name = next(f for f in wizard.fields() if f.name == "name")
    assert (name.header, name.sample, name.required) == ("Name", "Ann Lee", True)
    wizard.set_column("email", "Name")
    fields = {f.name: f for f in wizard.fields()}
    assert fields["email"].sample == "Ann Lee" and fields["name"].header == ""
    assert wizard.mapping_error().startswith("No column for name")
    wizard.set_column("name", "Company")
    assert wizard.mapping_error() == "" and wizard.fields()[0].sample == "Acme Retail"


def test_changing_an_option_drops_the_preview_so_import_waits_for_a_new_one(
        session, tmp_path):
    path = write(tmp_path / "i.csv", [["Customer", "Date", "Price"],
                                      ["New Shop", "2024-03-01", "10.00"]])
    wizard = previewed(session, ImportKind.INVOICES, path)
    assert not wizard.can_import and "no contact named 'New Shop'" in wizard.rows()[0].detail
    wizard.set_options(create_contacts=True, bank_account=None)
    assert wizard.preview is None and not wizard.can_import
    wizard.show(run(session.book, wizard.request(commit=False)))
    assert wizard.can_import
    assert [r.detail for r in wizard.rows()] == [
        "contact New Shop (new, customer)", "invoice INV-00001 for New Shop, 10,00"]  # German
    assert "cannot be undone" in wizard.confirmation() and "2 records" in wizard.confirmation()


def test_a_tie_waits_for_the_user_and_a_line_can_be_skipped(
        session, tmp_path, add_contact, issue):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    first, _ = issue(acme, "100")
    second, _ = issue(acme, "100")
    path = write(tmp_path / "b.csv", [["Date", "Amount", "Reference"],
                                      ["2024-02-01", "100.00", "INV-00002"],
                                      ["2024-02-02", "100.00", "thanks Acme"]])
    wizard = previewed(session, ImportKind.BANK, path)
    lines = wizard.lines
    assert lines is not None and lines.chosen == {2: second}
    assert [r.choice for r in lines.rows()] == ["INV-00002 Acme Retail", SKIP]
    assert [o.document_id for o in lines.options(3)] == [first, second, None]
    lines.choose(3, first)
    lines.choose(2, None)
    assert lines.chosen == {3: first} and wizard.recorded_lines == 1
    lines.choose(3, 999)  # not one of its suggestions: ignored
    assert lines.chosen == {3: first}
    assert wizard.request(commit=True).options.choices == {3: first}


def test_a_line_paying_more_than_its_document_owes_waits_for_keep_the_excess(
        session, tmp_path, add_contact, issue, pay, owed):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    invoice, _ = issue(acme, "100")
    pay(acme, "99.81", (invoice, "99.81"))
    path = write(tmp_path / "b.csv", [["Date", "Amount", "Documents"],
                                      ["2024-02-01", "4.00", "INV-00001"]])
    wizard = previewed(session, ImportKind.BANK, path)
    lines = wizard.lines
    assert lines is not None and wizard.rows() == []  # not a problem of the file: a choice
    assert not wizard.can_import
    assert "1 line pays more than its documents owe" in wizard.summary()
    excess = lines.excess(2)
    assert excess is not None and (excess.owed, excess.excess) == (Decimal("0.19"),
                                                                  Decimal("3.81"))
    assert lines.rows()[0].why == ("pays INV-00001, which owes 0,19: tick “Keep the excess "
                                   "as credit” to keep 3,81 as Acme Retail’s credit")
    assert lines.keep_text(2) == "Keep the excess 3,81 as Acme Retail’s credit"
    lines.keep_excess(2, True)
    assert wizard.can_import and "will be recorded" in wizard.summary()
    assert lines.rows()[0].why == "3,81 kept as Acme Retail’s credit"
    request = wizard.request(commit=True)
    assert request.options.keep_excess == frozenset({2})
    assert run(session.book, request).committed and owed(invoice) == 0
    lines.keep_excess(2, False)
    assert not wizard.can_import


def test_keep_the_excess_is_only_offered_for_a_line_with_an_excess(
        session, tmp_path, add_contact, issue):
    acme = add_contact("Acme Retail", ContactRole.CUSTOMER)
    issue(acme, "100")
    path = write(tmp_path / "b.csv", [["Date", "Amount", "Documents"],
                                      ["2024-02-01", "40.00", "INV-00001"]])
    wizard = previewed(session, ImportKind.BANK, path)
    assert wizard.lines is not None and wizard.lines.excess(2) is None
    wizard.lines.keep_excess(2, True)  # nothing to keep: ignored
    assert wizard.request(commit=True).options.keep_excess == frozenset()
    assert wizard.can_import
