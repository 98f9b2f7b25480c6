"""How an editor of debit and credit lines (a journal, the opening balances) says where its
totals stand: the debits, the credits, and "Balanced" or the difference and which is more."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol


class Writes(Protocol):
    def format(self, amount: Decimal) -> str: ...


def balance_text(fmt: Writes, debits: Decimal, credits: Decimal) -> tuple[str, str, str]:
    """The debits, the credits, and "Balanced" or the difference (blank while both are 0)."""
    if not debits and not credits:
        words = ""
    elif debits == credits:
        words = "Balanced"
    else:
        more = "debits" if debits > credits else "credits"
        words = f"Difference {fmt.format(abs(debits - credits))}: the {more} are more"
    return fmt.format(debits), fmt.format(credits), words
