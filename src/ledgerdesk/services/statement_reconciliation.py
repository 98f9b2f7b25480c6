"""Reconciling a bank account to the bank's own statement file (CSV, OFX/QFX, CAMT.053).

Without a file every uncleared posting dated by the statement is taken as cleared; with
one, only the postings its lines are in the book as (``match_statement``) are.  The lines
not in the book keep their suggestion (a payment, a journal by a bank rule, a transfer).
``accepting``: those suggestions are to be recorded and cleared too.  Their amounts are the
lines' own, so the difference is known before anything is written, and ``finish`` records
the suggestions and the reconciliation in one transaction: both, or neither.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.domain.reconciliation import BankPosting, Reconciliation, ReconciliationDraft
from ledgerdesk.services.imports.bank_import import statement_lines
from ledgerdesk.services.imports.matching import LineMatch
from ledgerdesk.services.ports import Book
from ledgerdesk.services.reconciliation import (
    cleared_line_ids,
    finish_in,
    finish_reconciliation,
    start_reconciliation,
)
from ledgerdesk.services.statement_accept import Accepted, accept, plan_statement
from ledgerdesk.services.statement_matching import StatementMatch, match_statement


@dataclass(frozen=True, slots=True)
class StatementDraft:
    """A reconciliation draft as a statement file decides it."""

    draft: ReconciliationDraft  # with ``accepting``, the lines to record are candidates too
    described: str  # "CSV file", "OFX 1.02 statement of account …6789"
    match: StatementMatch  # the file's lines dated by the statement
    ticked: tuple[int, ...]  # the postings cleared (pending ones have line id -row)
    accepting: bool

    @property
    def in_book(self) -> int:
        return sum(1 for m in self.match.lines if m.line.row in self._matched_rows)

    @property
    def not_in_book(self) -> tuple[LineMatch, ...]:
        return tuple(m for m in self.match.lines if m.line.row not in self._matched_rows)

    @property
    def _matched_rows(self) -> set[int]:
        known = set(self.draft.all_ids)
        return {row for row, p in self.match.in_book.items() if p.line_id in known}

    @property
    def balances(self) -> bool:
        return self.draft.difference(self.ticked).is_zero


def statement_draft(book: Book, account_code: str, statement_date: dt.date,
                    statement_balance: Decimal, path: Path, *,
                    accepting: bool = False) -> StatementDraft:
    """The draft the file at ``path`` gives; changes nothing.  ``ImportFileError`` or
    ``MappingError`` for a file it cannot read, ``NotAllowed`` for unreadable lines."""
    draft = start_reconciliation(book, account_code, statement_date, statement_balance)
    found = statement_lines(book, path)
    if found.problems:
        first = found.problems[0]
        more = len(found.problems) - 1
        raise NotAllowed(_("The statement has lines that cannot be read: {first}").format(
                             first=first)
                         + (_(" (and {more} more).").format(more=more) if more else "."))
    lines = [ln for ln in found.lines if ln.date <= statement_date]
    match = match_statement(book, account_code, lines,
                            exclude=cleared_line_ids(book, account_code))
    known = set(draft.all_ids)
    ticked = [p.line_id for p in match.in_book.values() if p.line_id in known]
    if accepting:
        pending = _pending(match, draft.opening.currency)
        draft = dataclasses.replace(draft, candidates=draft.candidates + pending)
        ticked += [p.line_id for p in pending]
    return StatementDraft(draft, found.described, match, tuple(ticked),
                          accepting)


def finish(book: Book, found: StatementDraft) -> tuple[Reconciliation, Accepted | None]:
    """Record the accepted suggestions (when ``accepting``) and the reconciliation in one
    transaction, or raise ``ValidationFailed`` (or ``NotAllowed``) and record nothing."""
    draft = found.draft
    statement = (draft.account_code, draft.statement_date, draft.statement_balance.amount)
    matched = [i for i in found.ticked if i > 0]
    if not (found.accepting and any(i < 0 for i in found.ticked)):
        return finish_reconciliation(book, *statement, matched), None
    done: list[Reconciliation] = []

    def reconcile(tx: Any, new_lines: Mapping[int, int]) -> None:
        done.append(finish_in(tx, *statement, [*matched, *new_lines.values()]))

    accepted = accept(book, found.match, then=reconcile)
    if not accepted.committed:
        raise NotAllowed(_("The suggestions could not be recorded, so nothing was recorded: ")
                         + "; ".join(str(p) for p in accepted.problems[:3]))
    return done[0], accepted  # committed: ``reconcile`` ran in its transaction


def _pending(match: StatementMatch, currency: str) -> tuple[BankPosting, ...]:
    """The lines ``accept`` would record, as postings to be (line id: minus the row)."""
    plan = plan_statement(match, best=True)
    rows = {p.row for p in plan.payments} | {j.row for j in plan.journals}
    return tuple(
        BankPosting(-m.line.row, m.line.date, Money.of(m.line.amount, currency),
                    _("line {row}: {reference}").format(row=m.line.row,
                        reference=m.line.reference).strip(), SourceType.MANUAL, None)
        for m in match.lines if m.line.row in rows)
