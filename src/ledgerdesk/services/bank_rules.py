"""Bank rules remembered per book: add one (checked inside the write), list them.

``ledgerdesk bank-rule`` and ``list bank-rules`` call these; statement matching reads the
rules through ``BankTransaction.bank_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.bank_rules import BankRule, rule_problems
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.services.bank_ports import banked
from ledgerdesk.services.ports import Book


@dataclass(frozen=True, slots=True)
class BankRuleRow:
    rule: BankRule
    account_name: str

    def saved_words(self) -> str:
        """What the command line and the window say once the rule is kept."""
        rule = self.rule
        return (_("Rule {id}: a reference containing {reference_contains!r} posts to "
                  "{account_code} {account_name}.").format(
                    id=rule.id, reference_contains=rule.reference_contains,
                    account_code=rule.account_code, account_name=self.account_name))


def add_bank_rule(book: Book, reference_contains: str, account_code: str,
                  memo: str = "") -> BankRuleRow:
    """Keep a new rule, or raise ``ValidationFailed`` (every problem) or ``NotAllowed`` (a
    rule for that text exists) and change nothing."""
    rule = BankRule(reference_contains.strip(), account_code.strip(), memo.strip())
    with book.write() as tx:
        bank = banked(tx)
        accounts = bank.accounts()
        problems = rule_problems(rule, accounts)
        if problems:
            raise ValidationFailed(problems)
        wanted = rule.reference_contains.casefold()
        same = next((r for r in bank.bank_rules()
                     if r.reference_contains.casefold() == wanted), None)
        if same is not None:
            raise NotAllowed(_("There is already a rule for references containing "
                               "{reference_contains!r} (posting "
                               "to {account_code}).").format(
                reference_contains=same.reference_contains,
                account_code=same.account_code))
        rule_id = bank.add_bank_rule(rule)
        saved = BankRule(rule.reference_contains, rule.account_code, rule.memo, rule_id)
        return BankRuleRow(saved, accounts[rule.account_code].name)


def bank_rules(book: Book) -> list[BankRuleRow]:
    """Every rule, oldest first, with its account's name."""
    with book.read() as tx:
        accounts = tx.accounts()
        rules = banked(tx).bank_rules()
    return [BankRuleRow(r, accounts[r.account_code].name if r.account_code in accounts else "")
            for r in rules]
