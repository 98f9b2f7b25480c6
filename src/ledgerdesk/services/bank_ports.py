"""What statement matching and bank rules ask of a book's transaction, beyond ``ports``.

``BankPosting`` is one ledger line on a bank account as a statement would show it: signed
(money in positive), dated, with what posted it ("payment PAY-00017") and the words a bank
line may share with it (the payment's reference and contact, the journal's memo).  Only
standing postings count: neither an entry that was reversed (a void) nor its reversal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, cast

from ledgerdesk.domain.bank_rules import BankRule
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.services.ports import Transaction


@dataclass(frozen=True, slots=True)
class BankPosting:
    line_id: int  # journal_lines.id: what a reconciliation ticks
    entry_id: int
    account_code: str
    date: dt.date
    amount: Decimal  # money in positive, out negative (the line's debit or credit)
    source_type: SourceType
    source_id: int | None
    what: str  # "payment PAY-00017", "journal JNL-00003", "tax settlement ..."
    reference: str  # the payment's reference, or the entry's memo
    counterparty: str  # the payment's contact; "" for a journal
    #: The one other account of the entry, when it has exactly one (a transfer's clearing
    #: account, a fee's expense account); "" otherwise.
    other_account: str = ""
    client_token: str = ""  # a payment's


class BankTransaction(Transaction, Protocol):
    def bank_postings(
        self, account_codes: Iterable[str], start: dt.date, end: dt.date
    ) -> list[BankPosting]: ...  # standing postings, by date then line id
    def bank_lines_for(
        self, source_type: SourceType, source_ids: Iterable[int], account_code: str
    ) -> dict[int, int]: ...  # source id -> its (non-reversal) line on the account
    def bank_rules(self) -> list[BankRule]: ...  # oldest first
    def add_bank_rule(self, rule: BankRule) -> int: ...


def banked(tx: Transaction) -> BankTransaction:
    """``tx`` as a ``BankTransaction``; a ``TypeError`` names what it lacks."""
    missing = [name for name in ("bank_postings", "bank_lines_for", "bank_rules",
                                 "add_bank_rule") if not hasattr(tx, name)]
    if missing:
        raise TypeError(f"{type(tx).__name__} cannot read bank postings "
                        f"(no {', '.join(missing)})")
    return cast(BankTransaction, tx)
