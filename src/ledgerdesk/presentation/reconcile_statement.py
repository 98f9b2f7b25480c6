"""The Reconcile page with the bank's own statement file (CSV, OFX/QFX, CAMT.053), without
Qt: what ``ledgerdesk reconcile --statement FILE [--accept-suggestions]`` does, from the
same service (``services.statement_reconciliation``).

The file ticks the postings its lines are in the book as; the lines not in the book are
said with their suggestion (a payment, a journal by a bank rule, a transfer) or none.  With
"record the suggestions" on, those to be recorded join the list ticked (as the command
line's pending postings, line id minus the row) and Finish records them and the
reconciliation in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from decimal import Decimal
from pathlib import Path

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.domain.reconciliation import Reconciliation
from ledgerdesk.services.imports.fields import MappingError
from ledgerdesk.services.imports.matching import LineMatch
from ledgerdesk.services.imports.source import ImportFileError
from ledgerdesk.services.ports import Book
from ledgerdesk.services.statement_reconciliation import StatementDraft, finish, statement_draft

#: How many lines not in the book are named at most.
SHOWN_LINES = 4


class StatementUnreadable(Exception):
    """The file cannot be read as a statement: one line, naming it."""


def read_statement(book: Book, account_code: str, statement_date: dt.date,
                   balance: Decimal, path: Path, accepting: bool) -> StatementDraft:
    """``statement_draft``, with a file that cannot be read said in one line naming it
    (a reconciliation's own problems stay ``ValidationFailed``)."""
    try:
        return statement_draft(book, account_code, statement_date, balance, path,
                               accepting=accepting)
    except (ImportFileError, MappingError) as exc:
        why = str(exc)
        raise StatementUnreadable(why if why.startswith(path.name)
                                  else _("{file}: {why}").format(file=path.name, why=why)) from None


def line_words(match: LineMatch) -> str:
    """A line not in the book and what it would be recorded as."""
    line = match.line
    head = _("line {row} ({date}, {amount} {reference!r})").format(
        row=line.row, date=line.date.isoformat(), amount=f"{line.amount:f}",
        reference=line.reference)
    if match.journal is not None:
        journal = match.journal
        said = (_("{head}: a transfer with {account} {name}") if journal.transfer
                else _("{head}: a journal with {account} {name} by rule"))
        return said.format(head=head, account=journal.account_code, name=journal.account_name)
    if match.named:
        return _("{head}: pays {numbers}").format(
            head=head, numbers=", ".join(d.number for d in match.named))
    if match.why_not or match.already_imported:
        return _("{head}: {why}").format(head=head, why=match.why_not or _("already imported"))
    if match.suggestions:
        best = match.suggestions[0].document
        return _("{head}: pays {number} {contact}?").format(
            head=head, number=best.number, contact=best.contact_name)
    return _("{head}: no suggestion").format(head=head)


def statement_words(found: StatementDraft) -> str:
    """What the file is and does: how many of its lines are in the book, and the others."""
    lines = found.match.lines
    said = ngettext("{file}: {count} line up to {date}, {in_book} in the book.",
                    "{file}: {count} lines up to {date}, {in_book} in the book.",
                    len(lines)).format(file=found.described, count=len(lines),
                                       date=found.draft.statement_date.isoformat(),
                                       in_book=found.in_book)
    missing = found.not_in_book
    if not missing:
        return said
    named = "; ".join(line_words(m) for m in missing[:SHOWN_LINES])
    more = (_("; and {count} more").format(count=len(missing) - SHOWN_LINES)
            if len(missing) > SHOWN_LINES else "")
    todo = ("" if found.accepting else _(" Tick “Record the suggestions” to record those "
                                         "that have one."))
    return _("{said} Not in the book: {named}{more}.{todo}").format(
        said=said, named=named, more=more, todo=todo)


def finish_statement(book: Book, found: StatementDraft,
                     ticked: Collection[int]) -> tuple[Reconciliation, str]:
    """Record the reconciliation with ``ticked`` (the file's postings as the user left
    them, the pending ones always) and, when accepting, the suggestions with it."""
    pending = tuple(i for i in found.ticked if i < 0)
    chosen = tuple(i for i in ticked if i > 0) + pending
    done, accepted = finish(book, dataclasses.replace(found, ticked=chosen))
    recorded = accepted.created if accepted else []
    note = ("" if not recorded else
            _(" Recorded: ") + "; ".join(f"line {c.row}: {c.what}" for c in recorded) + ".")
    return done, note
