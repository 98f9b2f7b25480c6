"""``PaymentEditor``: the payment form's logic, checked live on every keystroke, without Qt.

The user picks a contact, types an amount in their locale, and the editor proposes an
allocation oldest-due first; any row can be overtyped (the grid and its live checks are
``AllocationGrid``'s).  Saving calls ``record_payment`` once, which checks again inside its
write transaction; a refusal there (someone else paid meanwhile) reloads the open documents
and shows the new numbers, keeping what the user typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pydantic import ValidationError

from ledgerdesk.domain.allocation import validate_payment
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, Payment, PaymentKind
from ledgerdesk.domain.problems import NotAllowed, Problem, ValidationFailed
from ledgerdesk.presentation.allocation_grid import AllocationGrid, AllocationRow
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.document_currency import DocumentCurrency
from ledgerdesk.presentation.payment_currency import bank_choices, implied_words, settled_in
from ledgerdesk.presentation.payment_messages import PaymentMessages
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.commands import AllocationInput, RecordPayment, problems_from
from ledgerdesk.services.payment_exchange import exchange_lines
from ledgerdesk.services.payments import RecordedPayment, open_items, record_payment
from ledgerdesk.services.ports import BookFailure


class PaymentEditor(AllocationGrid):
    """A draft payment; nothing reaches the book until ``save``."""

    missing_amount = N_("Type the amount paid.")

    def __init__(self, session: Session, kind: PaymentKind, date: dt.date | None = None) -> None:
        super().__init__(session, PaymentMessages(
            AmountFormatter(session.locale, session.currency), kind))
        self.kind = kind
        self.contact_id: int | None = None
        self.contact_name = ""
        self.date = date or session.today
        self.reference = ""
        self.amount_text = ""
        self.amount: Decimal | None = None
        self.amount_error = ""
        self.keep_excess_as_credit = False
        self.save_error = ""
        self.client_token = uuid.uuid4().hex  # one per form: a retried save records once
        self.banks = bank_choices(session)
        self.bank_code = self.banks[0].code if self.banks else ""
        self.fx = DocumentCurrency(session, self.date)  # a foreign bank account's rate
        self.exchange_lines: list[str] = []  # what the recorded payment did at home
        self.set_bank(self.bank_code)

    # ---- what the user does -------------------------------------------------------------

    def set_kind(self, kind: PaymentKind) -> None:
        """Another kind of payment: other contacts and documents, so start the grid afresh."""
        if kind is not self.kind:
            self.kind = kind
            self.messages = PaymentMessages(self.fmt, kind)
            self.keep_excess_as_credit = False
            self.set_contact(None)

    @property
    def dirty(self) -> bool:
        """Has the user typed anything worth asking about before it is dropped?"""
        return bool(self.contact_id is not None or self.amount_text.strip() or self.reference)

    def set_contact(self, contact_id: int | None, name: str = "") -> None:
        self.contact_id = contact_id
        self.contact_name = name if contact_id is not None else ""
        self.first_document_id = None
        self.rows = []
        if contact_id is not None:
            self.rows = [AllocationRow(doc) for doc in
                         open_items(self.session.book, contact_id, self.kind)]
        self.auto_allocate = True
        self._changed()

    def start_with(self, document_id: int, contact_id: int, contact_name: str) -> None:
        """Pay this invoice or bill first: its contact, what it still owes as the amount,
        and it allocated before the contact's other documents (oldest due first, as usual,
        for an amount larger than it owes).  Owing nothing, only the contact is chosen."""
        self.set_contact(contact_id, contact_name)
        index, doc = next(((i, row.document) for i, row in enumerate(self.rows)
                           if row.document.id == document_id), (None, None))
        if index is None or doc is None or not doc.outstanding.is_positive:
            return
        self.first_document_id = document_id
        bank = next((b for b in self.banks if b.currency == doc.currency), None)
        if doc.currency != self.currency and bank is not None:
            self.set_bank(bank.code)  # a USD invoice is paid into the USD account
        if doc.currency == self.currency:
            self.set_amount_text(self.fmt.format(doc.outstanding.amount))
        else:  # money in another currency: what arrived is typed; the invoice is settled
            owed = self.messages.formatter(doc.currency).format(doc.outstanding.amount)
            self.set_allocation_text(index, owed)

    def set_bank(self, code: str) -> None:
        """Another bank account: the payment is in its currency, the amount read in it."""
        bank = next((b for b in self.banks if b.code == code), None)
        self.bank_code = code
        self.currency = bank.currency if bank else self.session.currency
        self.fmt = AmountFormatter(self.session.locale, self.currency)
        self.messages = PaymentMessages(self.fmt, self.kind)
        self.fx.use(self.currency)
        if self.amount_text:
            self.set_amount_text(self.amount_text)
        else:
            self._changed()

    def set_rate_text(self, text: str) -> None:
        self.fx.type_rate(text)
        self._changed()

    @property
    def settles(self) -> tuple[str, Decimal] | None:
        """A cross-currency payment's other currency and what it settles in it."""
        return settled_in(self.rows, self.currency)

    @property
    def rate_line(self) -> str:
        """Beside a foreign bank account's rate: the amount at home (``= 950.00 EUR at
        0.95``)."""
        return self.fx.home_line(self.amount) if self.amount else ""

    def set_amount_text(self, text: str) -> None:
        self.amount_text = text
        self.amount, self.amount_error = self._parse(text, required=True)
        self._changed()

    def set_keep_excess_as_credit(self, keep: bool) -> None:
        self.keep_excess_as_credit = keep
        self._changed()

    def set_date(self, date: dt.date) -> None:
        self.date = date
        self.fx.set_date(date)  # an untyped rate is the book's of the payment's date

    def set_reference(self, text: str) -> None:
        self.reference = text

    # ---- what the form shows ------------------------------------------------------------

    @property
    def available(self) -> Decimal | None:
        return self.amount

    @property
    def unallocated(self) -> Decimal:
        if self.settles is not None:
            return Decimal(0)  # what arrived is all of it: nothing is left over
        return (self.amount or Decimal(0)) - self.allocated

    @property
    def can_save(self) -> bool:
        return (self.contact_id is not None and self.amount is not None
                and not self.amount_error and self.rows_are_right and self.fx.can_save)

    @property
    def amount_message(self) -> str:
        if self.amount_error:
            return self.amount_error
        return self.messages.for_amount(self._problems)

    @property
    def summary(self) -> str:
        if self.contact_id is None:
            return _("Choose a contact to see what they still owe.")
        settles = self.settles
        if settles is not None and self.amount and settles[1] > 0:
            return implied_words(self.session.locale, Money(self.amount, self.currency),
                                 Money(settles[1], settles[0]))
        return self.messages.summary(self.amount, self.allocated, self.keep_excess_as_credit,
                                     len(self.rows))

    def describe(self) -> str:
        """What saving does, for the Edit menu: "record payment of 150.00 from Acme"."""
        amount = self.fmt.format(self.amount or Decimal(0))
        towards = "from" if self.kind.money_in else "to"
        name = f" {towards} {self.contact_name}" if self.contact_name else ""
        return _("record payment of {amount} {currency}{name}").format(
                   amount=amount,
                   currency=self.currency,
                   name=name)

    # ---- saving ----------------------------------------------------------------------------

    def command(self) -> RecordPayment:
        assert self.contact_id is not None and self.amount is not None
        return RecordPayment(
            kind=self.kind, contact_id=self.contact_id, date=self.date, amount=self.amount,
            bank_account_code=self.bank_code or None, exchange_rate=self.fx.rate,
            allocations=[AllocationInput(document_id=row.document.id, amount=row.amount)
                         for row in self.rows if row.amount],
            keep_excess_as_credit=self.keep_excess_as_credit, reference=self.reference,
            client_token=self.client_token,
        )

    def save(self) -> RecordedPayment | None:
        """Record the payment; on a refusal keep the form, reload and explain, return None.

        When the book's file fails (full disk, read-only, locked), say the storage's sentence
        and keep everything as typed: the same form (and client token) can be saved again."""
        if not self.can_save:
            return None
        try:
            result = record_payment(self.session.book, self.command())
        except ValidationError as exc:  # a text the command refuses, e.g. pasted too long
            self.save_error = " ".join(f"{p.field.replace('_', ' ').capitalize()}: {p.message}"
                                       for p in problems_from(exc))
            return None
        except (BookFailure, NotAllowed) as exc:  # a lock date: its one sentence, form kept
            self.save_error = str(exc)
            return None
        except ValidationFailed as exc:
            assert self.contact_id is not None
            self._reload_keeping_input(open_items(self.session.book, self.contact_id,
                                                  self.kind))
            self.save_error = (
                _("The book changed while you were typing (another window or another program "
                  "recorded a payment); the amounts below are up to date. Nothing was saved.")
                if self._problems else " ".join(p.message for p in exc.problems)
            )
            return None
        self.save_error = ""
        self.exchange_lines = exchange_lines(self.session.book, result.payment_id)
        return result

    # ---- internals ---------------------------------------------------------------------------

    def _validate(self) -> list[Problem]:
        if self.contact_id is None or self.amount is None:
            return []
        allocations = tuple(Allocation(row.document.id, Money(row.amount, row.document.currency))
                            for row in self.rows if row.amount)
        try:
            payment = Payment(
                kind=self.kind, contact_id=self.contact_id, date=self.date,
                amount=Money(self.amount, self.currency), bank_account_code="",
                allocations=allocations, keep_excess_as_credit=self.keep_excess_as_credit,
            )
        except ValueError as exc:
            return [Problem("amount", "invalid", str(exc))]
        documents = {row.document.id: row.document for row in self.rows}
        return validate_payment(payment, documents)
