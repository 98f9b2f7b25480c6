"""``PaymentView``: one recorded payment as its detail dialog shows it, and voiding it.

Everything is read-only: a recorded payment is posted.  Voiding asks first, naming the
payment and what it does to each document's outstanding amount; it is undoable as a
``VoidPaymentStep`` (undo records an equal new payment).  A void payment shows a banner.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.contacts import PAYMENT_KIND_LABELS
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.history import VoidPaymentStep
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.payment_detail import load_payment
from ledgerdesk.services.payments import void_payment


@dataclass(frozen=True, slots=True)
class PaidRow:
    """One allocated document, as the detail's grid shows it."""

    number: str
    kind: str
    amount: str  # what this payment allocated
    outstanding: str  # on the document now
    after_void: str  # what it would be (or, for a void payment, is) without this payment


class PaymentView:
    def __init__(self, session: Session, payment_id: int) -> None:
        self.session = session
        self.money = AmountFormatter(session.locale, session.currency).format
        self.date = DateFormatter(session.locale).short
        self.reload(payment_id)

    def reload(self, payment_id: int | None = None) -> None:
        self.detail = load_payment(self.session.book, payment_id or self.detail.id)
        self.number = payment_number(self.detail.id)

    # ---- what the dialog shows ------------------------------------------------------------

    @property
    def voided(self) -> bool:
        return self.detail.payment.voided

    @property
    def title(self) -> str:
        return _("Payment {number}").format(number=self.number) + (" (void)" if self.voided else "")

    @property
    def banner(self) -> str:
        if not self.voided:
            return ""
        return (_("{number} is void: its allocations no longer count and a reversal was posted. "
                  "It stays "
                  "in the books for the record and cannot be changed.").format(number=self.number))

    @property
    def amount(self) -> str:
        amount = self.detail.payment.amount
        return f"{self.money(amount.amount)} {amount.currency}"

    def fields(self) -> list[tuple[str, str]]:
        """(label, value) pairs for the form, in reading order."""
        payment, detail = self.detail.payment, self.detail
        rows = [
            (_("Number"), self.number), (_("Type"), PAYMENT_KIND_LABELS[payment.kind]),
            (_("Date"), self.date(payment.date)), (_("Contact"), detail.contact_name),
            (_("Bank account"), detail.bank_account),
            (_("Amount"), self.amount),
            (_("Reference"), payment.reference or "—"),
        ]
        if payment.excess.is_positive:
            rows.append((_("Unallocated"), self._kept()))
        rows.append((_("Status"), _("Void") if self.voided else _("Recorded")))
        return rows

    def rows(self) -> list[PaidRow]:
        result = []
        for paid in self.detail.documents:
            doc = paid.document
            back = doc.outstanding.amount + (0 if self.voided else paid.amount.amount)
            result.append(PaidRow(doc.number, doc.kind.label, self.money(paid.amount.amount),
                                  self.money(doc.outstanding.amount), self.money(back)))
        return result

    # ---- voiding -------------------------------------------------------------------------

    @property
    def can_void(self) -> bool:
        return not self.voided

    @property
    def void_blocker(self) -> str:
        """Why voiding would be refused now ("" when it would not)."""
        credit = self.detail.kept_credit
        if self.detail.kept_credit_used and credit is not None:
            return (_("The credit {number} kept from {number2} has been applied; undo or void "
                      "what used "
                      "it first.").format(number=credit.number, number2=self.number))
        return ""

    def void_question(self) -> str:
        effects = [_("{number} goes from {outstanding} to {after_void} outstanding").format(
                       number=row.number,
                       outstanding=row.outstanding,
                       after_void=row.after_void)
                   for row in self.rows()]
        credit = self.detail.kept_credit
        if credit is not None:
            effects.append(_("the credit {number} it kept is voided").format(
                               number=credit.number))
        what = ("; ".join(effects) + ". ") if effects else ""
        question = (_("Void payment {number} of {amount} from {contact}? {effects}A reversal is "
                      "posted; undo records an equal new payment.")
                    if self.detail.payment.kind.money_in else
                    _("Void payment {number} of {amount} to {contact}? {effects}A reversal is "
                      "posted; undo records an equal new payment."))
        return question.format(number=self.number, amount=self.amount,
                               contact=self.detail.contact_name,
                               effects=what[:1].upper() + what[1:])

    def void(self) -> VoidPaymentStep:
        """Void it (``NotAllowed`` says why not); the step to push on the undo stack."""
        void_payment(self.session.book, self.detail.id, self.session.today)
        step = VoidPaymentStep(self.session, self.detail.id)
        self.reload()
        return step

    def _kept(self) -> str:
        payment = self.detail.payment
        excess = self.money(payment.excess.amount)
        credit = self.detail.kept_credit
        if credit is None:
            return _("{excess} (not allocated)").format(excess=excess)
        state = ("void" if not credit.authorised else
                 _("{money} of it still unused").format(
                     money=self.money(credit.outstanding.amount)))
        return _("{excess} kept as credit {number} ({state})").format(
                   excess=excess,
                   number=credit.number,
                   state=state)
