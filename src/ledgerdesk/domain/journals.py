"""Manual journals: a dated, numbered entry of any number of lines that the user writes.

The owner putting money in, a loan and its repayments, a tax payment, depreciation, wages:
whatever no invoice, bill or payment records.  ``validate_journal`` is pure and returns every
problem with its field (``lines[2].amount``, ``lines``), so a form shows them all at once.
The receivable and payable control accounts are refused: they move only with documents and
payments, so that each keeps equalling the sum of what is outstanding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountRole, JournalEntry, SourceType
from ledgerdesk.domain.ledger import JournalLine as PostedLine
from ledgerdesk.domain.money import MAX_AMOUNT, Money, minor_exponent, quantize
from ledgerdesk.domain.numbering import format_number
from ledgerdesk.domain.plain_text import text_problem
from ledgerdesk.domain.problems import Problem

JOURNAL_PREFIX = "JNL-"

#: Why each control account is refused, and what to record instead.
_CONTROL_WHY = {
    AccountRole.RECEIVABLE: (
        "moves only with invoices, credit notes and payments, so that it keeps equalling "
        "what customers owe; record an invoice or a credit note instead"
    ),
    AccountRole.PAYABLE: (
        "moves only with bills, supplier credit notes and payments, so that it keeps "
        "equalling what the business owes its suppliers; record a bill or a supplier credit "
        "note instead"
    ),
}


def journal_number(sequence: int) -> str:
    """``JNL-00001``: journals have their own gap-free series."""
    return format_number(JOURNAL_PREFIX, sequence)


@dataclass(frozen=True, slots=True)
class JournalLine:
    """One line as the user wrote it: an account and a debit or a credit (exactly one)."""

    account_code: str
    debit: Decimal | None = None
    credit: Decimal | None = None
    description: str = ""

    @property
    def signed(self) -> Decimal:
        """Debit positive, credit negative (what the ledger stores); 0 if neither."""
        return (self.debit or Decimal(0)) - (self.credit or Decimal(0))


@dataclass(frozen=True, slots=True)
class ManualJournal:
    date: dt.date
    memo: str
    lines: tuple[JournalLine, ...]
    currency: str
    number: str | None = None  # taken when it is recorded
    id: int | None = None
    voided: bool = False

    @property
    def debit_total(self) -> Money:
        return Money.of(sum((ln.debit or Decimal(0) for ln in self.lines), Decimal(0)),
                        self.currency)


def validate_journal(journal: ManualJournal, accounts: Mapping[str, Account]) -> list[Problem]:
    """Every problem with ``journal`` against the chart ``accounts``; changes nothing."""
    problems: list[Problem] = []
    if not journal.memo.strip():
        problems.append(Problem("memo", "required", _("Say what the journal is for, such as "
                                                      "“Owner's capital” or “Depreciation, "
                                                      "March”.")))
    elif why := text_problem(journal.memo, "memo"):
        problems.append(Problem("memo", "plain_text", why))
    debits = credits = Decimal(0)
    for i, item in enumerate(journal.lines):
        problems.extend(_account_problems(f"lines[{i}].account_code", item, accounts))
        if why := text_problem(item.description, "description"):
            problems.append(Problem(f"lines[{i}].description", "plain_text", why))
        amount_problem = _amount_problem(f"lines[{i}].amount", item, journal.currency)
        if amount_problem is not None:
            problems.append(amount_problem)
            continue
        debits += item.debit or 0
        credits += item.credit or 0
    if len(journal.lines) < 2:
        problems.append(Problem(
            "lines", "too_few_lines",
            _("A journal needs at least two lines: an account debited and an account credited."),
        ))
    if max(debits, credits) >= MAX_AMOUNT:
        problems.append(Problem("lines", "too_large",
                                _("The lines add up to more than the book can hold.")))
    elif debits != credits:
        problems.append(_unbalanced(debits, credits, journal.currency))
    return problems


def _account_problems(path: str, item: JournalLine,
                      accounts: Mapping[str, Account]) -> list[Problem]:
    account = accounts.get(item.account_code)
    if account is None:
        shown = item.account_code or "(none)"
        return [Problem(path, "unknown_account",
                        _("There is no account {shown} in the chart; choose one that is.").format(
                            shown=shown))]
    if getattr(account, "archived", False):  # once accounts can be archived
        return [Problem(path, "archived_account",
                        _("{code} {name} is archived; choose an account in use.").format(
                            code=account.code,
                            name=account.name))]
    if why := control_account_problem(account):
        return [Problem(path, "control_account", why)]
    return []


def control_account_problem(account: Account) -> str:
    """Why a journal (or a bank rule) cannot post to ``account``; "" when it can."""
    if account.role in _CONTROL_WHY:
        return f"{account.code} {account.name} {_CONTROL_WHY[account.role]}."
    return ""


def _amount_problem(path: str, item: JournalLine, currency: str) -> Problem | None:
    if item.debit is None and item.credit is None:
        return Problem(path, "no_amount", _("Enter a debit or a credit on this line."))
    if item.debit is not None and item.credit is not None:
        return Problem(path, "both_sides",
                       _("A line is either a debit or a credit; split it into two lines."))
    amount = item.debit if item.debit is not None else item.credit
    assert amount is not None
    side = "debit" if item.debit is not None else "credit"
    if not amount > 0:
        return Problem(path, "not_positive", _("A {side} must be more than zero.").format(
                                                 side=side),
                       {"attempted": amount})
    if amount >= MAX_AMOUNT:
        return Problem(path, "too_large", _("The {side} is too large for the book.").format(
                                              side=side),
                       {"attempted": amount})
    if quantize(amount, currency) != amount:
        places = minor_exponent(currency)
        return Problem(path, "too_many_places",
                       _("{amount} has more decimal places than {currency} allows "
                         "({places}).").format(
                           amount=amount,
                           currency=currency,
                           places=places),
                       {"attempted": amount})
    return None


def _unbalanced(debits: Decimal, credits: Decimal, currency: str) -> Problem:
    difference = abs(debits - credits)
    more = _("the debits are more") if debits > credits else _("the credits are more")
    return Problem(
        "lines", "unbalanced",
        _("The debits ({debits}) and credits ({credits}) differ by {difference}: {more}, and "
          "a journal must balance to the cent.").format(
            debits=Money.of(debits, currency), credits=Money.of(credits, currency),
            difference=Money.of(difference, currency), more=more),
        {"debits": debits, "credits": credits, "difference": difference},
    )


def journal_entry(journal: ManualJournal) -> JournalEntry:
    """The entry a recorded journal posts: each line as it was written, in its order."""
    if journal.id is None:
        raise ValueError("only a recorded journal posts")
    lines = tuple(
        PostedLine(item.account_code, Money.of(item.signed, journal.currency), item.description)
        for item in journal.lines
    )
    memo = f"{journal.number or ''} {journal.memo}".strip()
    return JournalEntry(journal.date, memo, SourceType.MANUAL, journal.id, lines)
