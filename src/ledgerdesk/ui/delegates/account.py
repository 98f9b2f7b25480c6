"""``AccountDelegate``: pick a line's account from the chart (code and name)."""

from __future__ import annotations

from ledgerdesk.domain.ledger import Account
from ledgerdesk.ui.delegates.choice import ChoiceDelegate


class AccountDelegate(ChoiceDelegate):
    def __init__(self, accounts: list[Account], parent=None) -> None:
        super().__init__([(f"{a.code} {a.name}", a.code) for a in accounts], parent)
        self.accounts = accounts

    def displayText(self, value, locale) -> str:
        names = {code: label for label, code in self.choices}
        return names.get(str(value), str(value or ""))
