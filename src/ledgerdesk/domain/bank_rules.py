"""Bank rules: "a statement line whose reference contains STRIPE is a fee, posted to 6500".

A rule turns a statement line that pays no document into a journal between the bank and
the rule's account.  Its text is found case-insensitively anywhere in the line's reference
or counterparty.  A rule may not point at the receivable or payable account (they move only
with documents, as journals are refused there) nor at an archived account.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ledgerdesk.domain.chart import archived_problem
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.journals import control_account_problem
from ledgerdesk.domain.ledger import Account
from ledgerdesk.domain.plain_text import text_problem
from ledgerdesk.domain.problems import Problem

#: Longest rule text and memo: a reference is at most 255 characters.
MAX_TEXT = 255


@dataclass(frozen=True, slots=True)
class BankRule:
    reference_contains: str
    account_code: str
    memo: str = ""
    id: int | None = None

    def applies_to(self, *texts: str) -> bool:
        wanted = self.reference_contains.casefold()
        return any(wanted in text.casefold() for text in texts)


def rule_problems(rule: BankRule, accounts: Mapping[str, Account]) -> list[Problem]:
    """Every problem with a new rule, by field; ``[]`` when it can be kept."""
    problems: list[Problem] = []
    text = rule.reference_contains
    if not text.strip():
        problems.append(Problem("reference_contains", "required",
                                _("A rule needs the text its references contain.")))
    elif len(text) > MAX_TEXT:
        problems.append(Problem("reference_contains", "too_long",
                                _("A rule's text is at most {max_text} characters.").format(
                                    max_text=MAX_TEXT)))
    elif why := text_problem(text, _("rule's text")):
        problems.append(Problem("reference_contains", "plain_text", why))
    if len(rule.memo) > MAX_TEXT:
        problems.append(Problem("memo", "too_long", _("A memo is at most {max_text} "
                                                      "characters.").format(
                                                        max_text=MAX_TEXT)))
    elif why := text_problem(rule.memo, "memo"):
        problems.append(Problem("memo", "plain_text", why))
    account = accounts.get(rule.account_code)
    if account is None:
        problems.append(Problem("account", "unknown_account",
                                _("There is no account {value} in the chart; choose one that "
                                  "is.").format(
                                    value=rule.account_code or _('(none)'))))
    elif account.archived:
        problems.append(Problem("account", "archived_account", archived_problem(account)))
    elif why := control_account_problem(account):
        problems.append(Problem("account", "control_account", why))
    return problems


def rule_for(rules: Iterable[BankRule], *texts: str) -> BankRule | None:
    """The rule for a line: the one whose text is longest (the most particular), then the
    oldest."""
    found = [r for r in rules if r.applies_to(*texts)]
    found.sort(key=lambda r: (-len(r.reference_contains), r.id or 0))
    return found[0] if found else None
