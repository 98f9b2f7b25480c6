"""A foreign credit applied to a document booked at another rate (issue 15).

The credit and the document sit on the same control account, but each leaves it at its
own booked rate: the document what it took (``domain.fx.with_home``), the credit what it
gave.  Where the two differ the difference is realised, as a payment's is: an ``EXCHANGE``
entry moves it between the control account and the book's exchange account, and voiding
the application reverses it.  Credits and documents in the home currency never post one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ledgerdesk.domain.documents import side_sign
from ledgerdesk.domain.fx import with_home
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import JournalEntry, JournalLine, SourceType
from ledgerdesk.domain.money import Money, total
from ledgerdesk.domain.payments import Allocation, OpenDocument
from ledgerdesk.services.exchange_account import exchange_account_in
from ledgerdesk.services.ports import Transaction
from ledgerdesk.services.setup import base_currency, chart_roles


def apply_at_home(tx: Transaction, credit: OpenDocument, date: dt.date,
                  allocations: Sequence[Allocation],
                  targets: Mapping[int, OpenDocument]) -> int:
    """Record the application (with each side's home amounts) and post what it realised;
    returns the application's id."""
    home = base_currency(tx)
    if credit.currency == home:
        return tx.add_credit_application(credit.id, date, allocations)
    taken = with_home(allocations, targets, home)
    given = with_home([Allocation(credit.id, a.amount) for a in allocations],
                      {credit.id: credit}, home)
    application_id = tx.add_credit_application(credit.id, date, taken,
                                               [g.home for g in given])
    difference = (total([g.home for g in given if g.home], home)
                  - total([t.home for t in taken if t.home], home))
    if not difference.is_zero:
        tx.post(_exchange_entry(tx, credit, date, difference.times(side_sign(credit.kind.side)),
                                application_id))
    return application_id


def _exchange_entry(tx: Transaction, credit: OpenDocument, date: dt.date, control: Money,
                    application_id: int) -> JournalEntry:
    roles = chart_roles(tx.accounts())
    code = roles.receivable if side_sign(credit.kind.side) == 1 else roles.payable
    lines = (JournalLine(code, control), JournalLine(exchange_account_in(tx), -control))
    memo = _("Exchange difference: {number} applied").format(number=credit.number)
    return JournalEntry(date, memo, SourceType.EXCHANGE, application_id, lines)


def reverse_exchange(tx: Transaction, application_id: int, memo: str) -> None:
    """Undo what an application realised, when it is voided."""
    for entry in tx.entries_for(SourceType.EXCHANGE, application_id):
        if entry.reverses_id is None:
            tx.post(entry.reversal(entry.date, memo))
