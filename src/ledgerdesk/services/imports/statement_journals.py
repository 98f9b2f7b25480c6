"""Statement lines recorded as journals (a bank rule's fee, a transfer), in the import's
transaction, through ``record_journal_in``: the same checks as a journal typed in (the
lock date, the accounts, never a control account), each refusal a problem on its line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.wording import Words
from ledgerdesk.services.imports.accept import Unmatched
from ledgerdesk.services.imports.apply import Created, Progress, Refusal, Step
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.matching import LineMatch
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal_in
from ledgerdesk.services.ports import Transaction


@dataclass(frozen=True, slots=True)
class PlannedJournal:
    row: int
    command: RecordJournal
    account_code: str  # the side that is not the bank


def plan_journals(
    matches: Iterable[LineMatch], bank_code: str, choices: Mapping[int, int], *, best: bool
) -> tuple[list[PlannedJournal], list[Unmatched]]:
    """The journals of the lines offered as one (not those a document was chosen for);
    without ``best`` none is taken, each reported."""
    planned: list[PlannedJournal] = []
    unmatched: list[Unmatched] = []
    for match in matches:
        proposal = match.journal
        if proposal is None or match.posting is not None or match.line.row in choices:
            continue
        if not best:
            unmatched.append(Unmatched(match.line, _("no suggestion accepted")))
            continue
        line = match.line
        amount = abs(line.amount)
        bank = JournalLineInput(account_code=bank_code, description=line.reference[:255],
                                **({"debit": amount} if line.amount > 0 else {"credit": amount}))
        other = JournalLineInput(account_code=proposal.account_code,
                                 **({"credit": amount} if line.amount > 0 else {"debit": amount}))
        command = RecordJournal(date=line.date, memo=proposal.memo, lines=[bank, other])
        planned.append(PlannedJournal(line.row, command, proposal.account_code))
    return planned, unmatched


def journals_step(journals: list[PlannedJournal], currency: str, then: Step | None = None,
                  recorded: dict[int, int] | None = None) -> Step:
    """``then`` (the payments), and each journal recorded; a refusal is its line's problem.
    ``recorded`` (row -> journal id) is filled as they are."""
    def step(tx: Transaction, problems: list[RowProblem], created: list[Created],
             progress: Progress | None = None) -> None:
        if then is not None:
            then(tx, problems, created, progress)
        for planned in journals:
            try:
                saved = record_journal_in(tx, planned.command)
            except Refusal as exc:
                problems.append(RowProblem(planned.row, "", _one_line(exc)))
                continue
            created.append(Created(planned.row, _words(saved.number, planned, currency)))
            if recorded is not None:
                recorded[planned.row] = saved.journal_id
    return step


def _words(number: str, planned: PlannedJournal, currency: str) -> Words:
    bank_line = planned.command.lines[0]
    signed = bank_line.debit if bank_line.debit is not None else -(bank_line.credit or 0)
    return (_("journal {number} with {account_code}, ").format(
                number=number, account_code=planned.account_code), Money(signed, currency))


def _one_line(exc: Exception) -> str:
    problems = getattr(exc, "problems", None)
    return "; ".join(p.message for p in problems) if problems else str(exc)
