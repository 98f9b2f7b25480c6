"""Bank reconciliation use cases: start one (the draft a statement gives), finish it with
the postings ticked, undo the latest of an account, list them and read one back.

``start_reconciliation`` reads; the window ticks postings and shows the draft's live
difference, the command line ticks every candidate.  ``finish_reconciliation`` takes the
ticked line ids explicitly and does everything again inside its write transaction
(``BEGIN IMMEDIATE``): the account, the order of statements, that each id is an uncleared
live posting of the account dated by the statement, and the difference of zero; so a
statement matcher or a second window cannot finish a reconciliation that does not add up.

A reconciliation posts nothing, so it is not refused inside the lock date, and neither is
undoing one: reconciling a closed year is ordinary, and a void stays refused by the lock's
own guard whether or not its posting is cleared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Protocol

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import Account, AccountRole
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed, NotFound, Problem, ValidationFailed
from ledgerdesk.domain.reconciliation import (
    BankPosting,
    Reconciliation,
    ReconciliationDraft,
    finish_problems,
    read_balance,
    statement_problems,
    undo_refusal,
)
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import base_currency


class ReconciliationReads(Protocol):
    """What the use cases ask of a transaction (``storage.tx_reconciliation``)."""

    def accounts(self) -> dict[str, Account]: ...
    def get_setting(self, key: str) -> str | None: ...
    def uncleared_postings(self, account_code: str) -> list[BankPosting]: ...
    def cleared_postings(self, reconciliation_id: int) -> list[BankPosting]: ...
    def cleared_line_ids(self, account_code: str) -> frozenset[int]: ...
    def reconciliations(self) -> list[Reconciliation]: ...
    def get_reconciliation(self, reconciliation_id: int) -> Reconciliation | None: ...
    def last_reconciliation(self, account_code: str) -> Reconciliation | None: ...
    def add_reconciliation(self, rec: Reconciliation, line_ids: Sequence[int]) -> int: ...
    def mark_reconciliation_undone(self, reconciliation_id: int) -> None: ...


def start_reconciliation(book: Book, account_code: str, statement_date: dt.date,
                         statement_balance: Decimal) -> ReconciliationDraft:
    """The statement against the account's uncleared postings, or ``ValidationFailed``
    naming every problem (the account, the date, the balance).  Changes nothing."""
    with book.read() as tx:
        return draft_in(_reads(tx), account_code, statement_date, statement_balance)


def finish_reconciliation(book: Book, account_code: str, statement_date: dt.date,
                          statement_balance: Decimal, cleared: Iterable[int]) -> Reconciliation:
    """Record the reconciliation clearing exactly the postings ``cleared`` (journal line
    ids, from the draft), or raise ``ValidationFailed`` and record nothing."""
    with book.write() as tx:
        return finish_in(tx, account_code, statement_date, statement_balance, cleared)


def finish_in(tx: Any, account_code: str, statement_date: dt.date,
              statement_balance: Decimal, cleared: Iterable[int]) -> Reconciliation:
    """``finish_reconciliation`` inside the caller's write transaction (so a statement's
    accepted suggestions and the reconciliation they close are recorded together)."""
    ids = list(dict.fromkeys(cleared))
    reads = _reads(tx)
    draft = draft_in(reads, account_code, statement_date, statement_balance)
    problems = finish_problems(draft, ids)
    if problems:
        raise ValidationFailed(problems)
    rec = Reconciliation(draft.account_code, draft.account_name, statement_date,
                         draft.statement_balance, draft.opening)
    rec_id = reads.add_reconciliation(rec, [p.line_id for p in draft.cleared(ids)])
    return _get(reads, rec_id)


def undo_reconciliation(book: Book, reconciliation_id: int) -> Reconciliation:
    """Undo the latest standing reconciliation of its account (audited); its postings are
    uncleared again and their records may be voided.  An earlier one is refused, naming
    the later one to undo first."""
    with book.write() as tx:
        reads = _reads(tx)
        rec = _get(reads, reconciliation_id)
        why = undo_refusal(rec, reads.last_reconciliation(rec.account_code))
        if why is not None:
            raise NotAllowed(why)
        reads.mark_reconciliation_undone(reconciliation_id)
        return _get(reads, reconciliation_id)


def list_reconciliations(book: Book) -> list[Reconciliation]:
    """Every reconciliation of every account, the undone ones too, oldest first."""
    with book.read() as tx:
        return _reads(tx).reconciliations()


def reconciliation_postings(book: Book,
                            reconciliation_id: int) -> tuple[Reconciliation, list[BankPosting]]:
    """A reconciliation and the postings it cleared, by date (for its report)."""
    with book.read() as tx:
        reads = _reads(tx)
        return _get(reads, reconciliation_id), reads.cleared_postings(reconciliation_id)


def bank_accounts(book: Book) -> list[Account]:
    """The accounts that can be reconciled, by code: every bank account, an archived one
    too (its last statements may still be reconciled)."""
    with book.read() as tx:
        chart = _reads(tx).accounts()
    return sorted((a for a in chart.values() if a.role is AccountRole.BANK),
                  key=lambda a: a.code)


def cleared_line_ids(book: Book, account_code: str) -> frozenset[int]:
    """The journal lines of the account a standing reconciliation clears: what statement
    matching must not match again (``match_statement(…, exclude=…)``)."""
    with book.read() as tx:
        return _reads(tx).cleared_line_ids(account_code)


def draft_in(tx: ReconciliationReads, account_code: str, statement_date: dt.date,
             statement_balance: Decimal) -> ReconciliationDraft:
    """``start_reconciliation`` inside the caller's transaction."""
    chart = tx.accounts()
    last = tx.last_reconciliation(account_code) if account_code in chart else None
    problems = statement_problems(account_code, chart, statement_date, last)
    if account_code in chart and (kept_in := chart[account_code].currency) is not None:
        # Its statement is in its own currency; the book's postings on it are at home.
        problems.append(Problem("account", "foreign", _(
            "{code} {name} is kept in {currency}: reconciling a bank account in a foreign "
            "currency is not possible yet.").format(
                code=account_code, name=chart[account_code].name, currency=kept_in)))
    currency = base_currency(tx)  # type: ignore[arg-type]
    balance, wrong = read_balance(statement_balance, currency)
    if problems or balance is None:
        raise ValidationFailed(problems + wrong)
    postings = tx.uncleared_postings(account_code)
    return ReconciliationDraft(
        account_code, chart[account_code].name, statement_date, balance,
        last.statement_balance if last else Money.zero(currency), last,
        tuple(p for p in postings if p.date <= statement_date),
        tuple(p for p in postings if p.date > statement_date))


def _get(tx: ReconciliationReads, reconciliation_id: int) -> Reconciliation:
    rec = tx.get_reconciliation(reconciliation_id)
    if rec is None:
        raise NotFound(_("There is no reconciliation {reconciliation_id}.").format(
                           reconciliation_id=reconciliation_id))
    return rec


def _reads(tx: Any) -> ReconciliationReads:
    return tx  # storage's transaction; the Transaction port does not keep reconciliations
