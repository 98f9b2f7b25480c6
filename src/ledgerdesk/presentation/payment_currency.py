"""The payment form's money (issue 15), without Qt: the bank account it goes into or out
of, whose currency the payment is in, and what the form says of a payment in another
currency than the documents it settles.

A cross-currency payment brings what arrived for all of them, so the rate between the two
is what the amounts imply; the form says it live, in the words ``exchange_lines`` uses once
it is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import AccountRole
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.rates import rate_text
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.payment_exchange import implied_rate


@dataclass(frozen=True, slots=True)
class BankChoice:
    code: str
    name: str
    currency: str

    def label(self, home: str) -> str:
        """``1020 USD Account (USD)``; a home-currency account as its code and name."""
        text = f"{self.code} {self.name}"
        return text if self.currency == home else f"{text} ({self.currency})"


def bank_choices(session: Session) -> list[BankChoice]:
    """The bank accounts a payment can go into or out of (not archived), by code."""
    with session.book.read() as tx:
        accounts = tx.accounts()
    return [BankChoice(a.code, a.name, a.currency or session.currency)
            for a in sorted(accounts.values(), key=lambda a: a.code)
            if a.role is AccountRole.BANK and not a.archived]


def implied_words(locale: str, paid: Money, settled: Money) -> str:
    """``880.00 EUR settles 1,000.00 USD: 0.88 EUR per USD.``"""
    def money(amount: Money) -> str:
        return f"{AmountFormatter(locale, amount.currency).format(amount.amount)} " \
               f"{amount.currency}"

    return _("{paid} settles {settled}: {rate} {currency} per {other}.").format(
        paid=money(paid), settled=money(settled), rate=rate_text(implied_rate(paid, settled)),
        currency=paid.currency, other=settled.currency)


def settled_in(rows, currency: str) -> tuple[str, Decimal] | None:
    """The one other currency the typed rows settle, with its sum; None when every typed
    row is in ``currency`` (or the rows are in several others: refused by the rules)."""
    others = {row.document.currency for row in rows if row.amount
              and row.document.currency != currency}
    if len(others) != 1:
        return None
    other = others.pop()
    return other, sum((row.amount for row in rows if row.document.currency == other),
                      Decimal(0))
