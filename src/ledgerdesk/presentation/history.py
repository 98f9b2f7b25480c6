"""Undoable steps: what each saved change does again and how it is honestly undone.

A posted ledger is never edited: undoing a payment voids it (a reversal is posted and both
entries stay in the journal); undoing an authorisation voids the document the same way, and
that cannot be redone (a voided number stays void).  ``ui.undo`` puts these on a
``QUndoStack``; here they are plain objects, tested without Qt.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Protocol

from ledgerdesk.presentation.session import Session
from ledgerdesk.services.commands import DocumentDraft, RecordPayment
from ledgerdesk.services.documents import authorise_document, save_draft, void_document
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
        void_payment(self.session.book, self.payment_id, self.session.today)
        return f"Undid {self.text}: the payment is void and a reversal was posted."

    def redo(self) -> str:
        # A new token: the voided payment stays void, this records it afresh.
        self.command = self.command.model_copy(update={"client_token": uuid.uuid4().hex})
        self.payment_id = record_payment(self.session.book, self.command).payment_id
        return f"Redid {self.text}."


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
            return f"Undid {self.text}: the new draft is void."
        save_draft(self.session.book, self.before, document_id=self.document_id)
        return f"Undid {self.text}."

    def redo(self) -> str:
        save_draft(self.session.book, self.after, document_id=self.document_id)
        return f"Redid {self.text}."


@dataclass
class AuthoriseStep:
    session: Session
    document_id: int
    text: str
    can_redo: bool = field(default=False)  # a voided document cannot be authorised again

    def undo(self) -> str:
        void_document(self.session.book, self.document_id, self.session.today)
        return (f"Undid {self.text}: the document is void and a reversal was posted; "
                "its number stays used.")

    def redo(self) -> str:
        authorise_document(self.session.book, self.document_id)
        return f"Redid {self.text}."
