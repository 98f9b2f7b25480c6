"""Account-based reports: profit and loss, balance sheet, general ledger.

Pure: storage hands over account balances (debit positive, minor units summed in SQL) and
streamed journal lines; this module arranges them in sections with natural signs (income,
liabilities and equity shown positive when they are credit balances) and adds the totals.

Nothing closes income and expenses at a year end: the balance sheet derives the split.
Retained earnings are the profit of every fiscal year before the one holding the date, plus
whatever was posted to the retained earnings account itself (which is therefore not shown
as a line of its own); current year earnings are the profit since that year began.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.periods import Period

#: +1 where a debit balance reads positive, -1 where a credit balance does.
NATURAL_SIGN = {
    AccountType.ASSET: 1, AccountType.EXPENSE: 1,
    AccountType.LIABILITY: -1, AccountType.EQUITY: -1, AccountType.INCOME: -1,
}
RETAINED_EARNINGS = "Retained earnings"
CURRENT_YEAR_EARNINGS = "Current year earnings"


@dataclass(frozen=True, slots=True)
class AccountBalance:
    """One account's debit-positive balance over some stretch of the journal."""

    code: str
    name: str
    type: AccountType
    balance: Money


@dataclass(frozen=True, slots=True)
class AccountLine:
    """A report row: an account (or a computed line, code ``""``) with natural signs."""

    section: AccountType
    code: str
    name: str
    amount: Money
    previous: Money


def _lines(
    types: Iterable[AccountType],
    now: Mapping[str, AccountBalance],
    before: Mapping[str, AccountBalance],
    currency: str,
) -> list[AccountLine]:
    zero = Money.zero(currency)
    lines = []
    for code in sorted(set(now) | set(before)):
        account = now.get(code) or before[code]
        if account.type not in types:
            continue
        sign = NATURAL_SIGN[account.type]
        amount = now[code].balance.times(sign) if code in now else zero
        previous = before[code].balance.times(sign) if code in before else zero
        if not (amount.is_zero and previous.is_zero):
            lines.append(AccountLine(account.type, code, account.name, amount, previous))
    return lines


def _total(
    lines: Iterable[AccountLine], section: AccountType, currency: str
) -> tuple[Money, Money]:
    amount = previous = Money.zero(currency)
    for line in lines:
        if line.section is section:
            amount, previous = amount + line.amount, previous + line.previous
    return amount, previous


@dataclass(frozen=True, slots=True)
class ProfitAndLoss:
    period: Period
    previous_period: Period | None  # None: the period starts on the calendar's first day
    rows: tuple[AccountLine, ...]  # income accounts, then expense accounts
    income: tuple[Money, Money]  # (this period, previous period)
    expenses: tuple[Money, Money]

    @property
    def net_profit(self) -> tuple[Money, Money]:
        return (self.income[0] - self.expenses[0], self.income[1] - self.expenses[1])


def profit_and_loss(
    period: Period, previous: Period | None, now: Iterable[AccountBalance],
    before: Iterable[AccountBalance], currency: str,
) -> ProfitAndLoss:
    rows = _lines((AccountType.INCOME, AccountType.EXPENSE), _by_code(now), _by_code(before),
                  currency)
    rows.sort(key=lambda line: line.section is AccountType.EXPENSE)
    return ProfitAndLoss(
        period, previous, tuple(rows), _total(rows, AccountType.INCOME, currency),
        _total(rows, AccountType.EXPENSE, currency),
    )


@dataclass(frozen=True, slots=True)
class Earnings:
    """Equity's earnings on one date, split at the start of its fiscal year."""

    retained: Money  # earlier fiscal years' profit, plus postings to retained earnings
    current: Money  # the profit from the fiscal year's first day to the date


def profit(balances: Iterable[AccountBalance], currency: str) -> Money:
    """Income less expenses: minus the sum of their debit-positive balances."""
    result = Money.zero(currency)
    for account in balances:
        if account.type in (AccountType.INCOME, AccountType.EXPENSE):
            result -= account.balance
    return result


def split_earnings(
    through_date: Iterable[AccountBalance], before_year: Iterable[AccountBalance],
    retained_codes: frozenset[str], currency: str,
) -> Earnings:
    """``through_date``: every balance up to the date; ``before_year``: up to the day before
    its fiscal year began (nothing when the calendar starts in that year)."""
    through = list(through_date)
    earlier = profit(before_year, currency)
    posted = Money.zero(currency)
    for account in through:
        if account.code in retained_codes:
            posted -= account.balance  # a credit adds to retained earnings
    return Earnings(earlier + posted, profit(through, currency) - earlier)


@dataclass(frozen=True, slots=True)
class BalanceSheet:
    as_of: dt.date
    previous_date: dt.date | None  # None: no date a year before (the calendar starts)
    rows: tuple[AccountLine, ...]  # assets, liabilities, equity with the two earnings lines
    assets: tuple[Money, Money]
    liabilities: tuple[Money, Money]
    equity: tuple[Money, Money]
    year_began: dt.date | None = None  # the first day of the fiscal year holding as_of

    @property
    def liabilities_and_equity(self) -> tuple[Money, Money]:
        return (self.liabilities[0] + self.equity[0], self.liabilities[1] + self.equity[1])

    @property
    def balances(self) -> bool:
        """Both columns: assets equal liabilities and equity."""
        return self.assets == self.liabilities_and_equity

    @property
    def previous_balances(self) -> bool:
        return self.assets[1] == self.liabilities_and_equity[1]


def balance_sheet(
    as_of: dt.date, previous_date: dt.date | None, now: Iterable[AccountBalance],
    before: Iterable[AccountBalance], currency: str,
    earnings: tuple[Earnings, Earnings] | None = None,
    retained_codes: frozenset[str] = frozenset(), year_began: dt.date | None = None,
) -> BalanceSheet:
    """``earnings``: on ``as_of`` and on ``previous_date`` (see ``split_earnings``); without
    them, every profit is current (as for a book whose years never ended)."""
    now_by, before_by = _by_code(now), _by_code(before)
    if earnings is None:
        zero = Money.zero(currency)
        earnings = (Earnings(zero, profit(now_by.values(), currency)),
                    Earnings(zero, profit(before_by.values(), currency)))
    kinds = (AccountType.ASSET, AccountType.LIABILITY, AccountType.EQUITY)
    rows = [line for line in _lines(kinds, now_by, before_by, currency)
            if line.code not in retained_codes]
    rows.sort(key=lambda line: kinds.index(line.section))
    rows.append(AccountLine(AccountType.EQUITY, "", RETAINED_EARNINGS,
                            earnings[0].retained, earnings[1].retained))
    rows.append(AccountLine(AccountType.EQUITY, "", CURRENT_YEAR_EARNINGS,
                            earnings[0].current, earnings[1].current))
    return BalanceSheet(
        as_of, previous_date, tuple(rows), _total(rows, AccountType.ASSET, currency),
        _total(rows, AccountType.LIABILITY, currency), _total(rows, AccountType.EQUITY, currency),
        year_began,
    )


def _by_code(balances: Iterable[AccountBalance]) -> dict[str, AccountBalance]:
    return {b.code: b for b in balances}


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """One journal line on the account, with the balance after it (debit positive)."""

    date: dt.date
    entry_id: int
    description: str
    source_type: str  # what to open on a drill: a DOCUMENT, a PAYMENT, a MANUAL entry
    source_id: int | None
    debit: Money
    credit: Money
    balance: Money
    foreign: Money | None = None  # the posting in its own currency, when it holds one


@dataclass(frozen=True, slots=True)
class GeneralLedger:
    code: str
    name: str
    period: Period
    opening: Money
    debits: Money
    credits: Money
    lines: Iterator[LedgerLine]  # streamed, by date then entry
    foreign: bool = False  # some posting on the account holds foreign money

    @property
    def closing(self) -> Money:
        return self.opening + self.debits - self.credits
