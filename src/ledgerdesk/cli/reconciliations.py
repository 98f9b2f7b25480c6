"""What ``ledgerdesk reconcile`` prints, and the columns of ``list reconciliations``.

The summary is the statement balance, the opening reconciled balance, what is cleared
(count and sum), the uncleared postings listed, and the difference; when the difference is
not zero, the postings that alone would close it follow.  Amounts are written plainly, as
in every table of the command line (``1234.50``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TextIO

from ledgerdesk.cli.output import Column, cell_text, write_table
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.domain.reconciliation import BankPosting, ReconciliationDraft
from ledgerdesk.domain.wording import plural

#: One row per reconciliation (``domain.reconciliation.Reconciliation``).
RECONCILIATION_COLUMNS = (
    Column("id", N_("Id"), 5, lambda r: r.id, numeric=True),  # what --undo takes
    Column("account", N_("Account"), 7, lambda r: r.account_code),
    Column("account_name", N_("Account name"), 20, lambda r: r.account_name),
    Column("statement_date", N_("Statement"), 10, lambda r: r.statement_date),
    Column("opening_balance", N_("Opening"), 14, lambda r: r.opening, numeric=True),
    Column("cleared", N_("Cleared"), 7, lambda r: r.cleared, numeric=True),
    Column("cleared_total", N_("Cleared total"), 14, lambda r: r.cleared_total, numeric=True),
    Column("statement_balance", N_("Balance"), 14, lambda r: r.statement_balance, numeric=True),
    Column("status", N_("Status"), 8, lambda r: "undone" if r.undone else "finished"),
)

POSTING_COLUMNS = (
    Column("date", N_("Date"), 10, lambda p: p.date),
    Column("what", N_("What"), 50, lambda p: p.what),
    Column("amount", N_("Amount"), 14, lambda p: p.amount, numeric=True),
)

_LABEL, _AMOUNT = 27, 14
#: How many postings that would close the difference are listed at most.
_HINTS = 10


def said(text: str) -> str:
    """One line of words from the book (an account's name), shown inert."""
    return " ".join(shown_inert(text).split()) + "\n"


def figure(label: str, value: object, note: str = "") -> str:
    line = f"{label:<{_LABEL}}{cell_text(value):>{_AMOUNT}}"
    return f"{line}  ({note})\n" if note else f"{line}\n"


def write_draft(draft: ReconciliationDraft, ticked: Collection[int], out: TextIO) -> None:
    """The summary of ``draft`` with the postings ``ticked`` cleared."""
    previous = draft.previous
    since = (_("reconciliation {id}, statement {date}").format(
                 id=previous.id, date=previous.statement_date.isoformat())
             if previous else _("no earlier reconciliation"))
    cleared, uncleared = draft.cleared(ticked), draft.uncleared(ticked)
    out.write(said(_("Reconciling {account_code} {account_name} to the statement of "
                     "{statement_date}").format(
        account_code=draft.account_code,
        account_name=draft.account_name,
        statement_date=draft.statement_date.isoformat())))
    out.write(figure(_("Statement balance"), draft.statement_balance))
    out.write(figure(_("Opening reconciled balance"), draft.opening, since))
    out.write(figure(_("Cleared: {postings}").format(
        postings=plural(len(cleared), "{count} posting", "{count} postings")),
        draft.cleared_total(ticked)))
    _postings(_("Uncleared: {postings}").format(
        postings=plural(len(uncleared), "{count} posting", "{count} postings")) if uncleared
              else _("Uncleared: none"), uncleared, out)
    gap = draft.difference(ticked)
    out.write(figure(_("Difference"), gap))
    if not gap.is_zero:
        hints = draft.explaining(ticked)
        _postings(_("Would make it zero:") if hints else _("No single posting would make it zero."),
                  hints[:_HINTS], out)


def _postings(heading: str, postings: Sequence[BankPosting], out: TextIO) -> None:
    out.write(f"{heading}\n")
    if postings:
        write_table(POSTING_COLUMNS, postings, out)
