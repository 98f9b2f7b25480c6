"""Tax codes: list them, create or change one, and find the code a document line means.

A line names its code by id (the editor's picker) or by name (an import's ``tax_code``
column), or gives only a bare rate (an import's ``tax_rate``, an older caller): then it
takes the first code of its side with that rate, made when there is none ("Tax 5.5%").  A
name the book lacks, given with a rate, is made at that rate (our line export names both,
so a document's codes come back in another book).  A
document without tax puts every line on its side's zero code.  The code's rate is the
line's rate, so a line always carries the rate it was posted at.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ledgerdesk.domain.documents import Side, TaxMode
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountRole
from ledgerdesk.domain.problems import NotAllowed, Problem, ValidationFailed
from ledgerdesk.domain.tax_codes import (
    DEFAULT_CODES,
    TaxCode,
    account_change_problem,
    name_for_rate,
    percent_text,
    rate_change_problem,
    saved_words,
    side_words,
    tax_code_problems,
)
from ledgerdesk.services.ports import Book, Transaction


def list_tax_codes(book: Book, side: Side | None = None) -> list[TaxCode]:
    """Every code (or one side's): sales first, each side by rate and name."""
    with book.read() as tx:
        return [c for c in tx.tax_codes() if side is None or c.side is side]


@dataclass(frozen=True)
class TaxCodeUse:
    """A code and the first posted document on it ("" while none: its rate may change)."""

    code: TaxCode
    used_on: str
    account_name: str = ""


def tax_code_uses(book: Book) -> list[TaxCodeUse]:
    with book.read() as tx:
        accounts = tx.accounts()
        return [TaxCodeUse(c, tx.tax_code_posted_on(c.id or 0) or "",
                           _name_of(accounts, c.account_code)) for c in tx.tax_codes()]


#: Accounts a code's tax may never post to: money owed or held is not tax.
NOT_FOR_TAX = (AccountRole.RECEIVABLE, AccountRole.PAYABLE, AccountRole.BANK)


@dataclass(frozen=True)
class TaxAccounts:
    """The accounts a code may post to (active, none of ``NOT_FOR_TAX``), by code, and the
    one a new code posts to unless told otherwise."""

    accounts: list[Account]
    default: str


def tax_accounts(book: Book) -> TaxAccounts:
    with book.read() as tx:
        chart = tx.accounts()
        offered = [a for code, a in sorted(chart.items())
                   if not a.archived and a.role not in NOT_FOR_TAX]
        return TaxAccounts(offered, tax_account(tx))


def _name_of(accounts: dict[str, Account], code: str) -> str:
    account = accounts.get(code)
    return account.name if account is not None else ""


def tax_account(tx: Transaction) -> str:
    """The account a code posts to unless told otherwise: the chart's Sales Tax account."""
    codes = sorted(a.code for a in tx.accounts().values() if a.role is AccountRole.SALES_TAX)
    if not codes:
        raise NotAllowed(_("The chart has no sales tax account."))
    return codes[0]


def add_default_codes_in(tx: Transaction) -> None:
    """A new book's codes: ``DEFAULT_CODES`` on each side, on the Sales Tax account."""
    account = tax_account(tx)
    for side in Side:
        for name, rate in DEFAULT_CODES:
            tx.add_tax_code(TaxCode(name, rate, side, account))


@dataclass(frozen=True)
class SavedCode:
    code: TaxCode
    created: bool
    changed: bool  # False: the code was already so
    account_name: str = ""

    @property
    def words(self) -> str:
        """What was done, in the one sentence both faces show (``domain.saved_words``)."""
        return saved_words(self.code, self.account_name, created=self.created,
                           changed=self.changed)


def save_tax_code(book: Book, name: str, rate: Decimal, side: Side,
                  account_code: str | None = None) -> SavedCode:
    """Create the code ``name`` on ``side``, or give an existing one a new rate or account.
    A code that posted documents use keeps both: they were posted at that rate, to that
    account, and a settlement clears the account its codes name (refused, suggesting a
    new code)."""
    name = name.strip()
    with book.write() as tx:
        existing = _named(tx.tax_codes(), side, name)
        account = account_code or (existing.account_code if existing else tax_account(tx))
        problems = tax_code_problems(name, rate, account, set(tx.accounts()))
        problems += _account_problems(tx, account)
        changes = existing is not None and (existing.rate, existing.account_code) != (
            rate, account)
        if existing is not None and changes and not problems:
            used_on = tx.tax_code_posted_on(existing.id or 0)
            if used_on:
                problems.append(rate_change_problem(existing, rate, used_on)
                                if existing.rate != rate else
                                account_change_problem(existing, account, used_on))
        if problems:
            raise ValidationFailed(problems)
        account_name = _name_of(tx.accounts(), account)
        if existing is None:
            code = TaxCode(name, rate, side, account)
            return SavedCode(replace(code, id=tx.add_tax_code(code)), True, True, account_name)
        wanted = replace(existing, rate=rate, account_code=account)
        if wanted == existing:
            return SavedCode(existing, False, False, account_name)
        tx.update_tax_code(wanted)
        return SavedCode(wanted, False, True, account_name)


def _account_problems(tx: Transaction, code: str) -> list[Problem]:
    account = tx.accounts().get(code)
    if account is not None and account.role in NOT_FOR_TAX:
        return [Problem("account", "not_for_tax",
                        _("Tax cannot post to {code} {name}: choose a tax account.").format(
                            code=code,
                            name=account.name))]
    return []


def _named(codes: list[TaxCode], side: Side, name: str) -> TaxCode | None:
    key = name.casefold()
    return next((c for c in codes if c.side is side and c.name.casefold() == key), None)


def code_for_rate_in(tx: Transaction, side: Side, rate: Decimal) -> TaxCode:
    """The first code of ``side`` at ``rate``, made (``Tax 5.5%``) when there is none."""
    found = next((c for c in tx.tax_codes() if c.side is side and c.rate == rate), None)
    if found is not None:
        return found
    name = name_for_rate(rate)
    taken = {c.name.casefold() for c in tx.tax_codes() if c.side is side}
    suffix = 2
    while name.casefold() in taken:  # "Tax 5%" may be a user's code at another rate
        name, suffix = f"{name_for_rate(rate)} ({suffix})", suffix + 1
    code = TaxCode(name, rate.normalize() if rate else Decimal(0), side, tax_account(tx))
    return replace(code, id=tx.add_tax_code(code))


def line_code_in(tx: Transaction, side: Side, mode: TaxMode, path: str, *,
                 code_id: int | None, name: str, rate: Decimal | None
                 ) -> tuple[TaxCode | None, list[Problem]]:
    """The code of one line (``path``: ``lines[2]``), or None and what is wrong."""
    if mode is TaxMode.NO_TAX:
        return code_for_rate_in(tx, side, Decimal(0)), []
    codes = tx.tax_codes()
    if code_id is not None:
        code = next((c for c in codes if c.id == code_id), None)
        if code is None:
            return None, [Problem(f"{path}.tax_code", "unknown",
                                  _("There is no tax code {code_id}.").format(code_id=code_id))]
    elif name.strip():
        code = _named(codes, side, name.strip())
        if code is None and rate is not None and not tax_code_problems(
                name.strip(), rate, tax_account(tx), set(tx.accounts())):
            code = TaxCode(name.strip(), rate, side, tax_account(tx))  # named with its rate
            return replace(code, id=tx.add_tax_code(code)), []
        if code is None:
            known = ", ".join(c.name for c in codes if c.side is side) or _("none yet")
            return None, [Problem(f"{path}.tax_code", "unknown",
                                  _("There is no {side_words} tax code “{name}” (the "
                                    "{side_words} codes: {known}).").format(
                                      side_words=side_words(side),
                                      name=name.strip(),
                                      known=known))]
    elif rate is not None and not 0 <= rate <= 100:
        return None, []  # the document's rules say what is wrong with the rate
    else:
        return code_for_rate_in(tx, side, rate or Decimal(0)), []
    if code.side is not side:
        return None, [Problem(f"{path}.tax_code", "wrong_side",
                              _("{name} is a {side_words} tax code; this document takes a "
                                "{side_words2} one.").format(
                                  name=code.name,
                                  side_words=side_words(code.side),
                                  side_words2=side_words(side)))]
    if rate is not None and rate != code.rate:
        return None, [Problem(f"{path}.tax_rate", "not_the_codes",
                              _("{name} is {percent_text}%, not {percent_text2}%: give the code "
                                "or the rate, or both agreeing.").format(
                                  name=code.name,
                                  percent_text=percent_text(code.rate),
                                  percent_text2=percent_text(rate)))]
    return code, []
