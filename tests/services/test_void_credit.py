"""Voiding a credit application: both allocation rows released, audited, refused twice."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.services.commands import AllocationInput, ApplyCredit
from ledgerdesk.services.credits import apply_credit, void_credit_application
from ledgerdesk.services.payments import void_payment
from ledgerdesk.services.queries import check_book


def apply(book, credit_id: int, day, *targets: tuple[int, str]) -> int:
    return apply_credit(book, ApplyCredit(credit_id=credit_id, date=day, allocations=[
        AllocationInput(document_id=d, amount=Decimal(a)) for d, a in targets]))


def test_void_gives_both_documents_their_outstanding_back(
    book, customer, issue, owed, state, day
) -> None:
    invoice, _ = issue(customer, "100")
    other, _ = issue(customer, "50")
    note, _ = issue(customer, "80", DocumentKind.SALES_CREDIT_NOTE)
    before = state()
    application = apply(book, note, day, (invoice, "60"), (other, "20"))
    assert (owed(invoice), owed(other), owed(note)) == (40, 30, 0)
    void_credit_application(book, application)
    assert state() == before  # outstanding back, and no journal entry either way
    with book.read() as tx:
        assert tx.get_credit_application(application).voided
    assert check_book(book).ok
    conn = sqlite3.connect(book.path)
    audit = conn.execute("SELECT action, entity, entity_id, detail FROM audit_log"
                         " ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert audit[:3] == ("void", "credit_application", application)
    assert '"allocations_voided": 4' in audit[3]


def test_second_void_and_unknown_id_are_refused(book, customer, issue, day) -> None:
    invoice, _ = issue(customer, "100")
    note, _ = issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE)
    application = apply(book, note, day, (invoice, "30"))
    void_credit_application(book, application)
    with pytest.raises(NotAllowed, match="already void"):
        void_credit_application(book, application)
    with pytest.raises(NotFound):
        void_credit_application(book, 999)


def test_unapplying_a_kept_credit_lets_its_payment_be_voided(
    book, customer, issue, pay, owed, day
) -> None:
    invoice, _ = issue(customer, "100")
    kept = pay(customer, "25", keep=True)
    application = apply(book, kept.credit_id, day, (invoice, "25"))
    with pytest.raises(NotAllowed):
        void_payment(book, kept.payment_id, day)
    void_credit_application(book, application)
    void_payment(book, kept.payment_id, day)
    assert owed(invoice) == 100
    assert check_book(book).ok
