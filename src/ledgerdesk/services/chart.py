"""The chart of accounts: every account with its balance, and its changes (rename, re-code,
archive or restore, mark as bank or not).  The command line and the window both come here.

Balances are summed by the book in SQL as of a day: a balance-sheet account over every
entry up to it, an income or expense account over its fiscal year up to it (what the
profit and loss shows; earlier years are retained earnings).  Natural signs: a credit
balance of a liability, equity or income account reads positive.

Re-coding keeps every posting and every document pointing at the account: storage moves
each reference in the same transaction (``storage.tx_chart``), so the reports and the
exported journal read the same before and after, under the new code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Protocol, cast

from ledgerdesk.domain.chart import PROFIT_AND_LOSS, AccountChange, change_problems
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotFound, ValidationFailed
from ledgerdesk.reports.ledger_reports import NATURAL_SIGN
from ledgerdesk.services.fiscal_year import fiscal_year_start
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.setup import base_currency


@dataclass(frozen=True, slots=True)
class AccountSummary:
    code: str
    name: str
    type: AccountType
    role: AccountRole | None
    archived: bool
    balance: Money  # natural sign; income and expenses: this fiscal year's
    currency: str | None = None  # a bank account's own currency; None: the home one

    @property
    def account(self) -> Account:
        return Account(self.code, self.name, self.type, self.role, self.archived,
                       self.currency)


@dataclass(frozen=True, slots=True)
class AccountList:
    rows: list[AccountSummary]  # every account, by code
    as_of: dt.date
    year_start: dt.date  # where income and expense balances start


class ChartQueries(Protocol):
    def account_list(self, as_of: dt.date, year_start: dt.date) -> list[tuple[Account, int]]:
        """Every account by code with its debit-positive balance in minor units: every
        entry up to ``as_of``, from ``year_start`` for income and expense accounts."""
        ...


class ChartBook(Book, Protocol):
    def chart(self) -> ChartQueries: ...


class ChartTransaction(Transaction, Protocol):
    def update_account(self, account: Account) -> None: ...  # name, role, archived
    def recode_account(self, old: str, new: str) -> None: ...  # with every reference
    def account_balance(self, code: str, since: dt.date | None = None) -> int: ...


def list_accounts(book: ChartBook, as_of: dt.date) -> AccountList:
    with book.read() as tx:
        year_start = fiscal_year_start(tx).year_of(as_of)[0]
        currency = base_currency(tx)
    earlier = _earlier_years_result(book, year_start)
    rows = [
        AccountSummary(account.code, account.name, account.type, account.role,
                       account.archived,
                       Money.from_minor((minor + (earlier if account.role is
                                                  AccountRole.RETAINED_EARNINGS else 0))
                                        * NATURAL_SIGN[account.type], currency),
                       account.currency)
        for account, minor in book.chart().account_list(as_of, year_start)
    ]
    return AccountList(rows, as_of, year_start)


def _earlier_years_result(book: ChartBook, year_start: dt.date) -> int:
    """Every fiscal year's result before ``year_start``, debit positive (a profit is a
    credit): what the balance sheet shows as retained earnings beside what is posted to the
    account, derived, with no closing entries."""
    if year_start == dt.date.min:
        return 0
    before = book.chart().account_list(year_start - dt.timedelta(days=1), dt.date.min)
    return sum(minor for account, minor in before if account.type in PROFIT_AND_LOSS)


def edit_account(book: Book, code: str, change: AccountChange, today: dt.date) -> Account:
    """Apply ``change`` to account ``code`` in one transaction, or raise ``ValidationFailed``
    naming every problem (or ``NotFound``) and change nothing.  Returns the account now."""
    if change.name is not None:
        change = replace(change, name=change.name.strip())
    with book.write() as tx:
        chart = tx.accounts()
        account = chart.get(code)
        if account is None:
            raise NotFound(_("There is no account {code!r} in the chart.").format(code=code))
        store = cast(ChartTransaction, tx)
        balance = None
        if change.archived and not account.archived:
            since = (fiscal_year_start(tx).year_of(today)[0]
                     if account.type in PROFIT_AND_LOSS else None)
            balance = Money.from_minor(store.account_balance(code, since) *
                                       NATURAL_SIGN[account.type], base_currency(tx))
        problems = change_problems(account, change, chart, balance)
        if problems:
            raise ValidationFailed(problems)
        changed = _changed(account, change)
        if changed.code != code:
            store.recode_account(code, changed.code)
        store.update_account(changed)
    return changed


def _changed(account: Account, change: AccountChange) -> Account:
    role = account.role
    if change.bank is True:
        role = AccountRole.BANK
    elif change.bank is False and role is AccountRole.BANK:
        role = None
    return replace(
        account, code=change.code if change.code is not None else account.code,
        name=change.name if change.name is not None else account.name, role=role,
        archived=change.archived if change.archived is not None else account.archived,
    )
