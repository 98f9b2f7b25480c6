"""``report fx-revaluation --post``: the unrealised gains and losses of a date recorded as an
entry dated that day which reverses the next (issue 15 item 4).

The control accounts and foreign bank accounts move to what their foreign money is worth
on the day, against the book's unrealised exchange account; the next day's reversal puts
them back at their booked rates, so the realised gain of each later settlement is untouched
and ``check`` (over the whole journal) still finds the control accounts at booked rates.
A date is revalued once; a date inside the lock, or a reversal inside it, is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import JournalEntry, JournalLine, SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.reports.fx_revaluation import FxRevaluation
from ledgerdesk.services.exchange_account import UNREALISED_ACCOUNT, exchange_account_in
from ledgerdesk.services.fx_revaluation import revaluation
from ledgerdesk.services.lock import refuse_inside_lock
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import chart_roles


@dataclass(frozen=True, slots=True)
class PostedRevaluation:
    report: FxRevaluation
    entry_id: int | None  # None: nothing to post (no foreign money, or no change)
    account: str  # the unrealised exchange account's code

    @property
    def words(self) -> str:
        if self.entry_id is None:
            return _("Nothing to record: no foreign money changed its worth at home.")
        return _("Recorded the unrealised {gain} on {code} as of {day}, reversed on "
                 "{next_day}.").format(gain=self.report.gain, code=self.account,
                                       day=self.report.as_of.isoformat(),
                                       next_day=(self.report.as_of
                                                 + dt.timedelta(days=1)).isoformat())


def post_revaluation(book: Book, as_of: dt.date) -> PostedRevaluation:
    report = revaluation(book, as_of)
    with book.write() as tx:
        refuse_inside_lock(tx, as_of, _("the revaluation"))
        refuse_inside_lock(tx, as_of + dt.timedelta(days=1), _("the revaluation's reversal"))
        if any(e.date == as_of and e.reverses_id is None
               for e in tx.entries_for(SourceType.REVALUATION, 0)):
            raise NotAllowed(_("The foreign money was revalued on {day} already.").format(
                day=as_of.isoformat()))
        roles = chart_roles(tx.accounts())
        lines = _lines(report, roles.receivable, roles.payable)
        if not lines:
            return PostedRevaluation(report, None, "")
        account = exchange_account_in(tx, UNREALISED_ACCOUNT)
        gain = -sum((ln.amount for ln in lines), Money.zero(report.home))
        if not gain.is_zero:  # gains and losses may cancel out between accounts
            lines.append(JournalLine(account, gain))
        memo = _("Unrealised exchange revaluation {day}").format(day=as_of.isoformat())
        entry = JournalEntry(as_of, memo, SourceType.REVALUATION, 0, tuple(lines))
        entry_id = tx.post(entry)
        posted = JournalEntry(entry.date, memo, entry.source_type, 0, entry.lines, id=entry_id)
        tx.post(posted.reversal(as_of + dt.timedelta(days=1),
                                _("Reversal of {memo}").format(memo=memo)))
        return PostedRevaluation(report, entry_id, account)


def _lines(report: FxRevaluation, receivable: str, payable: str) -> list[JournalLine]:
    """What moves on each control and bank account (debit positive), without zeros."""
    moves: dict[str, Money] = {}
    for item in report.items:
        code = item.code or (receivable if item.side is Side.SALES else payable)
        moves[code] = moves.get(code, Money.zero(report.home)) + item.debit
    return [JournalLine(code, amount) for code, amount in moves.items()
            if not amount.is_zero]
