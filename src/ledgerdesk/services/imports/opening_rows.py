"""Opening balances from CSV: one row per balance, recorded by ``record_opening_in``.

The rows are read into ``OpeningLine``s (a cell that cannot be read is named and gets a
neutral stand-in), then the whole set goes through the same use case as the window's
wizard inside the import's one transaction; its problems come back on the rows and
columns they are about, the balance of the whole file on ``file``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.opening import OpeningLine
from ledgerdesk.domain.problems import NotFound, ValidationFailed
from ledgerdesk.services.imports.apply import (
    Created,
    Progress,
    Step,
    already_said,
    refusal_problems,
)
from ledgerdesk.services.imports.cells import RowProblem, parse_decimal, parse_iso_date
from ledgerdesk.services.imports.fields import ColumnMapping
from ledgerdesk.services.imports.reader import RowCells
from ledgerdesk.services.imports.source import CsvRow
from ledgerdesk.services.opening import record_opening_in
from ledgerdesk.services.ports import Transaction


@dataclass(frozen=True, slots=True)
class OpeningRow:
    row: int
    line: OpeningLine
    broken: bool  # a cell could not be read: checked, never written


def read_opening(rows: Iterable[CsvRow], mapping: ColumnMapping,
                 problems: list[RowProblem]) -> list[OpeningRow]:
    read = []
    for row in rows:
        before = len(problems)
        cells = RowCells(mapping, row, problems)
        account = cells.required("account", str) or ""
        debit = cells.value("debit", parse_decimal, None)
        credit = cells.value("credit", parse_decimal, None)
        due = cells.value("due_date", parse_iso_date, None)
        broken = len(problems) > before
        line = OpeningLine(
            account, _stand_in(cells, "debit", debit), _stand_in(cells, "credit", credit),
            cells.text("contact"), cells.text("number"),
            due if due is not None or not cells.text("due_date") else dt.date.min,
        )
        read.append(OpeningRow(row.number, line, broken))
    return read


def _stand_in(cells: RowCells, name: str, value: Decimal | None) -> Decimal | None:
    """An unreadable amount stands as 1, so the row is still checked as a debit or credit."""
    return Decimal(1) if value is None and cells.text(name) else value


def opening_step(as_of: dt.date, rows: list[OpeningRow], mapping: ColumnMapping,
                 create_contacts: bool) -> Step:
    def step(tx: Transaction, problems: list[RowProblem], created: list[Created],
             progress: Progress | None = None) -> None:
        numbers = [r.row for r in rows]
        broken = {r.row for r in rows if r.broken}
        try:
            result = record_opening_in(tx, as_of, [r.line for r in rows],
                                       create_contacts=create_contacts)
        except (ValidationFailed, NotFound) as exc:  # NotAllowed: the book, in one line
            found = refusal_problems(exc, mapping, 0, numbers)
            if broken and isinstance(exc, ValidationFailed):
                said = already_said(problems)
                # stand-ins are no one's mistake, nor is what they add up to
                found = [p for p in found if p.row and (p.row not in broken or (
                    p.column and (p.row, p.column) not in said))]
            problems.extend(found)
            return
        first = numbers[0] if numbers else 0
        created.extend(Created(numbers[i] if i >= 0 else first, words)
                       for i, words in result.created)
    return step
