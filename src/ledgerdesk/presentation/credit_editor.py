"""``CreditEditor``: applying a credit note (or a kept credit) to its contact's open invoices
or bills, checked live on every keystroke, without Qt.

The form opens with the credit's remaining amount spread oldest-due first over the contact's
open documents of the other kind; any row can be overtyped, and each says what is
outstanding, what this credit takes and what remains, or the exact maximum.  Saving is one
``apply_credit`` call, which checks again inside its write transaction; undo voids the
application (``ApplyCreditStep``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.allocation import validate_allocations
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation
from ledgerdesk.domain.problems import NotAllowed, NotFound, Problem, ValidationFailed
from ledgerdesk.presentation.allocation_grid import AllocationGrid, AllocationRow
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.history import ApplyCreditStep
from ledgerdesk.presentation.payment_messages import PaymentMessages
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.commands import AllocationInput, ApplyCredit
from ledgerdesk.services.credits import CREDIT_TARGETS, apply_credit, credit_to_apply
from ledgerdesk.services.ports import BookFailure


def apply_label(side: Side) -> str:
    """The button text that opens this form for a credit of ``side``."""
    return _("Apply to i&nvoices…") if side is Side.SALES else _("Apply to &bills…")


def credit_left(session: Session, document_id: int | None) -> Decimal:
    """What an authorised credit note (or kept credit) still has to apply; 0 for anything
    else, so the document editor knows whether to offer "Apply to invoices…"."""
    if document_id is None:
        return Decimal(0)
    try:
        credit = credit_to_apply(session.book, document_id).credit
    except NotFound:
        return Decimal(0)
    return credit.outstanding.amount if credit.authorised else Decimal(0)


class CreditEditor(AllocationGrid):
    def __init__(self, session: Session, credit_id: int, date: dt.date | None = None) -> None:
        start = credit_to_apply(session.book, credit_id)
        # A credit is applied in its own currency (a USD credit note to USD invoices).
        super().__init__(session, PaymentMessages(
            AmountFormatter(session.locale, start.credit.currency), None,
            start.credit.kind.label))
        self.currency = start.credit.currency
        self.credit = start.credit
        self.contact_name = start.contact_name
        self.date = date or session.today
        self.save_error = ""
        self.rows = [AllocationRow(doc) for doc in start.targets]
        self._changed()

    # ---- what the user does -------------------------------------------------------------

    def set_date(self, date: dt.date) -> None:
        self.date = date

    @property
    def dirty(self) -> bool:
        return not self.auto_allocate

    # ---- what the form shows ------------------------------------------------------------

    @property
    def available(self) -> Decimal:
        return self.credit.outstanding.amount

    @property
    def targets(self) -> str:
        return "invoices" if self.credit.kind.side is Side.SALES else "bills"

    @property
    def title(self) -> str:
        return _("Apply {number} to {targets}").format(
                   number=self.credit.number,
                   targets=self.targets)

    @property
    def heading(self) -> str:
        return (_("{capitalize} {number} for {contact_name}: {format_} {currency} left to "
                  "apply.").format(
            capitalize=self.credit.kind.label.capitalize(),
            number=self.credit.number,
            contact_name=self.contact_name,
            format_=self.fmt.format(self.available),
            currency=self.currency))

    @property
    def can_save(self) -> bool:
        return self.available > 0 and self.allocated > 0 and self.rows_are_right

    @property
    def summary(self) -> str:
        if self.available <= 0:
            return _("{number} has nothing left to apply.").format(number=self.credit.number)
        if not self.rows:
            return _("{contact_name} has no open {targets} to apply this credit to.").format(
                       contact_name=self.contact_name,
                       targets=self.targets)
        left = self.available - self.allocated
        text = (_("Applying {format_} of the {format_2} left on {number}").format(
            format_=self.fmt.format(self.allocated),
            format_2=self.fmt.format(self.available),
            number=self.credit.number))
        if left < 0:
            return _("{text}; {format_} too much.").format(
                       text=text,
                       format_=self.fmt.format(-left))
        if left == 0:
            return _("{text}; all of it is used.").format(text=text)
        return _("{text}; {format_} stays available.").format(
                   text=text,
                   format_=self.fmt.format(left))

    def describe(self) -> str:
        """What saving does, for the Edit menu: "apply credit note CN-00001 to INV-00003"."""
        numbers = ", ".join(row.document.number for row in self.rows if row.amount)
        return _("apply {label} {number} to {numbers}").format(
                   label=self.credit.kind.label,
                   number=self.credit.number,
                   numbers=numbers)

    # ---- saving ----------------------------------------------------------------------------

    def command(self) -> ApplyCredit:
        return ApplyCredit(credit_id=self.credit.id, date=self.date, allocations=[
            AllocationInput(document_id=row.document.id, amount=row.amount)
            for row in self.rows if row.amount])

    def save(self) -> ApplyCreditStep | None:
        """Apply the credit; on a refusal keep the form, reload and explain, return None."""
        if not self.can_save:
            return None
        command = self.command()
        try:
            application_id = apply_credit(self.session.book, command)
        except BookFailure as exc:
            self.save_error = str(exc)  # nothing was saved; the form stays as typed
            return None
        except (ValidationFailed, NotAllowed, NotFound) as exc:
            start = credit_to_apply(self.session.book, self.credit.id)
            self.credit = start.credit
            self._reload_keeping_input(start.targets)
            problems = exc.problems if isinstance(exc, ValidationFailed) else []
            self.save_error = (
                _("The book changed while you were typing (another window or another program "
                  "used this credit or paid these documents); the amounts below are up to date. "
                  "Nothing was saved.") if self._problems or self.available <= 0
                else " ".join(p.message for p in problems) or str(exc))
            return None
        self.save_error = ""
        return ApplyCreditStep(self.session, command, application_id, self.describe())

    # ---- internals ---------------------------------------------------------------------------

    def _validate(self) -> list[Problem]:
        try:
            allocations = [Allocation(row.document.id, Money(row.amount, self.currency))
                           for row in self.rows if row.amount]
        except ValueError as exc:
            return [Problem("allocations", "invalid", str(exc))]
        return validate_allocations(
            allocations, {row.document.id: row.document for row in self.rows},
            contact_id=self.credit.contact_id, currency=self.currency,
            allowed_kinds=CREDIT_TARGETS[self.credit.kind.side], what=self.credit.kind.label,
            available=self.credit.outstanding,
        )
