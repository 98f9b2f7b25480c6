"""How an editor of debit and credit lines (a journal, the opening balances) says where its
totals stand: the debits, the credits, and "Balanced" or the difference and which is more."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from ledgerdesk.domain.i18n import _


class Writes(Protocol):
    def format(self, amount: Decimal) -> str: ...


def balance_text(fmt: Writes, debits: Decimal, credits: Decimal) -> tuple[str, str, str]:
    """The debits, the credits, and "Balanced" or the difference (blank while both are 0)."""
    if not debits and not credits:
        words = ""
    elif debits == credits:
        words = _("Balanced")
    else:
        words = (_("Difference {amount}: the debits are more") if debits > credits
                 else _("Difference {amount}: the credits are more")).format(
                     amount=fmt.format(abs(debits - credits)))
    return fmt.format(debits), fmt.format(credits), words
