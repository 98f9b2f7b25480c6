"""One CSV row seen through the column mapping: typed cells, with every problem collected."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from pydantic import ValidationError

from ledgerdesk.domain.i18n import _
from ledgerdesk.services.commands import problems_from
from ledgerdesk.services.imports.cells import CellError, RowProblem
from ledgerdesk.services.imports.fields import ColumnMapping
from ledgerdesk.services.imports.source import CsvRow

T = TypeVar("T")


class RowCells:
    """The cells of one row by field name; a cell that cannot be read becomes a problem."""

    def __init__(self, mapping: ColumnMapping, row: CsvRow, problems: list[RowProblem]) -> None:
        self.mapping = mapping
        self.row = row
        self.problems = problems
        if row.extra:
            self.problem("", _("has {extra} more cell(s) than the header has columns").format(
                                 extra=row.extra))

    def text(self, name: str) -> str:
        index = self.mapping.columns.get(name)
        return "" if index is None else self.row.cells[index].strip()

    def value(self, name: str, parse: Callable[[str], T], default: T) -> T | None:
        """``parse`` of the cell, ``default`` when the cell is empty or has no column, and
        ``None`` (with a problem) when it cannot be read."""
        text = self.text(name)
        if not text:
            return default
        try:
            return parse(text)
        except CellError as exc:
            self.problem(name, str(exc))
            return None

    def required(self, name: str, parse: Callable[[str], T]) -> T | None:
        if not self.text(name):
            self.problem(name, _("is empty; it is required"))
            return None
        return self.value(name, parse, None)

    def problem(self, name: str, reason: str) -> None:
        column = self.mapping.header(name) if name else ""
        self.problems.append(RowProblem(self.row.number, column, reason))

    def model(
        self, command: type[T], renamed: Mapping[str, str] | None = None, **values: object
    ) -> T | None:
        """``command(**values)`` (a pydantic model), or ``None`` with its errors as problems;
        ``renamed`` maps a command field to the mapping's field (``account_code``)."""
        try:
            return command(**values)
        except ValidationError as exc:
            for problem in problems_from(exc):
                name = problem.field.split(".")[-1]
                self.problem((renamed or {}).get(name, name), problem.message)
            return None
