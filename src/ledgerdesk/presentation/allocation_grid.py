"""``AllocationGrid``: open documents and what the user allocates to each, checked live.

The payment form and the apply-credit form share it.  Each keystroke re-validates every row
with the domain's rules against the outstanding amounts read when the form opened, and
each row says what is outstanding, what this payment (or credit) takes and what remains, or
the exact maximum when too much is allocated.  Subclasses say how much money is being
allocated (``available``) and how the whole draft is validated.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.allocation import allocate_oldest_first
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import OpenDocument
from ledgerdesk.domain.problems import Problem
from ledgerdesk.presentation.amounts import AmountError, AmountFormatter, parse_amount
from ledgerdesk.presentation.payment_messages import PaymentMessages
from ledgerdesk.presentation.session import Session


@dataclass
class AllocationRow:
    """One open document in the grid and what the user typed for it."""

    document: OpenDocument
    text: str = ""
    amount: Decimal = Decimal(0)  # the parsed text; 0 while empty
    parse_error: str = ""


class AllocationGrid(ABC):
    missing_amount = N_("Type the amount.")  # what an empty required amount field says

    def __init__(self, session: Session, messages: PaymentMessages) -> None:
        self.session = session
        self.currency = session.currency
        self.fmt: AmountFormatter = messages.fmt
        self.messages = messages
        self.rows: list[AllocationRow] = []
        self.auto_allocate = True  # until the user types into a row
        self.first_document_id: int | None = None  # allocated before the oldest-first rest
        self._problems: list[Problem] = []
        self._last_edited: int | None = None  # the row the user typed into last

    @property
    @abstractmethod
    def available(self) -> Decimal | None:
        """The money being allocated (None while it is not known)."""

    @abstractmethod
    def _validate(self) -> list[Problem]:
        """Every problem with what is typed now, each naming its field."""

    # ---- what the user does -------------------------------------------------------------

    def set_allocation_text(self, index: int, text: str) -> None:
        """What the user typed for a row, read in its document's currency (issue 15)."""
        row = self.rows[index]
        row.text = text
        value, row.parse_error = self._parse(text, required=False,
                                             currency=row.document.currency)
        row.amount = value if value is not None else Decimal(0)
        self.auto_allocate = False
        self._last_edited = index
        self._changed()

    def allocate_oldest_first(self) -> None:
        """Spread the money over the open documents again, oldest due first."""
        self.auto_allocate = True
        self.first_document_id = None  # what the button says, even after starting elsewhere
        self._changed()

    # ---- what the grid shows ------------------------------------------------------------

    @property
    def allocated(self) -> Decimal:
        """What goes to documents in the money's own currency (another's is no part of it)."""
        return sum((row.amount for row in self.rows if row.document.currency == self.currency),
                   Decimal(0))

    def row_money(self, index: int, value: Decimal) -> str:
        """An amount of the row's document, in its currency's decimals; named when it is
        not the book's own currency (``1,000.00 USD``)."""
        currency = self.rows[index].document.currency
        text = self.messages.formatter(currency).format(value)
        return text if currency == self.session.currency else f"{text} {currency}"

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
        """What stays outstanding on the row's document after this allocation."""
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
    def rows_are_right(self) -> bool:
        return not any(row.parse_error for row in self.rows) and not self._problems

    # ---- internals ---------------------------------------------------------------------------

    def _parse(self, text: str, *, required: bool,
               currency: str | None = None) -> tuple[Decimal | None, str]:
        if not text.strip():
            return None, (_(self.missing_amount) if required else "")
        try:
            return parse_amount(text, self.session.locale, currency or self.currency), ""
        except AmountError as exc:
            return None, str(exc)

    def _changed(self) -> None:
        if self.auto_allocate:
            self._distribute()
        self._problems = self._validate()

    def _distribute(self) -> None:
        available = self.available
        amount = available if available is not None and available > 0 else Decimal(0)
        # Only documents in the money's own currency: what it settles in another is typed.
        shares = {a.document_id: a.amount.amount for a in allocate_oldest_first(
            Money(amount, self.currency), [row.document for row in self.rows
                                           if row.document.currency == self.currency],
            first=self.first_document_id)}
        for row in self.rows:
            row.amount = shares.get(row.document.id, Decimal(0))
            row.text = self.fmt.format(row.amount) if row.amount else ""
            row.parse_error = ""

    def _row_problem(self, index: int) -> Problem | None:
        return self._document_problem(index) or self._over_amount_problem(index)

    def _over_amount_problem(self, index: int) -> Problem | None:
        """Too much allocated in total: the row just typed into gets its exact maximum."""
        available = self.available
        if index != self._last_edited or available is None:
            return None
        over = next((p for p in self._problems if p.code == "exceeds_amount"), None)
        if over is None:
            return None
        row = self.rows[index]
        room = available - (self.allocated - row.amount)
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

    def _reload_keeping_input(self, documents: Iterable[OpenDocument]) -> None:
        """Fresh outstanding amounts; what the user typed stays, even on a document that
        meanwhile was paid in full (it shows as nothing outstanding rather than vanishing)."""
        typed = {row.document.id: row for row in self.rows if row.text}
        fresh = {doc.id: doc for doc in documents}
        for doc_id, row in typed.items():
            if doc_id not in fresh:
                fresh[doc_id] = dataclasses.replace(
                    row.document, outstanding=Money.zero(row.document.currency))
        self.rows = [AllocationRow(doc) for doc in
                     sorted(fresh.values(), key=lambda d: (d.due_date, d.issue_date, d.id))]
        for row in self.rows:
            if row.document.id in typed:
                old = typed[row.document.id]
                row.text, row.amount, row.parse_error = old.text, old.amount, old.parse_error
        self.auto_allocate = False
        self._problems = self._validate()
