"""One payment as its detail view shows it, and the command that records it again.

Read in one snapshot: the payment, its contact and bank account, each allocated document
with what it has outstanding now, and the credit that keeps its excess (if any).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import OpenDocument, Payment
from ledgerdesk.domain.problems import NotFound
from ledgerdesk.services.commands import AllocationInput, RecordPayment
from ledgerdesk.services.ports import Book


@dataclass(frozen=True, slots=True)
class PaidDocument:
    document: OpenDocument  # as it is now: number, kind, total, outstanding
    amount: Money  # what this payment allocated to it


@dataclass(frozen=True, slots=True)
class PaymentDetail:
    payment: Payment
    contact_name: str
    bank_account: str  # "1200 Bank account"
    documents: list[PaidDocument]
    kept_credit: OpenDocument | None  # the credit that keeps the excess
    kept_credit_used: bool  # something applied it, so the payment cannot be voided yet

    @property
    def id(self) -> int:
        assert self.payment.id is not None
        return self.payment.id


def load_payment(book: Book, payment_id: int) -> PaymentDetail:
    with book.read() as tx:
        payment = tx.get_payment(payment_id)
        if payment is None:
            raise NotFound(_("There is no payment with id {payment_id}.").format(
                               payment_id=payment_id))
        contact = tx.get_contact(payment.contact_id)
        account = tx.accounts().get(payment.bank_account_code)
        fresh = tx.open_documents(a.document_id for a in payment.allocations)
        credit_doc = tx.prepayment_of(payment_id)
        credit = used = None
        if credit_doc is not None and credit_doc.id is not None:
            credit = tx.open_documents([credit_doc.id]).get(credit_doc.id)
            used = tx.active_allocations_on(credit_doc.id) > 0
    return PaymentDetail(
        payment=payment, contact_name=contact.name if contact else "",
        bank_account=f"{account.code} {account.name}" if account else payment.bank_account_code,
        documents=[PaidDocument(fresh[a.document_id], a.amount) for a in payment.allocations
                   if a.document_id in fresh],
        kept_credit=credit, kept_credit_used=bool(used),
    )


def record_again(payment: Payment) -> RecordPayment:
    """A command for an equal payment (same date, amount, allocations, kept credit) with a
    new client token, so it is recorded as a new payment beside the void one."""
    return RecordPayment(
        kind=payment.kind, contact_id=payment.contact_id, date=payment.date,
        amount=payment.amount.amount, currency=payment.amount.currency,
        bank_account_code=payment.bank_account_code,
        allocations=[AllocationInput(document_id=a.document_id, amount=a.amount.amount)
                     for a in payment.allocations],
        keep_excess_as_credit=payment.keep_excess_as_credit, reference=payment.reference,
        client_token=uuid.uuid4().hex,
    )
