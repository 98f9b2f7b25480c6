"""The bank statement part of an import: lines matched against the book, then the plan.

Whatever the file (CSV, OFX, CAMT.053), its lines go through ``match_statement``: a line
already in the book records nothing; the rest are offered as payments or journals, taken
with ``accept_suggestions`` or the user's choices, and written by one step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ledgerdesk.domain.i18n import _
from ledgerdesk.services.imports.accept import Excess, Unmatched
from ledgerdesk.services.imports.apply import Step
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.currency_column import checked_currency
from ledgerdesk.services.imports.fields import ColumnMapping, ImportKind
from ledgerdesk.services.imports.matching import LineMatch
from ledgerdesk.services.imports.rows import StatementLine, read_statement
from ledgerdesk.services.imports.source import open_csv
from ledgerdesk.services.imports.statement_files import (
    StatementFile,
    StatementFormat,
    read_statement_file,
    statement_format,
)
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import base_currency
from ledgerdesk.services.statement_accept import plan_statement, statement_step
from ledgerdesk.services.statement_matching import match_statement

if TYPE_CHECKING:
    from ledgerdesk.services.imports.service import ImportOptions


@dataclass(frozen=True, slots=True)
class BankStep:
    step: Step
    matches: list[LineMatch]
    unmatched: list[Unmatched]
    excess: list[Excess]
    records: bool  # something is planned: the transaction may commit


def bank_step(book: Book, lines: list[StatementLine], problems: list[RowProblem],
              mapping: ColumnMapping, currency: str, options: ImportOptions) -> BankStep:
    """Match and plan ``lines``; an excess a line may not keep is added to ``problems``."""
    match = match_statement(book, options.bank_account, lines)
    plan = plan_statement(match, options.choices, best=options.accept_suggestions,
                          keep=options.keep_excess)
    problems += excess_problems(plan.excess, options.keep_excess, lines, problems, mapping)
    return BankStep(statement_step(plan, mapping, currency), list(match.lines),
                    plan.unmatched, plan.excess, not plan.empty)


def statement_lines(book: Book, path: Path,
                    overrides: Mapping[str, str] | None = None) -> StatementFile:
    """Any statement file's lines (CSV through its column mapping and ``overrides``), with
    the problems of lines that cannot be read, for a caller that matches them itself (a
    reconciliation).  ``ImportFileError`` or ``MappingError`` for a file it cannot read."""
    with book.read() as tx:
        currency = base_currency(tx)
    kind = statement_format(path)
    if kind is not StatementFormat.CSV:
        return read_statement_file(path, kind, currency)
    source = open_csv(path)
    mapping = ColumnMapping.default(ImportKind.BANK, source.headers).with_overrides(
        overrides or {})
    mapping.check()
    problems: list[RowProblem] = []
    rows = checked_currency(source.rows(), mapping, problems, currency)
    lines = read_statement(rows, mapping, problems, currency)
    return StatementFile(StatementFormat.CSV, _("CSV file"), lines, problems)


def excess_problems(
    excess: list[Excess], keep: frozenset[int], lines: list[StatementLine],
    found: list[RowProblem], mapping: ColumnMapping,
) -> list[RowProblem]:
    """A problem for each line with an excess it is not marked to keep, and for each row
    marked to keep one that is not a statement line (nor already a problem)."""
    problems = [RowProblem(e.row, mapping.header("amount"), e.reason)
                for e in excess if not e.kept]
    known = {line.row for line in lines} | {p.row for p in found}
    problems += [RowProblem(row, "", _("is marked to keep its excess as credit, but the file has "
                                       "no such line")) for row in sorted(keep - known)]
    return problems
