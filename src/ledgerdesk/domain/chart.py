"""The rules for changing the chart of accounts: rename, re-code, archive, mark as bank.

Pure: the caller gives the chart as it stands and, for an archive, the account's balance;
every problem comes back at once, each on its field (``name``, ``code``, ``archive``,
``bank``), worded the same for the command line and the window.

The accounts the books post to by themselves (receivable, payable, sales tax, retained
earnings) keep their role and are never archived.  A book keeps at least one bank account
that is not archived, or no payment could be recorded.  An account is archived only at a
zero balance: for a balance-sheet account over every entry, for an income or expense
account over the current fiscal year (earlier years are retained earnings by then).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.plain_text import text_problem
from ledgerdesk.domain.problems import Problem

#: The roles the bookkeeping rules post to: fixed to their accounts.
KEPT_ROLES = {
    AccountRole.RECEIVABLE: "receivable", AccountRole.PAYABLE: "payable",
    AccountRole.SALES_TAX: "sales tax", AccountRole.RETAINED_EARNINGS: "retained earnings",
}
PROFIT_AND_LOSS = (AccountType.INCOME, AccountType.EXPENSE)


@dataclass(frozen=True, slots=True)
class AccountChange:
    """What to change; None leaves it as it is."""

    name: str | None = None
    code: str | None = None
    archived: bool | None = None  # True: archive; False: restore
    bank: bool | None = None  # True: payments may use it; False: no longer


def label(account: Account) -> str:
    return f"{account.code} {account.name}"


def archived_problem(account: Account) -> str:
    """Why nothing can be posted to an archived account (a line, a payment, a void)."""
    return (_("Account {label} is archived, so nothing can be posted to it; restore it in the "
              "chart of accounts first.").format(label=label(account)))


def code_problems(code: str, chart: Mapping[str, Account], field: str = "code") -> list[Problem]:
    if not code.strip():
        return [Problem(field, "required", _("An account needs a code."))]
    if why := text_problem(code, _("account code")):
        return [Problem(field, "plain_text", why)]
    if code != code.strip():
        return [Problem(field, "spaces", _("An account code cannot start or end with a space."))]
    if code in chart:
        return [Problem(field, "duplicate", _("Account {code} already exists.").format(
                                                code=code))]
    return []


def name_problems(name: str) -> list[Problem]:
    if not name.strip():
        return [Problem("name", "required", _("An account needs a name."))]
    if why := text_problem(name, _("account name")):
        return [Problem("name", "plain_text", why)]
    return []


def change_problems(account: Account, change: AccountChange, chart: Mapping[str, Account],
                    balance: Money | None = None) -> list[Problem]:
    """Every problem with ``change``; ``balance`` is needed when it archives."""
    problems = []
    if change.name is not None:
        problems += name_problems(change.name)
    if change.code is not None and change.code != account.code:
        problems += code_problems(change.code, chart)
    if change.bank is not None and change.bank != (account.role is AccountRole.BANK):
        problems += _bank_problems(account, change.bank, chart)
    if change.archived and not account.archived:
        problems += _archive_problems(account, chart, balance)
    return problems


def _bank_problems(account: Account, bank: bool, chart: Mapping[str, Account]) -> list[Problem]:
    if account.role in KEPT_ROLES:
        return [Problem("bank", "kept_role", _kept(account, _("keeps that role")))]
    if bank and account.type is not AccountType.ASSET:
        return [Problem("bank", "bank_asset", _("A bank account is an asset account."))]
    if not bank and _last_bank(account, chart):
        return [Problem("bank", "last_bank", _last_bank_text(account))]
    return []


def _archive_problems(account: Account, chart: Mapping[str, Account],
                      balance: Money | None) -> list[Problem]:
    if account.role in KEPT_ROLES:
        return [Problem("archive", "kept_role", _kept(account, _("cannot be archived")))]
    if _last_bank(account, chart):
        return [Problem("archive", "last_bank", _last_bank_text(account))]
    if balance is not None and not balance.is_zero:
        when = _(" this fiscal year") if account.type in PROFIT_AND_LOSS else ""
        return [Problem(
            "archive", "balance",
            _("Account {label} has a balance of {amount:f} {currency}{when}; only an account at "
              "zero can be archived.").format(
                label=label(account),
                amount=balance.amount,
                currency=balance.currency,
                when=when),
            {"balance": balance.amount},
        )]
    return []


def _kept(account: Account, outcome: str) -> str:
    role = KEPT_ROLES[account.role]  # type: ignore[index]
    return (_("Account {label} is the {role} account the books post to by themselves; it "
              "{outcome}.").format(label=label(account), role=role, outcome=outcome))


def _last_bank(account: Account, chart: Mapping[str, Account]) -> bool:
    others = [a for a in chart.values() if a.role is AccountRole.BANK and not a.archived
              and a.code != account.code]
    return account.role is AccountRole.BANK and not account.archived and not others


def _last_bank_text(account: Account) -> str:
    return (_("Account {label} is the book's only bank account, and payments need one; add or "
              "mark another bank account first.").format(label=label(account)))
