"""The payment and apply-credit forms' sentences, with every amount in the user's locale.

The domain's problems carry their numbers (outstanding, attempted, maximum); this module
turns them into what the user reads next to the field, formatted as they type amounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ledgerdesk.domain.payments import OpenDocument, PaymentKind
from ledgerdesk.domain.problems import Problem
from ledgerdesk.presentation.amounts import AmountFormatter

_AMOUNT_FIELDS = ("amount", "allocations", "keep_excess_as_credit", "contact")


class PaymentMessages:
    def __init__(self, fmt: AmountFormatter, kind: PaymentKind | None,
                 noun: str = "payment") -> None:
        self.fmt = fmt
        self.kind = kind  # None: a credit being applied, not a payment
        self.noun = noun  # "payment" or "credit": "this payment", "this credit's 80.00"

    def money(self, value: Decimal) -> str:
        return self.fmt.format(value)

    def for_row(self, doc: OpenDocument, amount: Decimal, problem: Problem | None) -> str:
        outstanding = self.money(doc.outstanding.amount)
        if problem is not None and problem.code == "exceeds_outstanding":
            maximum = self.money(problem.numbers["maximum"])
            return (f"{self.money(amount)} is more than the {outstanding} outstanding on "
                    f"{doc.number}; at most {maximum} can be allocated to it.")
        if problem is not None and problem.code == "exceeds_amount":
            maximum = self.money(problem.numbers["maximum"])
            return (f"The allocations add up to {self.money(problem.numbers['attempted'])}, "
                    f"more than this {self.noun}'s {self.money(problem.numbers['amount'])}; "
                    f"at most {maximum} can be allocated to {doc.number}.")
        if problem is not None:
            return problem.message
        if not amount:
            return f"{outstanding} outstanding"
        remains = doc.outstanding.amount - amount
        after = "paid in full" if not remains else f"{self.money(remains)} remains"
        return f"{outstanding} outstanding − {self.money(amount)} this {self.noun} = {after}"

    def short_for_row(self, doc: OpenDocument, amount: Decimal, problem: Problem | None,
                      parse_error: str) -> str:
        """The grid's Check cell: a few words; the full sentence shows under the grid."""
        if parse_error:
            return "⚠ not an amount"
        if problem is not None and "maximum" in problem.numbers:
            return f"⚠ at most {self.money(problem.numbers['maximum'])}"
        if problem is not None:
            return "⚠ see below"
        if not amount:
            return ""
        if amount == doc.outstanding.amount:
            return "✓ paid in full"
        return "✓ part payment" if self.kind is not None else "✓ partly settled"

    def for_amount(self, problems: Sequence[Problem]) -> str:
        """The message under the amount field: the first problem with the payment as a whole."""
        for problem in problems:
            if problem.field in _AMOUNT_FIELDS:
                return self._whole(problem)
        return ""

    def _whole(self, problem: Problem) -> str:
        numbers = problem.numbers
        if problem.code == "exceeds_amount":
            return (f"The allocations add up to {self.money(numbers['attempted'])}, more than "
                    f"this {self.noun}'s {self.money(numbers['amount'])}; at most "
                    f"{self.money(numbers['maximum'])} can be allocated in total.")
        if problem.code == "unallocated":
            keeps = self.kind is not None and self.kind.prepayment_kind is not None
            advice = ("allocate it all or lower the amount" if not keeps
                      else "allocate it, lower the amount, or keep the excess as credit")
            return (f"{self.money(numbers['excess'])} of this "
                    f"{self.money(numbers['amount'])} payment is not allocated; {advice}.")
        if problem.code == "not_positive":
            return "The amount must be more than zero."
        return problem.message

    def summary(self, amount: Decimal | None, allocated: Decimal, keep: bool, rows: int) -> str:
        if rows == 0:
            nothing = "Nothing is open for this contact"
            refund = self.kind is not None and self.kind.is_refund
            return (f"{nothing}: a refund needs an open credit." if refund
                    else f"{nothing}: the whole payment can be kept as credit.")
        if amount is None:
            return f"{rows} open {'document' if rows == 1 else 'documents'}."
        left = amount - allocated
        text = f"Allocated {self.money(allocated)} of {self.money(amount)}"
        if left > 0:
            return f"{text}; {self.money(left)} " + (
                "kept as credit." if keep else "not allocated yet.")
        return f"{text}." if left == 0 else f"{text}; {self.money(-left)} too much."
