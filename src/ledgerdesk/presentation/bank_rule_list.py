"""Bank > Bank rules… without Qt: the rules ("a reference containing STRIPE posts to 6500
Bank fees") as ``ledgerdesk list bank-rules`` lists them, and a new rule typed in, refused
field by field in the command line's words (``services.bank_rules.add_bank_rule``)."""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.ledger import AccountRole, AccountType
from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.domain.wording import plural
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.bank_rules import BankRuleRow, add_bank_rule, bank_rules
from ledgerdesk.services.ports import BookFailure

NOTE = N_("A statement line that pays no document and whose reference or counterparty "
          "contains a rule's text (in any case) is offered as a journal to the rule's account; "
          "the longest text that matches wins.")
#: The fields a refusal is shown beside; "" is the form as a whole.
FIELDS = ("reference_contains", "account", "memo")


@dataclass(frozen=True, slots=True)
class RuleRow:
    id: int
    text: str
    account: str
    memo: str
    row: BankRuleRow


class BankRuleList:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: list[RuleRow] = []
        self.errors: dict[str, str] = {}
        self.message = ""

    def reload(self) -> list[RuleRow]:
        self.rows = [RuleRow(r.rule.id or 0, r.rule.reference_contains,
                             f"{r.rule.account_code} {r.account_name}".strip(),
                             r.rule.memo or _("(the line's reference)"), r)
                     for r in bank_rules(self.session.book)]
        return self.rows

    def count_text(self) -> str:
        count = len(self.rows)
        return _("No bank rules yet") if not count else \
            plural(count, "{count} bank rule", "{count} bank rules")

    def accounts(self) -> list[tuple[str, str]]:
        """The accounts a rule may post to, as the command line allows: any but the
        receivable and payable accounts and an archived one."""
        with self.session.book.read() as tx:
            chart = tx.accounts()
        return [(a.code, f"{a.code} {a.name}") for a in sorted(chart.values(),
                                                                key=lambda a: a.code)
                if not a.archived
                and a.role not in (AccountRole.RECEIVABLE, AccountRole.PAYABLE)]

    def default_account(self, accounts: list[tuple[str, str]]) -> str | None:
        """The account a new rule starts on: the first expense account (most rules are
        fees), else the first offered."""
        with self.session.book.read() as tx:
            chart = tx.accounts()
        codes = [code for code, _ in accounts]
        return next((c for c in codes if chart[c].type is AccountType.EXPENSE),
                    codes[0] if codes else None)

    def add(self, text: str, account_code: str, memo: str) -> BankRuleRow | None:
        """Keep the rule; None with ``errors`` by field (the input stays in the form)."""
        self.errors, self.message = {}, ""
        try:
            saved = add_bank_rule(self.session.book, text, account_code, memo)
        except ValidationFailed as exc:
            for problem in exc.problems:
                where = problem.field if problem.field in FIELDS else ""
                self.errors.setdefault(where, problem.message)
            return None
        except (NotAllowed, BookFailure) as exc:
            self.errors = {"reference_contains": str(exc)}
            return None
        self.message = saved.saved_words()
        return saved

    def index_of(self, rule_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == rule_id), None)
