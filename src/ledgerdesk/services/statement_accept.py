"""Accepting a matched statement: its suggestions recorded as payments and journals.

``plan_statement`` turns the user's choices (row -> document id) and, with ``best``, each
other line's clear suggestion into payments (``imports.accept``) and journals
(``imports.statement_journals``); lines already in the book are never planned.
``statement_step`` writes a plan in the caller's transaction; ``accept`` is the whole use
case in one transaction, returning the ledger line ids of the new postings on the bank.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.services.imports import apply
from ledgerdesk.services.imports.accept import Excess, PlannedPayment, Unmatched
from ledgerdesk.services.imports.accept import accept as plan_payments
from ledgerdesk.services.imports.apply import Created, Progress, Step
from ledgerdesk.services.imports.batch_payments import payments_step
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.fields import ColumnMapping, ImportKind
from ledgerdesk.services.imports.statement_journals import (
    PlannedJournal,
    journals_step,
    plan_journals,
)
from ledgerdesk.services.ports import Book, Transaction
from ledgerdesk.services.setup import base_currency
from ledgerdesk.services.statement_matching import StatementMatch, posted_lines


@dataclass(frozen=True, slots=True)
class StatementPlan:
    payments: list[PlannedPayment]
    journals: list[PlannedJournal]
    unmatched: list[Unmatched]  # lines not recorded, and why
    excess: list[Excess]  # lines paying beyond their documents (kept only where marked)

    @property
    def empty(self) -> bool:
        return not (self.payments or self.journals)


@dataclass(frozen=True, slots=True)
class Accepted:
    committed: bool
    created: list[Created]
    problems: list[RowProblem]  # any one refuses the whole statement: nothing was recorded
    unmatched: list[Unmatched]
    #: row -> the ledger line id of its new posting on the bank
    ledger_lines: dict[int, int] = field(default_factory=dict)


def plan_statement(
    match: StatementMatch, choices: Mapping[int, int] | None = None, *, best: bool,
    keep: Collection[int] = frozenset(),
) -> StatementPlan:
    choices = choices or {}
    payments, unmatched, excess = plan_payments(match.lines, match.tokens, choices, best=best,
                                                bank_account=match.bank_code, keep=keep)
    journals, not_taken = plan_journals(match.lines, match.bank_code, choices, best=best)
    unmatched = sorted([*unmatched, *not_taken], key=lambda u: u.line.row)
    return StatementPlan(payments, journals, unmatched, excess)


def statement_step(plan: StatementPlan, mapping: ColumnMapping, currency: str,
                   journal_ids: dict[int, int] | None = None) -> Step:
    """The plan's payments, then its journals (``journal_ids``: row -> journal id, filled)."""
    return journals_step(plan.journals, currency, payments_step(plan.payments, mapping),
                         journal_ids)


def accept(
    book: Book, match: StatementMatch, which: Collection[int] | None = None, *,
    choices: Mapping[int, int] | None = None, keep: Collection[int] = frozenset(),
    progress: Progress | None = None,
    then: Callable[[Transaction, Mapping[int, int]], None] | None = None,
) -> Accepted:
    """Record the clear suggestion of every line not in the book (or of the rows in
    ``which``), and the documents ``choices`` names, in one transaction: all or nothing.
    A line paying more than its documents owe keeps the excess only when in ``keep``.
    ``then(tx, ledger_lines)`` runs last in the same transaction; if it raises, nothing
    is recorded (a reconciliation finished on the new postings)."""
    if which is not None:
        wanted = set(which) | set(choices or {})
        match = StatementMatch(match.bank_code,
                               tuple(m for m in match.lines if m.line.row in wanted),
                               match.tokens)
    plan = plan_statement(match, choices, best=True, keep=keep)
    problems = [RowProblem(e.row, "amount", e.reason) for e in plan.excess if not e.kept]
    mapping = ColumnMapping(ImportKind.BANK, (), {})
    journal_ids: dict[int, int] = {}
    ledger_lines: dict[int, int] = {}
    with book.read() as tx:
        currency = base_currency(tx)
    step = statement_step(plan, mapping, currency, journal_ids)

    def with_ids(tx: Transaction, found: list[RowProblem], created: list[Created],
                 progress: Progress | None = None) -> None:
        step(tx, found, created, progress)
        if not found:
            ledger_lines.update(_new_lines(tx, match.bank_code, plan, journal_ids))
            if then is not None:
                then(tx, ledger_lines)

    created, committed = apply.in_one_transaction(
        book, with_ids, problems, not plan.empty, progress,
        {"kind": "statement", "bank": match.bank_code})
    return Accepted(committed, created, problems, plan.unmatched,
                    ledger_lines if committed else {})


def _new_lines(tx: Transaction, bank_code: str, plan: StatementPlan,
               journal_ids: Mapping[int, int]) -> dict[int, int]:
    payment_ids = {}
    for planned in plan.payments:
        payment = tx.find_payment_by_token(planned.command.client_token)
        if payment is not None and payment.id is not None:
            payment_ids[planned.row] = payment.id
    found = posted_lines(tx, bank_code, list(payment_ids.values()), list(journal_ids.values()))
    lines = {row: found[(SourceType.PAYMENT, pid)] for row, pid in payment_ids.items()
             if (SourceType.PAYMENT, pid) in found}
    lines.update({row: found[(SourceType.MANUAL, jid)] for row, jid in journal_ids.items()
                  if (SourceType.MANUAL, jid) in found})
    return lines
