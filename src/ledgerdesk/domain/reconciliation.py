"""Bank reconciliation: a statement's closing balance against the book's cleared postings.

A posting is one journal line on a bank account, whatever posted it (a payment, a journal,
a tax settlement, a document on an account later marked bank), so anything that moves the
bank can be cleared.  A void record's lines (the reversed entry and its reversal) are never
postings to clear: they cancel out, and "nothing cleared is void" is one of ``check``'s
rules.  The difference (statement balance - the opening reconciled balance - the cleared
postings) must be zero to finish; the opening is the last standing reconciliation's
statement balance, 0 for the first.  Only the latest standing reconciliation of an account
may be undone, and while one stands the records of its postings cannot be voided
(``Cleared``, one sentence naming it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.bank_accounts import bank_account_problem, bank_accounts_words
from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.ledger import Account, SourceType
from ledgerdesk.domain.money import MAX_AMOUNT, Money, total
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.problems import NotAllowed, Problem
from ledgerdesk.domain.wording import plain_amount, plural


@dataclass(frozen=True, slots=True)
class BankPosting:
    line_id: int  # the journal line
    date: dt.date
    amount: Money  # debit positive: money into the account
    what: str  # as the lists name its record: "PAY-00017 Customer receipt Acme"
    source_type: SourceType
    source_id: int | None


def posting_words(source_type: SourceType, source_id: int | None, memo: str) -> str:
    """A posting named by its record: a payment's entry memo lacks its number."""
    if source_type is SourceType.PAYMENT and source_id is not None:
        return f"{payment_number(source_id)} {memo}".strip()
    return memo


@dataclass(frozen=True, slots=True)
class Reconciliation:
    account_code: str
    account_name: str
    statement_date: dt.date
    statement_balance: Money
    opening: Money  # the account's previous standing reconciliation's balance, or 0
    id: int | None = None
    undone: bool = False
    cleared: int = 0  # how many postings it cleared
    cleared_total: Money | None = None  # their sum, as the book holds them

    def describe(self) -> str:
        """"reconciliation 3 of 1000 Bank (statement 2026-01-31)"."""
        return (_("reconciliation {id} of {account_code} {account_name} (statement "
                  "{date})").format(
                    id=self.id, account_code=self.account_code, account_name=self.account_name,
                    date=self.statement_date.isoformat()))


@dataclass(frozen=True, slots=True)
class ReconciliationDraft:
    """A statement against the account's uncleared postings, before anything is ticked.

    The caller ticks postings (``line_id``s of ``candidates``); every figure follows from
    the ticked ids, so a window can show a live difference without asking the book."""

    account_code: str
    account_name: str
    statement_date: dt.date
    statement_balance: Money
    opening: Money
    previous: Reconciliation | None  # the one this starts from
    candidates: tuple[BankPosting, ...]  # uncleared, dated on or before the statement
    later: tuple[BankPosting, ...] = ()  # uncleared, dated after it: not on this statement

    @property
    def all_ids(self) -> tuple[int, ...]:
        return tuple(p.line_id for p in self.candidates)

    def cleared(self, ids: Iterable[int]) -> tuple[BankPosting, ...]:
        ticked = set(ids)
        return tuple(p for p in self.candidates if p.line_id in ticked)

    def uncleared(self, ids: Iterable[int]) -> tuple[BankPosting, ...]:
        ticked = set(ids)
        return tuple(p for p in self.candidates if p.line_id not in ticked)

    def cleared_total(self, ids: Iterable[int]) -> Money:
        return total([p.amount for p in self.cleared(ids)], self.opening.currency)

    def difference(self, ids: Iterable[int]) -> Money:
        return self.statement_balance - self.opening - self.cleared_total(ids)

    def strays(self, ids: Iterable[int]) -> list[int]:
        """Ticked ids that are not among the candidates, in order."""
        known = set(self.all_ids)
        return sorted({i for i in ids if i not in known})

    def explaining(self, ids: Collection[int]) -> tuple[BankPosting, ...]:
        """Postings that alone would close the difference: an unticked one (or one dated
        after the statement) of exactly the difference, or a ticked one of minus it."""
        gap = self.difference(ids)
        if gap.is_zero:
            return ()
        ticked = set(ids)
        return tuple(p for p in (*self.candidates, *self.later)
                     if p.amount == (-gap if p.line_id in ticked else gap))


def statement_problems(code: str, chart: Mapping[str, Account], date: dt.date,
                       last: Reconciliation | None) -> list[Problem]:
    """What is wrong with reconciling account ``code`` to a statement of ``date``, given
    the account's last standing reconciliation ``last``."""
    if not code.strip():
        return [Problem("account", "required",
                        _("Name the bank account to reconcile; {bank_accounts_words}.").format(
                            bank_accounts_words=bank_accounts_words(chart)))]
    why = bank_account_problem(code, chart)
    if why is not None:
        return [Problem("account", "not_found" if code not in chart else "not_bank", why)]
    if last is not None and date < last.statement_date:
        return [Problem("statement_date", "before_last",
                        _("The statement date {date} is before that of the last "
                          "{describe}: statements are reconciled in order.").format(
                            date=date.isoformat(), describe=last.describe()))]
    return []


def read_balance(amount: Decimal, currency: str) -> tuple[Money | None, list[Problem]]:
    """The statement balance as typed, or why the book cannot hold it (never rounded)."""
    if amount.is_finite() and abs(amount) >= MAX_AMOUNT:
        return None, [Problem("statement_balance", "too_large",
                              _("The statement balance is too large for the book."))]
    try:
        return Money.exact(amount, currency), []
    except (ValueError, ArithmeticError) as exc:
        return None, [Problem("statement_balance", "invalid", str(exc))]


def finish_problems(draft: ReconciliationDraft, ids: Collection[int]) -> list[Problem]:
    """Why the draft cannot be finished with ``ids`` ticked; empty when it can."""
    strays = draft.strays(ids)
    if strays:
        return [Problem("cleared", "not_candidate",
                        _("Not an uncleared posting of {account_code} {account_name} dated on "
                          "or before {date}: ").format(
                            account_code=draft.account_code, account_name=draft.account_name,
                            date=draft.statement_date.isoformat())
                        + ", ".join(str(i) for i in strays) + ".")]
    gap = draft.difference(ids)
    if gap.is_zero:
        return []
    cleared = draft.cleared(ids)
    return [Problem(
        "difference", "not_zero",
        ngettext("The difference is {gap}: the statement says {balance}, the opening "
                 "reconciled balance is {opening} and {count} cleared posting comes to "
                 "{total}; it must be zero to finish, so nothing was recorded.",
                 "The difference is {gap}: the statement says {balance}, the opening "
                 "reconciled balance is {opening} and {count} cleared postings come to "
                 "{total}; it must be zero to finish, so nothing was recorded.",
                 len(cleared)).format(gap=gap, balance=draft.statement_balance,
                                      opening=draft.opening, count=len(cleared),
                                      total=draft.cleared_total(ids)),
        {"difference": gap.amount})]


class Cleared(NotAllowed):
    """A record whose bank posting a standing reconciliation cleared may not be voided."""

    def __init__(self, what: str, reconciliation: Reconciliation) -> None:
        self.what = what
        self.reconciliation = reconciliation
        super().__init__(self.said())

    def said(self, undo_command: str | None = None) -> str:
        """The sentence; the command line adds the command that undoes the reconciliation,
        as the window cannot run one."""
        how = f" ({undo_command})" if undo_command else ""
        return (_("{what} is cleared in {describe}: undo that reconciliation first{how}.").format(
                    what=self.what, describe=self.reconciliation.describe(), how=how))


def undo_refusal(target: Reconciliation, latest: Reconciliation | None) -> str | None:
    """Why ``target`` may not be undone (``latest``: its account's newest standing one)."""
    if target.undone:
        return _("Reconciliation {id} was undone already.").format(id=target.id)
    if latest is not None and latest.id != target.id:
        return (_("{capital} is not the latest of {account_code} {account_name}: undo "
                  "reconciliation {id} (statement {date}) first.").format(
                    capital=_capital(target.describe()), account_code=target.account_code,
                    account_name=target.account_name, id=latest.id,
                    date=latest.statement_date.isoformat()))
    return None


def finished_words(rec: Reconciliation) -> str:
    """The audit log's words for a finished reconciliation."""
    return (_("Reconciled {account_code} {account_name} to the statement of {date} "
              "(reconciliation {id}): {plural} cleared, balance {plain_amount} {currency}").format(
                account_code=rec.account_code, account_name=rec.account_name,
                date=rec.statement_date.isoformat(), id=rec.id,
                plural=plural(rec.cleared, '{count} posting', '{count} postings'),
                plain_amount=plain_amount(rec.statement_balance),
                currency=rec.statement_balance.currency))


def undone_words(rec: Reconciliation) -> str:
    return _("Undid {describe}").format(describe=rec.describe())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
