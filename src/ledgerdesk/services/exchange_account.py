"""The account realised exchange gains and losses go to (issue 15).

A book gets it the first time foreign money settles at another rate than it was booked at:
an income account (a loss is a debit on it), named in the settings so the user may rename
or re-code it.  A book that never sees a foreign currency never has it.
"""

from __future__ import annotations

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.ledger import Account, AccountType
from ledgerdesk.services.ports import Transaction

EXCHANGE_ACCOUNT = "exchange_account"
UNREALISED_ACCOUNT = "unrealised_exchange_account"
#: Named in the book's language when the account is made (a name the user may change).
_NAMES = {EXCHANGE_ACCOUNT: N_("Exchange Gains and Losses"),
          UNREALISED_ACCOUNT: N_("Unrealised Exchange Gains and Losses")}
_CODES = ("4900", "4910", "4920", "4930", "4940", "4950", "4960", "4970", "4980", "4990")


def exchange_account_in(tx: Transaction, setting: str = EXCHANGE_ACCOUNT) -> str:
    """The code of the book's exchange account (realised, or with ``UNREALISED_ACCOUNT``
    the unrealised one), added to the chart when it has none."""
    accounts = tx.accounts()
    code = tx.get_setting(setting)
    if code is not None and code in accounts:
        return code
    code = next((c for c in _CODES if c not in accounts), None) or _free_code(accounts)
    tx.add_account(Account(code, _(_NAMES[setting]), AccountType.INCOME))
    tx.set_setting(setting, code)
    return code


def _free_code(accounts: dict[str, Account]) -> str:
    number = 4900
    while str(number) in accounts:
        number += 1
    return str(number)
