"""A bank account's postings written as the bank would list them: a statement to import.

One line per standing posting on the account between two dates (a void and its reversal
are left out: the bank moved no money for them), money in positive, with the payment's
reference and contact or the journal's memo.  The columns are the ones ``import bank``
reads by default, so the file imports back, and a reconciliation can start from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ledgerdesk.domain.bank_accounts import bank_account_problem
from ledgerdesk.domain.date_limits import FIRST_DAY, LAST_DAY
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.reports.csv_format import Column
from ledgerdesk.services.bank_ports import BankPosting, banked
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import default_bank

#: The statement's columns, under the headers ``import bank`` maps by itself.
STATEMENT_COLUMNS = (
    Column("date", N_("Date"), 10, lambda p: p.date),
    Column("amount", N_("Amount"), 14, lambda p: p.amount, numeric=True),
    Column("reference", N_("Reference"), 30, lambda p: p.reference),
    Column("counterparty", N_("Counterparty"), 28, lambda p: p.counterparty),
)


@dataclass(frozen=True, slots=True)
class StatementExport:
    bank_code: str
    bank_name: str
    start: dt.date
    end: dt.date
    postings: list[BankPosting]


def statement_postings(book: Book, bank_code: str | None = None,
                       start: dt.date | None = None, end: dt.date | None = None
                       ) -> StatementExport:
    """The postings of ``bank_code`` (default: the first bank account), by date; refuses an
    account that is not a bank account, naming it."""
    start, end = start or FIRST_DAY, end or LAST_DAY
    if start > end:
        raise NotAllowed(_("The statement would start on {start}, after its end {end}.").format(
            start=start.isoformat(),
            end=end.isoformat()))
    with book.read() as tx:
        accounts = tx.accounts()
        code = bank_code or default_bank(accounts)
        why = bank_account_problem(code, accounts)
        if why is not None:
            raise NotAllowed(why)
        account = accounts[code]
        postings = banked(tx).bank_postings([code], start, end)
    return StatementExport(code, account.name, start, end, postings)
