"""Settling a tax return: paying the net due of a period, or receiving its refund.

The entry clears each tax account by what the period's documents put on it (Dr Sales Tax /
Cr Bank for a payment; the reverse for a refund), so after it the tax account holds nothing
for that period.  A period is settled once: an overlapping one is refused, naming the
earlier settlement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import JournalEntry, JournalLine, SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.numbering import format_number
from ledgerdesk.domain.wording import Words


def settlement_number(settlement_id: int) -> str:
    """``TAX-00003``: settlements are named by their id, which the book never reuses."""
    return format_number("TAX-", settlement_id)


@dataclass(frozen=True, slots=True)
class TaxSettlement:
    start: dt.date  # the period settled, both days included
    end: dt.date
    date: dt.date  # when the money moved
    amount: Money  # the net due: positive paid to the authority, negative refunded
    bank_account_code: str
    id: int | None = None

    @property
    def number(self) -> str:
        return settlement_number(self.id) if self.id is not None else "TAX-(new)"

    @property
    def is_refund(self) -> bool:
        return not self.amount.is_positive

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and start <= self.end

    def describe(self) -> str:
        """``TAX-00001 (2024-01-01 to 2024-03-31, paid 120.00 EUR on 2024-04-20)``."""
        what = "refunded" if self.is_refund else "paid"
        return (_("{number} ({date} to {end_date}, {what} {amount} {currency} on "
                  "{third_date})").format(
                    number=self.number, date=self.start.isoformat(),
                    end_date=self.end.isoformat(), what=what, amount=abs(self.amount).amount,
                    currency=self.amount.currency, third_date=self.date.isoformat()))


def overlapping(settlements: Iterable[TaxSettlement], start: dt.date,
                end: dt.date) -> TaxSettlement | None:
    """The first earlier settlement whose period shares a day with ``start``..``end``."""
    return next((s for s in sorted(settlements, key=lambda s: s.start)
                 if s.overlaps(start, end)), None)


def settlement_entry(settlement: TaxSettlement,
                     due_by_account: Mapping[str, Money]) -> JournalEntry:
    """The entry of a saved settlement.  ``due_by_account``: what each tax account owes for
    the period (output less input tax, credit balances positive); they add up to the
    settlement's amount."""
    if settlement.id is None:
        raise ValueError("only a saved settlement posts")
    currency = settlement.amount.currency
    owed = sum((m.amount for m in due_by_account.values()), Money.zero(currency).amount)
    if owed != settlement.amount.amount:
        raise ValueError(f"the tax accounts owe {owed}, not {settlement.amount}")
    lines = [JournalLine(code, amount) for code, amount in sorted(due_by_account.items())
             if not amount.is_zero]
    lines.append(JournalLine(settlement.bank_account_code, -settlement.amount))
    memo = (f"Tax {'refund' if settlement.is_refund else 'payment'} "
            f"{settlement.start.isoformat()} to {settlement.end.isoformat()}")
    return JournalEntry(settlement.date, memo, SourceType.TAX_SETTLEMENT, settlement.id,
                        tuple(lines))


def settled_words(settlement: TaxSettlement, bank_name: str) -> Words:
    """``Paid 31.00 of tax for 2024-01-01 to 2024-03-31 from 1000 Bank on 2024-04-20
    (TAX-00001).``, or the refund received into the bank."""
    period = _(" of tax for {date} to {end_date} ").format(
                 date=settlement.start.isoformat(), end_date=settlement.end.isoformat())
    bank = f"{settlement.bank_account_code} {bank_name}".strip()
    where = _("into {bank}").format(
        bank=bank) if settlement.is_refund else _("from {bank}").format(bank=bank)
    return ("Received " if settlement.is_refund else "Paid ", abs(settlement.amount),
            f"{' back' if settlement.is_refund else ''}{period}{where} on "
            f"{settlement.date.isoformat()} ({settlement.number}).")
