"""The payment form's logic, without Qt: live checks, locale amounts, saving, undo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.history import RecordPaymentStep
from ledgerdesk.presentation.payment_editor import PaymentEditor


@pytest.fixture
def invoices(issue, customer):
    """Two invoices of Acme Retail: 100.00 due first, then 50.00."""
    older = issue(customer, "100", issue_date=dt.date(2024, 1, 1))[0]
    newer = issue(customer, "50", issue_date=dt.date(2024, 1, 20))[0]
    return older, newer


@pytest.fixture
def editor(session, customer, invoices) -> PaymentEditor:
    form = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
    form.set_contact(customer, "Acme Retail")
    return form


def test_choosing_a_contact_lists_their_open_documents_oldest_first(editor, invoices):
    assert [row.document.id for row in editor.rows] == list(invoices)
    assert editor.row_message(0) == "100,00 outstanding"
    assert not editor.can_save  # no amount yet


def test_a_german_amount_is_spread_oldest_due_first(editor):
    editor.set_amount_text("120,00")
    assert [row.text for row in editor.rows] == ["100,00", "20,00"]
    assert editor.row_message(0) == "100,00 outstanding − 100,00 this payment = paid in full"
    assert editor.row_message(1) == "50,00 outstanding − 20,00 this payment = 30,00 remains"
    assert editor.summary == "Allocated 120,00 of 120,00."
    assert editor.can_save


def test_over_allocating_names_the_outstanding_and_the_exact_maximum(editor):
    editor.set_amount_text("150,00")
    editor.set_allocation_text(0, "130,00")
    message = editor.row_message(0)
    assert "130,00 is more than the 100,00 outstanding" in message
    assert "at most 100,00 can be allocated" in message
    assert editor.row_is_wrong(0) and not editor.can_save
    editor.set_allocation_text(0, "100,00")
    assert not editor.row_is_wrong(0) and editor.can_save


def test_the_maximum_leaves_room_for_the_other_allocations(editor):
    editor.set_amount_text("120,00")
    editor.set_allocation_text(1, "50,00")  # 100 + 50 > 120
    assert "at most 20,00 can be allocated to INV-00002" in editor.row_message(1)
    assert editor.row_is_wrong(1) and not editor.can_save
    assert "150,00, more than this payment's 120,00" in editor.amount_message


def test_a_bad_entry_keeps_the_text_and_says_why(editor):
    editor.set_amount_text("100,00")
    editor.set_allocation_text(0, "12,3,4")
    assert editor.rows[0].text == "12,3,4"
    assert editor.row_message(0) and editor.row_is_wrong(0) and not editor.can_save
    editor.set_amount_text("1.234.5")  # German grouping in the wrong place
    assert editor.amount_text == "1.234.5" and editor.amount_message
    assert not editor.can_save


def test_an_excess_needs_the_explicit_keep_as_credit_choice(editor):
    editor.set_amount_text("200,00")
    assert "50,00 of this 200,00 payment is not allocated" in editor.amount_message
    assert not editor.can_save
    editor.set_keep_excess_as_credit(True)
    assert editor.can_save and editor.summary.endswith("50,00 kept as credit.")


def test_saving_records_once_and_undo_voids_it(editor, invoices, state, owed):
    before = state()
    editor.set_amount_text("120,00")
    result = editor.save()
    assert result is not None
    assert owed(invoices[0]) == 0 and owed(invoices[1]) == Decimal(30)
    assert editor.save().already_recorded  # a second click records nothing new
    step = RecordPaymentStep(editor.session, editor.command(), result.payment_id,
                             editor.describe())
    assert step.text == "record payment of 120,00 EUR from Acme Retail"
    step.undo()
    def non_zero(balances):
        return {code: value for code, value in balances.items() if value}

    assert non_zero(state()["balances"]) == non_zero(before["balances"])
    assert owed(invoices[0]) == Decimal(100)
    step.redo()
    assert owed(invoices[0]) == 0


def test_a_payment_made_elsewhere_meanwhile_is_caught_on_save(editor, customer, invoices, pay,
                                                             owed):
    editor.set_amount_text("100,00")
    pay(customer, "60", (invoices[0], "60"))  # another window pays 60 first
    assert editor.save() is None
    assert "The book changed while you were typing" in editor.save_error
    assert editor.rows[0].text == "100,00"  # what the user typed stays
    assert "at most 40,00" in editor.row_message(0)
    assert owed(invoices[0]) == Decimal(40)


def test_english_and_french_amounts(session_for, customer, invoices):
    for locale, typed, shown in (("en_US", "1,000.50", "100.00"),
                                 ("fr_FR", "1 000,50", "100,00")):
        form = PaymentEditor(session_for(locale), PaymentKind.CUSTOMER_RECEIPT)
        form.set_contact(customer, "Acme Retail")
        form.set_keep_excess_as_credit(True)
        form.set_amount_text(typed)
        assert form.amount == Decimal("1000.50"), locale
        assert form.rows[0].text == shown
