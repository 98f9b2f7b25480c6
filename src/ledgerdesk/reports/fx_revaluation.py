"""The unrealised exchange gains and losses at a date (issue 15 item 4).

Every open foreign document and every foreign bank balance is valued at the date's rate
and set beside what the ledger holds for it at home (documents at their booked rates less
what their settlements took; a bank account, what its postings brought in).  The
difference is unrealised: a gain when an asset is worth more at home, or a liability less.
Pure: storage gives the documents and the balances, the service the rates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.money import Money


@dataclass(frozen=True, slots=True)
class ForeignOwed:
    """One foreign document on a date, signed as its side reads it (what a customer owes,
    what we owe a supplier; a credit negative)."""

    contact_id: int
    contact_name: str
    bucket: int  # its aging bucket (``CREDIT_BUCKET`` for a credit)
    owed: Money  # in its own currency
    home: Money  # what it still holds at home
    document_id: int = 0
    number: str = ""


@dataclass(frozen=True, slots=True)
class Revalued:
    """One document or bank account valued at the date's rate."""

    what: str  # the document's number, or the bank account's code and name
    contact_name: str  # "" for a bank account
    amount: Money  # in its own currency
    held: Money  # what the ledger holds at home
    rate: Decimal
    worth: Money  # ``amount`` at ``rate``
    gain: Money  # unrealised: positive a gain, negative a loss
    side: Side | None = None  # a document's side; None for a bank account
    code: str = ""  # a bank account's code

    @property
    def debit(self) -> Money:
        """What its account (the side's control account, or the bank account) moves by,
        debit positive: the gain on an asset, the loss on a liability, each as a debit."""
        return self.worth - self.held if self.side is not Side.PURCHASES else self.gain


@dataclass(frozen=True, slots=True)
class CurrencyRevaluation:
    currency: str
    rate: Decimal
    held: Money
    worth: Money
    gain: Money


@dataclass(frozen=True, slots=True)
class FxRevaluation:
    as_of: dt.date
    home: str
    items: tuple[Revalued, ...]  # receivables, then payables, then bank accounts
    currencies: tuple[CurrencyRevaluation, ...]  # by code

    @property
    def gain(self) -> Money:
        return sum((c.gain for c in self.currencies), Money.zero(self.home))


def revalued(what: str, contact: str, amount: Money, held: Money, rate: Decimal,
             *, side: Side | None = None, code: str = "") -> Revalued:
    """``amount`` worth at ``rate`` beside ``held``: more is a gain for an asset (a bank
    account, a receivable), a loss for a liability (a payable)."""
    worth = at_rate(amount, rate, held.currency)
    change = worth - held
    gain = -change if side is Side.PURCHASES else change
    return Revalued(what, contact, amount, held, rate, worth, gain, side, code)


def fx_revaluation(as_of: dt.date, home: str, documents: Mapping[Side, Sequence[ForeignOwed]],
                   banks: Sequence[tuple[str, str, Money, Money]],
                   rates: Mapping[str, Decimal]) -> FxRevaluation:
    items = [revalued(doc.number, doc.contact_name, doc.owed, doc.home,
                      rates[doc.owed.currency], side=side)
             for side in (Side.SALES, Side.PURCHASES) for doc in documents.get(side, ())]
    items += [revalued(f"{code} {name}", "", balance, held, rates[balance.currency],
                       code=code)
              for code, name, balance, held in banks if not balance.is_zero or
              not held.is_zero]
    by_currency: dict[str, list[Revalued]] = {}
    for item in items:
        by_currency.setdefault(item.amount.currency, []).append(item)
    currencies = tuple(
        CurrencyRevaluation(code, rates[code],
                            sum((i.held for i in found), Money.zero(home)),
                            sum((i.worth for i in found), Money.zero(home)),
                            sum((i.gain for i in found), Money.zero(home)))
        for code, found in sorted(by_currency.items()))
    return FxRevaluation(as_of, home, tuple(items), currencies)
