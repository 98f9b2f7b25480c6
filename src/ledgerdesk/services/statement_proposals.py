"""New journals for statement lines that pay no document: by a bank rule, or a transfer.

- A bank rule whose text the line's reference or counterparty contains: a journal between
  the bank and the rule's account (bank fees, interest).
- A transfer: the line names another bank account of the book (its name, or its code as a
  word), so the journal is between the two banks; or another bank account holds the
  opposite posting, within the date window, against a clearing account (an asset or
  liability that is neither a bank nor a control account), so the journal takes this
  bank's half through that clearing account.

Pure: the rules, the chart and the other banks' postings are read by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ledgerdesk.domain.bank_rules import BankRule, rule_for
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.wording import Words
from ledgerdesk.services.bank_ports import BankPosting
from ledgerdesk.services.imports.matching import name_key, tokens
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.statement_postings import DATE_WINDOW

#: Account names too plain to name an account in a bank's text ("Bank charges" is no
#: transfer to the account called "Bank"): such an account is named by its code only.
_PLAIN_NAMES = frozenset({"bank", "the bank", "cash", "account", "current account", "main"})


@dataclass(frozen=True, slots=True)
class JournalProposal:
    """A journal of the line's amount between the bank and ``account_code``."""

    account_code: str
    account_name: str
    memo: str
    words: Words  # why, as the command line and the window say it
    transfer: bool = False
    rule_id: int | None = None
    posting: BankPosting | None = None  # a transfer's other half, on another bank


class Proposer:
    """The journal proposal of each line of one bank's statement."""

    def __init__(self, bank_code: str, accounts: Mapping[str, Account],
                 rules: Iterable[BankRule], other_postings: Iterable[BankPosting]) -> None:
        self.bank_code = bank_code
        self.accounts = accounts
        self.rules = [r for r in rules if r.account_code != bank_code]
        self.banks = [a for a in accounts.values() if a.role is AccountRole.BANK
                      and not a.archived and a.code != bank_code]
        self.halves = [p for p in other_postings if self._clearing(p.other_account)]
        self.used: set[int] = set()

    def propose(self, line: StatementLine) -> JournalProposal | None:
        return self._by_rule(line) or self._named_bank(line) or self._other_half(line)

    def _by_rule(self, line: StatementLine) -> JournalProposal | None:
        rule = rule_for(self.rules, line.reference, line.counterparty)
        account = self.accounts.get(rule.account_code) if rule else None
        if rule is None or account is None or account.archived:
            return None
        memo = rule.memo or line.reference or line.counterparty or _("Bank statement")
        why = (_("the reference contains {reference_contains!r} (bank rule {id})").format(
                   reference_contains=rule.reference_contains, id=rule.id),)
        return JournalProposal(account.code, account.name, memo[:255], why, rule_id=rule.id)

    def _named_bank(self, line: StatementLine) -> JournalProposal | None:
        words = tokens(f"{line.reference} {line.counterparty}")
        text = f" {name_key(f'{line.reference} {line.counterparty}')} "
        for bank in self.banks:
            name = name_key(bank.name)
            named = bool(name) and name not in _PLAIN_NAMES and f" {name} " in text
            if bank.code.upper() in words or named:
                towards = "to" if line.amount < 0 else "from"
                memo = _("Transfer {towards} {name}").format(towards=towards, name=bank.name)
                why = (_("the line names the bank account {code} {name}").format(
                           code=bank.code, name=bank.name),)
                return JournalProposal(bank.code, bank.name, memo, why, transfer=True)
        return None

    def _other_half(self, line: StatementLine) -> JournalProposal | None:
        for half in self.halves:
            apart = abs((half.date - line.date).days)
            if half.line_id in self.used or half.amount != -line.amount or apart > DATE_WINDOW:
                continue
            self.used.add(half.line_id)
            clearing = self.accounts[half.other_account]
            bank = self.accounts[half.account_code]
            why = (_("{what} on {code} {name} is its other half, through {code2} {name2}").format(
                       what=half.what, code=bank.code, name=bank.name, code2=clearing.code,
                       name2=clearing.name),)
            return JournalProposal(clearing.code, clearing.name, _("Transfer: {what}").format(
                                                                     what=half.what),
                                   why, transfer=True, posting=half)
        return None

    def _clearing(self, code: str) -> bool:
        account = self.accounts.get(code)
        return (account is not None and not account.archived and account.role is None
                and account.type in (AccountType.ASSET, AccountType.LIABILITY))
