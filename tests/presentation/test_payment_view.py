"""A payment's detail and voiding it, without Qt: what is shown, what the question says,
and how undoing a void honestly records the payment again."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.presentation.payment_detail import PaymentView


@pytest.fixture
def paid(issue, customer, pay):
    first, _ = issue(customer, "100", issue_date=dt.date(2024, 1, 1))
    second, _ = issue(customer, "50", issue_date=dt.date(2024, 1, 20))
    return first, second, pay(customer, "130", (first, "100"), (second, "20"), keep=True)


def test_the_detail_names_every_field_and_document_in_the_locale(session, paid):
    view = PaymentView(session, paid[2].payment_id)
    fields = dict(view.fields())
    assert fields["Number"] == payment_number(paid[2].payment_id)
    assert fields["Amount"] == "130,00 EUR" and fields["Contact"] == "Acme Retail"
    assert fields["Unallocated"].startswith("10,00 kept as credit CC-")
    assert fields["Status"] == "Recorded" and not view.banner
    assert [(r.amount, r.outstanding, r.after_void) for r in view.rows()] == [
        ("100,00", "0,00", "100,00"), ("20,00", "30,00", "50,00")]


def test_the_question_says_what_voiding_does_to_each_document(session, paid):
    view = PaymentView(session, paid[2].payment_id)
    question = view.void_question()
    assert question.startswith(f"Void payment {view.number} of 130,00 EUR from Acme Retail?")
    assert "goes from 0,00 to 100,00 outstanding" in question
    assert "goes from 30,00 to 50,00 outstanding" in question
    assert "the credit CC-" in question


def test_void_then_undo_records_an_equal_new_payment_and_redo_voids_it(
        session, paid, owed):
    first, second, recorded = paid
    view = PaymentView(session, recorded.payment_id)
    step = view.void()
    assert view.voided and "is void" in view.banner
    assert step.text == f"void payment {view.number} (undo records it again as a new payment)"
    assert (owed(first), owed(second)) == (100, 50)
    message = step.undo()
    assert f"Undid the void of {view.number}: it stays void" in message
    assert (owed(first), owed(second)) == (0, 30)
    again = PaymentView(session, step.payment_id)
    assert again.number != view.number and not again.voided
    assert step.text.startswith(f"void payment {again.number}")
    step.redo()
    assert (owed(first), owed(second)) == (100, 50)


def test_undo_is_refused_when_the_documents_no_longer_owe_that_much(
        session, paid, pay, customer, owed):
    first, second, recorded = paid
    step = PaymentView(session, recorded.payment_id).void()
    pay(customer, "60", (first, "60"))  # someone paid part of the first invoice meanwhile
    with pytest.raises(NotAllowed) as refused:
        step.undo()
    assert "now has 40,00 outstanding, less than the 100,00" in str(refused.value)
    assert str(refused.value).endswith("Nothing was recorded.")
    assert (owed(first), owed(second)) == (40, 50)


def test_a_used_kept_credit_blocks_the_void_with_a_reason(session, paid, issue, customer):
    from ledgerdesk.services.commands import AllocationInput, ApplyCredit
    from ledgerdesk.services.credits import apply_credit

    other, _ = issue(customer, "10")
    apply_credit(session.book, ApplyCredit(credit_id=paid[2].credit_id, date=session.today,
                                           allocations=[AllocationInput(document_id=other,
                                                                        amount=10)]))
    view = PaymentView(session, paid[2].payment_id)
    assert "has been applied" in view.void_blocker
    with pytest.raises(NotAllowed):
        view.void()
    assert not PaymentView(session, paid[2].payment_id).voided
