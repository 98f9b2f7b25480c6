"""Applying a credit note or a kept credit (prepayment) to open documents of its contact,
and undoing that.

Applying posts no journal entry: the credit and the documents it settles sit in the same
control account (receivable or payable), so only their outstanding amounts move.  Voiding an
application therefore has no entry to reverse either; it releases both allocation rows.
A foreign credit applied to a document booked at another rate is the exception: what that
realises is posted (``credit_exchange``), and reversed when the application is voided.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.allocation import validate_allocations
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, OpenDocument
from ledgerdesk.domain.problems import NotAllowed, NotFound, Problem, ValidationFailed
from ledgerdesk.services.commands import ApplyCredit
from ledgerdesk.services.credit_exchange import apply_at_home, reverse_exchange
from ledgerdesk.services.lock import refuse_inside_lock
from ledgerdesk.services.ports import Book

CREDIT_TARGETS = {
    Side.SALES: frozenset({DocumentKind.SALES_INVOICE}),
    Side.PURCHASES: frozenset({DocumentKind.BILL}),
}


@dataclass(frozen=True, slots=True)
class CreditToApply:
    """A credit as the apply-credit form starts: what is left, and where it can go."""

    credit: OpenDocument
    contact_name: str
    targets: list[OpenDocument]  # the contact's open invoices (or bills), oldest due first


def credit_to_apply(book: Book, credit_id: int) -> CreditToApply:
    with book.read() as tx:
        credit = tx.open_documents([credit_id]).get(credit_id)
        if credit is None or not credit.kind.is_credit:
            raise NotFound(_("There is no credit note or credit with id {credit_id}.").format(
                               credit_id=credit_id))
        contact = tx.get_contact(credit.contact_id)
        targets = tx.open_documents_for(credit.contact_id, CREDIT_TARGETS[credit.kind.side])
    return CreditToApply(credit, contact.name if contact else "", targets)


def apply_credit(book: Book, command: ApplyCredit) -> int:
    """Allocate a credit to invoices (or bills); checked against fresh balances in the write."""
    with book.write() as tx:
        credit_doc = tx.get_document(command.credit_id)
        if credit_doc is None or not credit_doc.kind.is_credit:
            raise NotFound(_("There is no credit note or credit with id {credit_id}.").format(
                               credit_id=command.credit_id))
        refuse_inside_lock(tx, command.date, _("the credit's use"))
        fresh = tx.open_documents([command.credit_id])
        credit = fresh.get(command.credit_id)
        if credit is None or not credit.authorised or not credit.outstanding.is_positive:
            name = credit_doc.number or _("This credit")
            raise ValidationFailed(
                [Problem("credit", "not_open", _("{name} has nothing left to apply.").format(
                                                   name=name))]
            )
        try:
            allocations = [
                Allocation(a.document_id, Money.exact(a.amount, credit.currency))
                for a in command.allocations
            ]
        except ValueError as exc:
            raise ValidationFailed([Problem("allocations", "invalid", str(exc))]) from exc
        targets = tx.open_documents([a.document_id for a in allocations])
        problems = validate_allocations(
            allocations, targets,
            contact_id=credit.contact_id, currency=credit.currency,
            allowed_kinds=CREDIT_TARGETS[credit.kind.side], what=credit.kind.label,
            available=credit.outstanding,
        )
        if problems:
            raise ValidationFailed(problems)
        return apply_at_home(tx, credit, command.date, allocations, targets)


def void_credit_application(book: Book, application_id: int) -> None:
    """Undo ``apply_credit``: the credit and the documents get their outstanding back."""
    with book.write() as tx:
        application = tx.get_credit_application(application_id)
        if application is None:
            raise NotFound(_("There is no credit application with id {application_id}.").format(
                               application_id=application_id))
        if application.voided:
            raise NotAllowed(_("This credit application is already void."))
        refuse_inside_lock(tx, application.date, _("the credit's use"))
        tx.mark_credit_application_voided(application_id)  # audited with the rows it freed
        reverse_exchange(tx, application_id, _("Void credit application {application_id}").format(
            application_id=application_id))
