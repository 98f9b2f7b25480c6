"""The chart of accounts and journal entries of the double-entry ledger.

Journal amounts are signed: a debit is positive, a credit negative, so an entry balances
when its amounts sum to zero.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from ledgerdesk.domain.money import Money, total


class AccountType(enum.Enum):
    ASSET = "ASSET"
    LIABILITY = "LIABILITY"
    EQUITY = "EQUITY"
    INCOME = "INCOME"
    EXPENSE = "EXPENSE"

    @property
    def ledger_root(self) -> str:
        """Top-level name for plain-text journal exports (ledger-cli, hledger)."""
        return {
            "ASSET": "Assets", "LIABILITY": "Liabilities", "EQUITY": "Equity",
            "INCOME": "Income", "EXPENSE": "Expenses",
        }[self.value]


class AccountRole(enum.Enum):
    """Accounts the bookkeeping rules post to by themselves."""

    BANK = "BANK"
    RECEIVABLE = "RECEIVABLE"
    PAYABLE = "PAYABLE"
    SALES_TAX = "SALES_TAX"
    RETAINED_EARNINGS = "RETAINED_EARNINGS"


@dataclass(frozen=True, slots=True)
class Account:
    code: str
    name: str
    type: AccountType
    role: AccountRole | None = None
    archived: bool = False  # kept in history and reports; nothing new is posted to it
    #: The currency a bank account is kept in; None: the book's home currency.
    currency: str | None = None

    @property
    def accepts_lines(self) -> bool:
        """Document lines go to income, expense or ordinary asset/liability accounts."""
        return self.role not in (AccountRole.RECEIVABLE, AccountRole.PAYABLE, AccountRole.BANK)


DEFAULT_CHART: tuple[Account, ...] = (
    Account("1000", "Bank", AccountType.ASSET, AccountRole.BANK),
    Account("1010", "Savings", AccountType.ASSET, AccountRole.BANK),
    Account("1100", "Accounts Receivable", AccountType.ASSET, AccountRole.RECEIVABLE),
    Account("1500", "Equipment", AccountType.ASSET),
    Account("2000", "Accounts Payable", AccountType.LIABILITY, AccountRole.PAYABLE),
    Account("2200", "Sales Tax", AccountType.LIABILITY, AccountRole.SALES_TAX),
    Account("3000", "Owner's Equity", AccountType.EQUITY),
    Account("3100", "Retained Earnings", AccountType.EQUITY, AccountRole.RETAINED_EARNINGS),
    Account("4000", "Sales", AccountType.INCOME),
    Account("4100", "Services", AccountType.INCOME),
    Account("5000", "Cost of Goods Sold", AccountType.EXPENSE),
    Account("6000", "Rent", AccountType.EXPENSE),
    Account("6100", "Office Supplies", AccountType.EXPENSE),
    Account("6200", "Software", AccountType.EXPENSE),
    Account("6300", "Travel", AccountType.EXPENSE),
    Account("6400", "Utilities", AccountType.EXPENSE),
)


class SourceType(enum.Enum):
    """What a journal entry was posted for."""

    DOCUMENT = "DOCUMENT"
    PAYMENT = "PAYMENT"
    MANUAL = "MANUAL"
    TAX_SETTLEMENT = "TAX_SETTLEMENT"  # a tax return paid or refunded (0004)
    EXCHANGE = "EXCHANGE"  # realised when a foreign credit is applied (0013)
    REVALUATION = "REVALUATION"  # unrealised at a date, reversed the next day (0013)


@dataclass(frozen=True, slots=True)
class JournalLine:
    account_code: str
    amount: Money  # debit positive, credit negative; in the home currency
    memo: str = ""
    #: The same amount in its own currency, on a line that holds foreign money (a foreign
    #: document's receivable or payable, a foreign bank account); None on every other.
    foreign: Money | None = None


@dataclass(frozen=True, slots=True)
class JournalEntry:
    date: dt.date
    memo: str
    source_type: SourceType
    source_id: int | None
    lines: tuple[JournalLine, ...]
    reverses_id: int | None = None
    id: int | None = None

    @property
    def currency(self) -> str:
        return self.lines[0].amount.currency

    def is_balanced(self) -> bool:
        return bool(self.lines) and total([ln.amount for ln in self.lines], self.currency).is_zero

    def reversal(self, date: dt.date, memo: str) -> JournalEntry:
        """The entry that undoes this one, line by line."""
        if self.id is None:
            raise ValueError("only a posted entry can be reversed")
        lines = tuple(JournalLine(ln.account_code, -ln.amount, ln.memo,
                                  None if ln.foreign is None else -ln.foreign)
                      for ln in self.lines)
        return JournalEntry(date, memo, self.source_type, self.source_id, lines, self.id)


def merge_lines(lines: list[JournalLine]) -> tuple[JournalLine, ...]:
    """One line per account (summed, in first-seen order), dropping zero lines."""
    merged: dict[str, Money] = {}
    for line in lines:
        merged[line.account_code] = (
            merged[line.account_code] + line.amount if line.account_code in merged else line.amount
        )
    return tuple(JournalLine(code, amt) for code, amt in merged.items() if not amt.is_zero)
