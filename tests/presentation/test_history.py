"""Undo steps that name the same payment, without Qt: undoing a void records a *new*
payment, so every step that named the old one must act on the new one from then on."""

from __future__ import annotations

from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.presentation.history import RecordPaymentStep, VoidPaymentStep
from ledgerdesk.services.payments import void_payment


def live(book) -> list[int]:
    return [p.id for p in book.queries().list_payments() if not p.voided]


def test_undoing_a_recording_voids_the_payment_that_replaced_it(
        session, book, issue, customer, pay, command, owed):
    invoice, _ = issue(customer, "100")
    recorded = pay(customer, "60", (invoice, "60"))
    record = RecordPaymentStep(session, command(customer, "60", (invoice, "60")),
                               recorded.payment_id, "record payment")
    void_payment(book, recorded.payment_id, session.today)
    void = VoidPaymentStep(session, recorded.payment_id)
    void.undo()  # records it again: a new payment
    (again,) = live(book)
    assert again != recorded.payment_id
    record.undo()  # voids the one that is live now
    assert live(book) == [] and owed(invoice) == 100
    record.redo()
    (third,) = live(book)
    assert void.text.startswith(f"void payment {payment_number(third)} ")
    void.redo()
    assert live(book) == [] and owed(invoice) == 100
