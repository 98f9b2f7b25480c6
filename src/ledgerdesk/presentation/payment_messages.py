"""The payment and apply-credit forms' sentences, with every amount in the user's locale.

The domain's problems carry their numbers (outstanding, attempted, maximum); this module
turns them into what the user reads next to the field, formatted as they type amounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ledgerdesk.domain.i18n import N_, _, ngettext
from ledgerdesk.domain.payments import OpenDocument, PaymentKind
from ledgerdesk.domain.problems import Problem
from ledgerdesk.presentation.amounts import AmountFormatter

_AMOUNT_FIELDS = ("amount", "allocations", "keep_excess_as_credit", "contact")


class PaymentMessages:
    def __init__(self, fmt: AmountFormatter, kind: PaymentKind | None,
                 noun: str = N_("payment")) -> None:
        self.fmt = fmt
        self.kind = kind  # None: a credit being applied, not a payment
        self.noun = _(noun)  # "payment" or a credit's kind: "this payment", "this credit's 80.00"
        self._formatters = {fmt.currency: fmt}

    def money(self, value: Decimal) -> str:
        return self.fmt.format(value)

    def formatter(self, currency: str) -> AmountFormatter:
        """Amounts of a document in ``currency`` (a foreign one: its own decimals)."""
        if currency not in self._formatters:
            self._formatters[currency] = AmountFormatter(self.fmt.locale, currency)
        return self._formatters[currency]

    def for_row(self, doc: OpenDocument, amount: Decimal, problem: Problem | None) -> str:
        """The row's sentence, its amounts in the document's own currency."""
        in_doc = self.formatter(doc.currency).format
        outstanding = in_doc(doc.outstanding.amount)
        if problem is not None and problem.code == "exceeds_outstanding":
            maximum = in_doc(problem.numbers["maximum"])
            return (_("{money} is more than the {outstanding} outstanding on {number}; at most "
                      "{maximum} "
                      "can be allocated to it.").format(
                money=in_doc(amount),
                outstanding=outstanding,
                number=doc.number,
                maximum=maximum))
        if problem is not None and problem.code == "exceeds_amount":
            maximum = self.money(problem.numbers["maximum"])
            return (_("The allocations add up to {money}, more than this {noun}'s {money2}; at "
                      "most "
                      "{maximum} can be allocated to {number}.").format(
                money=self.money(problem.numbers['attempted']),
                noun=self.noun,
                money2=self.money(problem.numbers['amount']),
                maximum=maximum,
                number=doc.number))
        if problem is not None:
            return problem.message
        if not amount:
            return f"{outstanding} outstanding"
        remains = doc.outstanding.amount - amount
        after = _("paid in full") if not remains else f"{in_doc(remains)} remains"
        return _("{outstanding} outstanding − {money} this {noun} = {after}").format(
                   outstanding=outstanding,
                   money=in_doc(amount),
                   noun=self.noun,
                   after=after)

    def short_for_row(self, doc: OpenDocument, amount: Decimal, problem: Problem | None,
                      parse_error: str) -> str:
        """The grid's Check cell: a few words; the full sentence shows under the grid."""
        if parse_error:
            return _("⚠ not an amount")
        if problem is not None and "maximum" in problem.numbers:
            return _("⚠ at most {money}").format(
                money=self.formatter(doc.currency).format(problem.numbers['maximum']))
        if problem is not None:
            return _("⚠ see below")
        if not amount:
            return ""
        if amount == doc.outstanding.amount:
            return _("✓ paid in full")
        return _("✓ part payment") if self.kind is not None else _("✓ partly settled")

    def for_amount(self, problems: Sequence[Problem]) -> str:
        """The message under the amount field: the first problem with the payment as a whole."""
        for problem in problems:
            if problem.field in _AMOUNT_FIELDS:
                return self._whole(problem)
        return ""

    def _whole(self, problem: Problem) -> str:
        numbers = problem.numbers
        if problem.code == "exceeds_amount":
            return (_("The allocations add up to {money}, more than this {noun}'s {money2}; at "
                      "most "
                      "{money3} can be allocated in total.").format(
                money=self.money(numbers['attempted']),
                noun=self.noun,
                money2=self.money(numbers['amount']),
                money3=self.money(numbers['maximum'])))
        if problem.code == "unallocated":
            keeps = self.kind is not None and self.kind.prepayment_kind is not None
            advice = (_("allocate it all or lower the amount") if not keeps
                      else _("allocate it, lower the amount, or keep the excess as credit"))
            return (_("{money} of this {money2} payment is not allocated; {advice}.").format(
                money=self.money(numbers['excess']),
                money2=self.money(numbers['amount']),
                advice=advice))
        if problem.code == "not_positive":
            return _("The amount must be more than zero.")
        return problem.message

    def summary(self, amount: Decimal | None, allocated: Decimal, keep: bool, rows: int) -> str:
        if rows == 0:
            nothing = _("Nothing is open for this contact")
            refund = self.kind is not None and self.kind.is_refund
            return (_("{nothing}: a refund needs an open credit.").format(nothing=nothing) if refund
                    else _("{nothing}: the whole payment can be kept as credit.").format(
                             nothing=nothing))
        if amount is None:
            return ngettext("{count} open document.", "{count} open documents.", rows).format(
                count=rows)
        left = amount - allocated
        text = _("Allocated {money} of {money2}").format(
                   money=self.money(allocated),
                   money2=self.money(amount))
        if left > 0:
            return f"{text}; {self.money(left)} " + (
                _("kept as credit.") if keep else _("not allocated yet."))
        return f"{text}." if left == 0 else _("{text}; {money} too much.").format(
                                                text=text,
                                                money=self.money(-left))
