"""Amounts in a foreign currency and the home currency they are booked at (issue 15).

A foreign document is booked at its rate: its receivable (or payable) holds both the
foreign total and the home amount, ``home = foreign × rate`` rounded to the home
currency's minor unit.  Each settlement takes its share of that home amount off the
control account **at the booked rate**, cumulatively: after settlements of the foreign
amounts f₁ … fₖ, what has been taken is ``round(home × (f₁ + … + fₖ) / foreign)``, so the
last settlement takes exactly what is left and a fully settled document leaves zero on the
control account in both currencies, whatever the rounding of the parts.  What the money
was worth when it came in (the payment's rate) less what it takes off is the realised
exchange gain (a loss when negative) of a sale; of a purchase the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from ledgerdesk.domain.money import Money, quantize
from ledgerdesk.domain.payments import Allocation, OpenDocument


def at_rate(amount: Money, rate: Decimal, home: str) -> Money:
    """``amount`` in the home currency at ``rate`` (home units per one foreign unit),
    rounded half up to the home currency's minor unit."""
    if not rate.is_finite() or rate <= 0:
        raise ValueError(f"an exchange rate is more than 0, not {rate}")
    if amount.currency == home:
        return amount
    with localcontext() as exact:
        exact.prec = 80
        return Money(quantize(amount.amount * rate, home), home)


@dataclass(frozen=True, slots=True)
class Booked:
    """A document's amount as the ledger booked it: in its own currency and at home."""

    foreign: Money
    home: Money

    def __post_init__(self) -> None:
        # A tiny amount may round to nothing at home (0.01 at a rate of 0.001); the other
        # way round there is nothing to settle.
        if self.foreign.is_zero and not self.home.is_zero:
            raise ValueError("nothing in its own currency is nothing at home either")
        if not self.home.is_zero and (self.foreign.amount < 0) != (self.home.amount < 0):
            raise ValueError("a booked amount has the same sign in both currencies")


@dataclass(frozen=True, slots=True)
class Settlement:
    """What one settlement of a foreign document does to the home ledger."""

    taken: Money  # off the control account, at the booked rate
    received: Money  # the money at the payment's rate (paid, for a purchase)

    @property
    def difference(self) -> Money:
        """received − taken: a sale's realised gain when positive; for a purchase, a
        positive difference is a loss (more home money paid than was owed)."""
        return self.received - self.taken


def taken_so_far(booked: Booked, settled: Money) -> Money:
    """The home amount the settlements of ``settled`` (foreign, in all) have taken off."""
    if settled.currency != booked.foreign.currency:
        raise ValueError(f"settled in {settled.currency}, booked in "
                         f"{booked.foreign.currency}")
    if booked.foreign.is_zero:
        return Money.zero(booked.home.currency)
    home = booked.home.currency
    with localcontext() as exact:  # two 16-digit amounts multiplied: more than 28 digits
        exact.prec = 80
        share = booked.home.amount * settled.amount / booked.foreign.amount
        return Money(quantize(share, home), home)


def settle(booked: Booked, settled_before: Money, paying: Money,
           received: Money) -> Settlement:
    """A settlement of ``paying`` (in the document's currency) after ``settled_before``
    had been settled, which brought in ``received`` (in the home currency: the bank
    amount at the payment's rate).  Refuses to settle more than the document's amount."""
    after = settled_before + paying
    if abs(after.amount) > abs(booked.foreign.amount) or (
            after.amount and (after.amount < 0) != (booked.foreign.amount < 0)):
        raise ValueError(f"{after} is more than the {booked.foreign} the document is for")
    if received.currency != booked.home.currency:
        raise ValueError(f"received in {received.currency}, booked in "
                         f"{booked.home.currency}")
    taken = taken_so_far(booked, after) - taken_so_far(booked, settled_before)
    return Settlement(taken, received)



def booked(doc: OpenDocument, home: str) -> Booked:
    """A document's total as the ledger booked it: at its own rate, at home."""
    return Booked(doc.total, at_rate(doc.total, doc.rate, home))


def with_home(allocations: Sequence[Allocation], documents: Mapping[int, OpenDocument],
              home: str) -> tuple[Allocation, ...]:
    """Each allocation to a foreign document with the home amount it takes off the control
    account: its share at the booked rate, cumulatively, so the settlement that completes a
    document takes exactly what is left of it at home (even after an earlier one was
    voided).  Allocations to home-currency documents (or to documents not found: refused
    elsewhere) are left as they are."""
    settled: dict[int, tuple[Money, Money]] = {}
    result = []
    for allocation in allocations:
        doc = documents.get(allocation.document_id)
        if doc is None or doc.currency == home or allocation.amount.currency != doc.currency:
            result.append(allocation)
            continue
        before, taken = settled.get(doc.id, (doc.total - doc.outstanding,
                                             Money.from_minor(doc.taken_home_minor, home)))
        after = before + allocation.amount
        if abs(after.amount) > abs(doc.total.amount):  # refused elsewhere: over the total
            result.append(allocation)
            continue
        now = taken_so_far(booked(doc, home), after) - taken
        result.append(Allocation(allocation.document_id, allocation.amount, now))
        settled[doc.id] = (after, taken + now)
    return tuple(result)
