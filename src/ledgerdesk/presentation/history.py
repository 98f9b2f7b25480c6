"""Undoable steps: what each saved change does again and how it is honestly undone.

A posted ledger is never edited: undoing a payment voids it (a reversal is posted and both
entries stay in the journal); undoing an authorisation voids the document the same way, and
that cannot be redone (a voided number stays void).  Undoing a void payment cannot un-void
it either: it records an equal new payment (a new number, the same allocations), and says
so; the book refuses when the documents no longer have that much outstanding.
``ui.undo`` puts these on a ``QUndoStack``; here they are plain objects, tested without Qt.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Protocol

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.commands import ApplyCredit, DocumentDraft, EditContact, RecordPayment
from ledgerdesk.services.contacts import update_contact
from ledgerdesk.services.credits import apply_credit, void_credit_application
from ledgerdesk.services.documents import authorise_document, save_draft, void_document
from ledgerdesk.services.payment_detail import PaymentDetail, load_payment, record_again
from ledgerdesk.services.payments import record_payment, void_payment


class Step(Protocol):
    text: str  # what it did, e.g. "record payment of 150.00 from Acme"

    @property
    def can_redo(self) -> bool: ...
    def undo(self) -> str: ...  # says what undoing did, for the status bar
    def redo(self) -> str: ...


@dataclass
class RecordPaymentStep:
    session: Session
    command: RecordPayment
    payment_id: int
    text: str
    can_redo: bool = True

    def undo(self) -> str:
        self.payment_id = self.session.live_payments.current(self.payment_id)
        void_payment(self.session.book, self.payment_id, self.session.today)
        return _("Undid {text}: the payment is void and a reversal was posted.").format(
                   text=self.text)

    def redo(self) -> str:
        # A new token: the voided payment stays void, this records it afresh.
        self.command = self.command.model_copy(update={"client_token": uuid.uuid4().hex})
        recorded = record_payment(self.session.book, self.command).payment_id
        self.session.live_payments.replaced(self.payment_id, recorded)
        self.payment_id = recorded
        return _("Redid {text}.").format(text=self.text)


@dataclass
class SaveDraftStep:
    """Saving a draft; undo puts the previous version back, or voids a brand-new draft."""

    session: Session
    document_id: int
    before: DocumentDraft | None  # None: the draft was new
    after: DocumentDraft
    text: str
    can_redo: bool = True

    def undo(self) -> str:
        if self.before is None:
            void_document(self.session.book, self.document_id, self.session.today)
            self.can_redo = False
            return _("Undid {text}: the new draft is void.").format(text=self.text)
        save_draft(self.session.book, self.before, document_id=self.document_id)
        return _("Undid {text}.").format(text=self.text)

    def redo(self) -> str:
        save_draft(self.session.book, self.after, document_id=self.document_id)
        return _("Redid {text}.").format(text=self.text)


@dataclass
class AuthoriseStep:
    session: Session
    document_id: int
    text: str
    can_redo: bool = field(default=False)  # a voided document cannot be authorised again

    def undo(self) -> str:
        void_document(self.session.book, self.document_id, self.session.today)
        return (_("Undid {text}: the document is void and a reversal was posted; its number stays "
                  "used.").format(
            text=self.text))

    def redo(self) -> str:
        authorise_document(self.session.book, self.document_id)
        return _("Redid {text}.").format(text=self.text)


@dataclass
class VoidPaymentStep:
    """Voiding a payment; undo records it again as a new payment, redo voids that one."""

    session: Session
    payment_id: int  # as last acted on; ``session.live_payments`` says what stands for it now
    can_redo: bool = True

    @property
    def text(self) -> str:
        return (_("void payment {payment_number} (undo records it again as a new payment)").format(
            payment_number=payment_number(self._live())))

    def _live(self) -> int:
        return self.session.live_payments.current(self.payment_id)

    def undo(self) -> str:
        before = self.payment_id = self._live()
        detail = load_payment(self.session.book, before)
        try:
            recorded = record_payment(self.session.book, record_again(detail.payment))
        except ValidationFailed as exc:
            raise NotAllowed(self._why_not(detail, exc)) from exc
        self.session.live_payments.replaced(before, recorded.payment_id)
        self.payment_id = recorded.payment_id
        kept = _(", and {credit_number} keeps its credit").format(
                   credit_number=recorded.credit_number) if recorded.credit_number else ""
        return (_("Undid the void of {payment_number}: it stays void, and {payment_number2} was "
                  "recorded "
                  "with the same allocations{kept}.").format(
            payment_number=payment_number(before),
            payment_number2=payment_number(self.payment_id),
            kept=kept))

    def redo(self) -> str:
        self.payment_id = self._live()
        void_payment(self.session.book, self.payment_id, self.session.today)
        return _("Voided {payment_number} again; a reversal was posted.").format(
                   payment_number=payment_number(self.payment_id))

    def _why_not(self, detail: PaymentDetail, exc: ValidationFailed) -> str:
        money = AmountFormatter(self.session.locale, self.session.currency).format
        number = payment_number(detail.id)
        numbers = [paid.document.number for paid in detail.documents]
        reasons = []
        for problem in exc.problems:
            index = int(problem.field[12:].split("]")[0]) if problem.field.startswith(
                "allocations[") else -1
            if problem.code == "exceeds_outstanding" and 0 <= index < len(numbers):
                reasons.append(_("{numbers} now has {money} outstanding, less than the {money2} "
                                 "{number} had "
                                 "allocated to it").format(
                    numbers=numbers[index],
                    money=money(problem.numbers['outstanding']),
                    money2=money(problem.numbers['attempted']),
                    number=number))
            else:
                reasons.append(problem.message.rstrip("."))
        return _("{number} cannot be recorded again: {join}. Nothing was recorded.").format(
                   number=number,
                   join='; '.join(reasons))


@dataclass
class ApplyCreditStep:
    """Applying a credit; undo voids the application, so both sides owe what they did."""

    session: Session
    command: ApplyCredit
    application_id: int
    text: str
    can_redo: bool = True

    def undo(self) -> str:
        void_credit_application(self.session.book, self.application_id)
        return _("Undid {text}: the credit and the documents have their outstanding back.").format(
                   text=self.text)

    def redo(self) -> str:
        self.application_id = apply_credit(self.session.book, self.command)
        return _("Redid {text}.").format(text=self.text)


@dataclass
class EditContactStep:
    """Editing a contact; undo puts every previous value back."""

    session: Session
    before: EditContact
    after: EditContact
    text: str
    can_redo: bool = True

    def undo(self) -> str:
        update_contact(self.session.book, self.before)
        return _("Undid {text}: the previous details are back.").format(text=self.text)

    def redo(self) -> str:
        update_contact(self.session.book, self.after)
        return _("Redid {text}.").format(text=self.text)
