"""Applying a credit note, without Qt: oldest-due first, live checks with exact maxima,
save, and undo by voiding the application."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.credit_editor import CreditEditor


@pytest.fixture
def note(issue, customer):
    """Acme Retail owes 100.00 (due first) and 50.00, and has an 80.00 credit note."""
    older = issue(customer, "100", issue_date=dt.date(2024, 1, 1))[0]
    newer = issue(customer, "50", issue_date=dt.date(2024, 1, 20))[0]
    credit = issue(customer, "80", DocumentKind.SALES_CREDIT_NOTE)[0]
    return older, newer, credit


def test_the_credit_is_proposed_oldest_due_first(session, note):
    editor = CreditEditor(session, note[2])
    assert [row.document.id for row in editor.rows] == [note[0], note[1]]
    assert [row.text for row in editor.rows] == ["80,00", ""]
    assert editor.row_message(0) == "100,00 outstanding − 80,00 this credit note = 20,00 remains"
    assert editor.summary.endswith("; all of it is used.")
    assert editor.title.endswith("to invoices") and "80,00 EUR left to apply" in editor.heading
    assert editor.can_save


def test_too_much_names_the_exact_maximum_and_blocks_saving(session, note):
    editor = CreditEditor(session, note[2])
    editor.set_allocation_text(1, "30,00")
    message = editor.row_message(1)
    assert "more than this credit note's 80,00" in message
    assert "at most 0,00 can be allocated to" in message
    assert editor.row_check(1) == "⚠ at most 0,00"
    assert not editor.can_save
    editor.set_allocation_text(0, "50,00")
    assert editor.row_message(0) == "100,00 outstanding − 50,00 this credit note = 50,00 remains"
    assert editor.can_save and editor.summary.endswith("all of it is used.")
    editor.set_allocation_text(1, "60,00")
    assert "60,00 is more than the 50,00 outstanding" in editor.grid_message
    assert not editor.can_save


def test_saving_applies_and_undo_gives_everything_back(session, note, owed):
    editor = CreditEditor(session, note[2])
    editor.set_allocation_text(0, "50,00")
    editor.set_allocation_text(1, "30,00")
    step = editor.save()
    assert step is not None and step.text.startswith("apply credit note CN-")
    assert (owed(note[0]), owed(note[1]), owed(note[2])) == (50, 20, 0)
    step.undo()
    assert (owed(note[0]), owed(note[1]), owed(note[2])) == (100, 50, 80)
    step.redo()
    assert owed(note[2]) == 0


def test_a_change_meanwhile_keeps_the_input_and_shows_fresh_numbers(session, note, pay,
                                                                     customer):
    editor = CreditEditor(session, note[2])
    editor.set_allocation_text(0, "80,00")
    pay(customer, "90", (note[0], "90"))  # another window paid most of the first invoice
    assert editor.save() is None
    assert "The book changed" in editor.save_error
    assert editor.rows[0].text == "80,00"
    assert editor.rows[0].document.outstanding.amount == 10
    assert "at most 10,00" in editor.row_message(0)


def test_a_bad_amount_keeps_the_text(session, note):
    editor = CreditEditor(session, note[2])
    editor.set_allocation_text(0, "8O,00")
    assert editor.rows[0].text == "8O,00" and editor.row_check(0) == "⚠ not an amount"
    assert not editor.can_save


def test_a_foreign_credit_is_applied_in_its_own_currency(session_for, customer, issue):
    from decimal import Decimal

    from ledgerdesk.presentation.credit_editor import CreditEditor as Editor

    issue(customer, "100", currency="JPY", exchange_rate=Decimal("0.0062"))
    credit, _ = issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE, currency="JPY",
                      exchange_rate=Decimal("0.0062"))
    editor = Editor(session_for("en_US"), credit)
    assert editor.currency == "JPY"
    assert [row.text for row in editor.rows] == ["30"]  # yen: no decimals
    assert "30 JPY left to apply" in editor.heading
    assert editor.save() is not None
