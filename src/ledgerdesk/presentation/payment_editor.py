"""``PaymentEditor``: the payment form's logic, checked live on every keystroke, without Qt.

The user picks a contact, types an amount in their locale, and the editor proposes an
allocation oldest-due first; any row can be overtyped.  Every change re-validates against
the outstanding amounts read when the contact was chosen, with the domain's own rules, and
says per row what is outstanding, what this payment takes and what remains, or the exact
maximum when too much is allocated.  Saving calls ``record_payment`` once, which checks
again inside its write transaction; a refusal there (someone else paid meanwhile) reloads
the open documents and shows the new numbers, keeping what the user typed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.allocation import allocate_oldest_first, validate_payment
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, OpenDocument, Payment, PaymentKind
from ledgerdesk.domain.problems import Problem, ValidationFailed
from ledgerdesk.presentation.amounts import AmountError, AmountFormatter, parse_amount
from ledgerdesk.presentation.payment_messages import PaymentMessages
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.commands import AllocationInput, RecordPayment
from ledgerdesk.services.payments import RecordedPayment, open_items, record_payment


@dataclass
class AllocationRow:
    """One open document in the grid and what the user typed for it."""

    document: OpenDocument
    text: str = ""
    amount: Decimal = Decimal(0)  # the parsed text; 0 while empty
    parse_error: str = ""


class PaymentEditor:
    """A draft payment; nothing reaches the book until ``save``."""

    def __init__(self, session: Session, kind: PaymentKind, date: dt.date | None = None) -> None:
        self.session = session
        self.kind = kind
        self.currency = session.currency
        self.fmt = AmountFormatter(session.locale, self.currency)
        self.messages = PaymentMessages(self.fmt, kind)
        self.contact_id: int | None = None
        self.contact_name = ""
        self.date = date or session.today
        self.reference = ""
        self.amount_text = ""
        self.amount: Decimal | None = None
        self.amount_error = ""
        self.keep_excess_as_credit = False
        self.rows: list[AllocationRow] = []
        self.auto_allocate = True  # until the user types into a row
        self.save_error = ""
        self.client_token = uuid.uuid4().hex  # one per form: a retried save records once
        self._problems: list[Problem] = []
        self._last_edited: int | None = None  # the row the user typed into last

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
        self.rows = []
        if contact_id is not None:
            self.rows = [AllocationRow(doc) for doc in
                         open_items(self.session.book, contact_id, self.kind)]
        self.auto_allocate = True
        self._changed()

    def set_amount_text(self, text: str) -> None:
        self.amount_text = text
        self.amount, self.amount_error = self._parse(text, required=True)
        self._changed()

    def set_allocation_text(self, index: int, text: str) -> None:
        row = self.rows[index]
        row.text = text
        value, row.parse_error = self._parse(text, required=False)
        row.amount = value if value is not None else Decimal(0)
        self.auto_allocate = False
        self._last_edited = index
        self._changed()

    def allocate_oldest_first(self) -> None:
        """Spread the amount over the open documents again, oldest due first."""
        self.auto_allocate = True
        self._changed()

    def set_keep_excess_as_credit(self, keep: bool) -> None:
        self.keep_excess_as_credit = keep
        self._changed()

    def set_date(self, date: dt.date) -> None:
        self.date = date

    def set_reference(self, text: str) -> None:
        self.reference = text

    # ---- what the form shows ------------------------------------------------------------

    @property
    def allocated(self) -> Decimal:
        return sum((row.amount for row in self.rows), Decimal(0))

    @property
    def unallocated(self) -> Decimal:
        return (self.amount or Decimal(0)) - self.allocated

    @property
    def can_save(self) -> bool:
        return (
            self.contact_id is not None and self.amount is not None and not self.amount_error
            and not any(row.parse_error for row in self.rows) and not self._problems
        )

    def row_message(self, index: int) -> str:
        row = self.rows[index]
        if row.parse_error:
            return row.parse_error
        return self.messages.for_row(row.document, row.amount, self._row_problem(index))

    def row_check(self, index: int) -> str:
        row = self.rows[index]
        return self.messages.short_for_row(row.document, row.amount, self._row_problem(index),
                                           row.parse_error)

    def row_remains(self, index: int) -> Decimal:
        """What stays outstanding on the row's document after this payment."""
        row = self.rows[index]
        return row.document.outstanding.amount - row.amount

    @property
    def grid_message(self) -> str:
        """The full sentence for the first row with something wrong, shown under the grid."""
        wrong = next((i for i in range(len(self.rows)) if self.row_is_wrong(i)), None)
        return "" if wrong is None else self.row_message(wrong)

    def row_is_wrong(self, index: int) -> bool:
        return bool(self.rows[index].parse_error or self._row_problem(index))

    @property
    def amount_message(self) -> str:
        if self.amount_error:
            return self.amount_error
        return self.messages.for_amount(self._problems)

    @property
    def summary(self) -> str:
        if self.contact_id is None:
            return "Choose a contact to see what they still owe."
        return self.messages.summary(self.amount, self.allocated, self.keep_excess_as_credit,
                                     len(self.rows))

    def describe(self) -> str:
        """What saving does, for the Edit menu: "record payment of 150.00 from Acme"."""
        amount = self.fmt.format(self.amount or Decimal(0))
        towards = "from" if self.kind.money_in else "to"
        name = f" {towards} {self.contact_name}" if self.contact_name else ""
        return f"record payment of {amount} {self.currency}{name}"

    # ---- saving ----------------------------------------------------------------------------

    def command(self) -> RecordPayment:
        assert self.contact_id is not None and self.amount is not None
        return RecordPayment(
            kind=self.kind, contact_id=self.contact_id, date=self.date, amount=self.amount,
            allocations=[AllocationInput(document_id=row.document.id, amount=row.amount)
                         for row in self.rows if row.amount],
            keep_excess_as_credit=self.keep_excess_as_credit, reference=self.reference,
            client_token=self.client_token,
        )

    def save(self) -> RecordedPayment | None:
        """Record the payment; on a refusal keep the form, reload and explain, return None."""
        if not self.can_save:
            return None
        try:
            result = record_payment(self.session.book, self.command())
        except ValidationFailed as exc:
            self._reload_keeping_input()
            self.save_error = (
                "The book changed while you were typing (another window or another program "
                "recorded a payment); the amounts below are up to date. Nothing was saved."
                if self._problems else " ".join(p.message for p in exc.problems)
            )
            return None
        self.save_error = ""
        return result

    # ---- internals ---------------------------------------------------------------------------

    def _parse(self, text: str, *, required: bool) -> tuple[Decimal | None, str]:
        if not text.strip():
            return None, ("Type the amount paid." if required else "")
        try:
            return parse_amount(text, self.session.locale, self.currency), ""
        except AmountError as exc:
            return None, str(exc)

    def _changed(self) -> None:
        if self.auto_allocate:
            self._distribute()
        self._problems = self._validate()

    def _distribute(self) -> None:
        amount = self.amount if self.amount is not None and self.amount > 0 else Decimal(0)
        shares = {a.document_id: a.amount.amount for a in allocate_oldest_first(
            Money(amount, self.currency), [row.document for row in self.rows])}
        for row in self.rows:
            row.amount = shares.get(row.document.id, Decimal(0))
            row.text = self.fmt.format(row.amount) if row.amount else ""
            row.parse_error = ""

    def _validate(self) -> list[Problem]:
        if self.contact_id is None or self.amount is None:
            return []
        allocations = tuple(Allocation(row.document.id, Money(row.amount, self.currency))
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

    def _row_problem(self, index: int) -> Problem | None:
        return self._document_problem(index) or self._over_amount_problem(index)

    def _over_amount_problem(self, index: int) -> Problem | None:
        """Too much allocated in total: the row just typed into gets its exact maximum."""
        if index != self._last_edited or self.amount is None:
            return None
        over = next((p for p in self._problems if p.code == "exceeds_amount"), None)
        if over is None:
            return None
        row = self.rows[index]
        room = self.amount - (self.allocated - row.amount)
        maximum = max(min(room, row.document.outstanding.amount), Decimal(0))
        return Problem(f"allocations[{index}].amount", "exceeds_amount",
                       over.message, {**over.numbers, "maximum": maximum})

    def _document_problem(self, index: int) -> Problem | None:
        target = self.rows[index].document.id
        paths = {}
        position = 0
        for row in self.rows:
            if row.amount:
                paths[f"allocations[{position}].amount"] = row.document.id
                paths[f"allocations[{position}].document"] = row.document.id
                position += 1
        return next((p for p in self._problems if paths.get(p.field) == target), None)

    def _reload_keeping_input(self) -> None:
        """Fresh outstanding amounts; what the user typed stays, even on a document that
        meanwhile was paid in full (it shows as nothing outstanding rather than vanishing)."""
        assert self.contact_id is not None
        typed = {row.document.id: row for row in self.rows if row.text}
        fresh = {doc.id: doc for doc in open_items(self.session.book, self.contact_id, self.kind)}
        for doc_id, row in typed.items():
            if doc_id not in fresh:
                fresh[doc_id] = dataclasses.replace(
                    row.document, outstanding=Money.zero(self.currency))
        self.rows = [AllocationRow(doc) for doc in
                     sorted(fresh.values(), key=lambda d: (d.due_date, d.issue_date, d.id))]
        for row in self.rows:
            if row.document.id in typed:
                old = typed[row.document.id]
                row.text, row.amount, row.parse_error = old.text, old.amount, old.parse_error
        self.auto_allocate = False
        self._problems = self._validate()
