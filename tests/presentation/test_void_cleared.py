"""The window's ways of voiding a payment (Void in its detail, Undo of recording it) are
refused, when a reconciliation cleared it, with the command line's sentence less the
command: the window cannot run one, and names the reconciliation to undo instead."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.presentation.history import RecordPaymentStep
from ledgerdesk.presentation.payment_detail import PaymentView
from ledgerdesk.services.reconciliation import finish_reconciliation, start_reconciliation

JAN_END = dt.date(2024, 1, 31)


def test_void_and_undo_of_a_cleared_payment_are_refused_naming_the_reconciliation(
        session, issue, customer, command, pay):
    invoice, _ = issue(customer, "100")
    paid = pay(customer, "100", (invoice, "100"))
    draft = start_reconciliation(session.book, "1000", JAN_END, Decimal("100"))
    finish_reconciliation(session.book, "1000", JAN_END, Decimal("100"), draft.all_ids)
    said = (f"PAY-{paid.payment_id:05d} is cleared in reconciliation 1 of 1000 Bank "
            "(statement 2024-01-31): undo that reconciliation first.")
    view = PaymentView(session, paid.payment_id)
    with pytest.raises(NotAllowed) as refused:
        view.void()
    assert str(refused.value) == said
    step = RecordPaymentStep(session, command(customer, "100", (invoice, "100")),
                             paid.payment_id, "record payment")
    with pytest.raises(NotAllowed) as refused:
        step.undo()
    assert str(refused.value) == said
    assert not PaymentView(session, paid.payment_id).voided
