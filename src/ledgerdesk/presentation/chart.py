"""The Accounts page and the account editor without Qt.

``AccountsList`` gives the chart's rows with locale balances, says what a row allows and
archives or restores one (the page asks first, in ``archive_question``).  ``AccountEditor``
adds an account or renames, re-codes and marks one as bank.  Both call the services the
command line calls, so a refusal reads the same in the window as after ``edit-account``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledgerdesk.domain.chart import KEPT_ROLES, AccountChange
from ledgerdesk.domain.i18n import N_, Translated, _, ngettext
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.chart import AccountSummary, ChartBook, edit_account, list_accounts
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.setup import add_account

TYPE_LABELS = Translated({AccountType.ASSET: N_("Asset"), AccountType.LIABILITY: N_("Liability"),
                          AccountType.EQUITY: N_("Equity"), AccountType.INCOME: N_("Income"),
                          AccountType.EXPENSE: N_("Expense")})
ROLE_LABELS = Translated({AccountRole.BANK: N_("Bank"), AccountRole.RECEIVABLE: N_("Receivable"),
                          AccountRole.PAYABLE: N_("Payable"),
                          AccountRole.SALES_TAX: N_("Sales tax"),
                          AccountRole.RETAINED_EARNINGS: N_("Retained earnings")})
ARCHIVED, ACTIVE = N_("Archived"), N_("Active")


@dataclass(frozen=True, slots=True)
class AccountRow:
    code: str
    name: str
    type: str
    role: str
    status: str
    balance: str
    summary: AccountSummary

    @property
    def archived(self) -> bool:
        return self.summary.archived

    @property
    def kept(self) -> bool:
        """One of the accounts the books post to by themselves: never archived."""
        return self.summary.role in KEPT_ROLES


class AccountsList:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.money = AmountFormatter(session.locale, session.currency).format
        self.dates = DateFormatter(session.locale)
        self.rows: list[AccountRow] = []
        self.note = ""

    def reload(self) -> list[AccountRow]:
        listed = list_accounts(self._book, self.session.today)
        self.rows = [AccountRow(
            a.code, a.name, TYPE_LABELS[a.type], self._role(a),
            _(ARCHIVED) if a.archived else _(ACTIVE), self.money(a.balance.amount), a,
        ) for a in listed.rows]
        self.note = (_("Balances on {short}; income and expense accounts since this fiscal year "
                       "began on "
                       "{short2}, earlier years' results in retained earnings.").format(
            short=self.dates.short(listed.as_of),
            short2=self.dates.short(listed.year_start)))
        return self.rows

    @staticmethod
    def _role(account: AccountSummary) -> str:
        """``Bank (USD)`` for a bank account kept in a currency of its own."""
        if account.role is None:
            return ""
        if account.role is AccountRole.BANK and account.currency:
            return _("{role} ({currency})").format(role=ROLE_LABELS[account.role],
                                                   currency=account.currency)
        return ROLE_LABELS[account.role]

    def count_text(self) -> str:
        archived = sum(row.archived for row in self.rows)
        shown = ngettext("{count} account", "{count} accounts", len(self.rows)).format(
            count=len(self.rows))
        return _("{shown}, {archived} archived").format(
            shown=shown, archived=archived) if archived else shown

    @property
    def _book(self) -> ChartBook:
        return self.session.book  # type: ignore[return-value]  # SqliteBook has chart()

    @staticmethod
    def archive_word(row: AccountRow | None) -> str:
        """What the page's button does for ``row``: archive it, or restore it."""
        return _("Restore") if row is not None and row.archived else _("Archive")

    @staticmethod
    def archive_question(row: AccountRow) -> str:
        if row.archived:
            return (_("Restore account {code} {name}? It can take new lines, payments and "
                      "postings again.").format(
                code=row.code,
                name=row.name))
        return (_("Archive account {code} {name}? It stays in history and reports; nothing new "
                  "can be "
                  "posted to it until it is restored.").format(code=row.code, name=row.name))

    def archive(self, row: AccountRow) -> str:
        """Archive (or restore) the row's account; "" when done, else why not."""
        change = AccountChange(archived=not row.archived)
        try:
            edit_account(self.session.book, row.code, change, self.session.today)
        except ValidationFailed as exc:
            return " ".join(problem.message for problem in exc.problems)
        except (NotFound, NotAllowed, BookFailure) as exc:
            return str(exc)
        return ""


class AccountEditor:
    """A new account (any type, a bank if an asset), or an existing one's name, code and
    bank mark.  ``save`` answers the problems by field: code, name, type, bank, book."""

    def __init__(self, session: Session, summary: AccountSummary | None = None) -> None:
        self.session = session
        self.before = summary.account if summary is not None else None
        self.saved: Account | None = None

    @property
    def title(self) -> str:
        if self.before is None:
            return _("New account")
        return _("Account {code} {name}").format(code=self.before.code, name=self.before.name)

    @property
    def values(self) -> dict[str, object]:
        before = self.before
        home = self.session.currency
        if before is None:
            return {"code": "", "name": "", "type": AccountType.EXPENSE, "bank": False,
                    "currency": home}
        return {"code": before.code, "name": before.name, "type": before.type,
                "bank": before.role is AccountRole.BANK, "currency": before.currency or home}

    @property
    def currency_fixed(self) -> bool:
        """A bank account keeps the currency it was opened in: its postings hold it."""
        return self.before is not None

    @property
    def bank_fixed(self) -> bool:
        """An account the books post to by themselves: its role is not the user's to change."""
        return self.before is not None and self.before.role in KEPT_ROLES

    def changed(self, **typed: object) -> bool:
        return typed != self.values

    def save(self, *, code: str, name: str, type: AccountType, bank: bool,
             currency: str | None = None) -> dict[str, str]:
        """``currency``: a new bank account's (None or the book's own: the home one)."""
        try:
            self.saved = self._save(code.strip(), name.strip(), type, bank,
                                    (currency or "").strip().upper() or None)
        except ValidationFailed as exc:
            problems: dict[str, str] = {}
            for problem in exc.problems:
                field = "bank" if problem.field == "role" else problem.field
                problems[field] = " ".join(filter(None, (problems.get(field), problem.message)))
            return problems
        except (NotFound, NotAllowed, BookFailure) as exc:
            return {"book": str(exc)}
        return {}

    def _save(self, code: str, name: str, type: AccountType, bank: bool,
              currency: str | None) -> Account:
        book, before = self.session.book, self.before
        if before is None:
            if not bank or currency == self.session.currency:
                currency = None  # only a bank has a currency; the home one is kept as none
            account = Account(code, name, type, AccountRole.BANK if bank else None,
                              currency=currency)
            add_account(book, account)
            return account
        was_bank = before.role is AccountRole.BANK
        change = AccountChange(
            name=name if name != before.name else None,
            code=code if code != before.code else None,
            bank=bank if bank != was_bank else None,
        )
        if change == AccountChange():
            return before
        return edit_account(book, before.code, change, self.session.today)
