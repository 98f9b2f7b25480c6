"""An import's currency column: every cell must name the book's own currency, or be empty.

A bank's or another program's file may say per row which currency its amounts are in.
The book keeps one currency, and an amount in another would be booked as if it were in
that one, so such a row is a problem; a code that is no ISO 4217 currency (``XYZ``) is
named as such (``domain.currencies``, the rule the New book dialog and ``demo`` follow).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.i18n import _
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.fields import ColumnMapping
from ledgerdesk.services.imports.source import CsvRow

FIELD = "currency"


def currency_cell_problem(text: str, book_currency: str) -> str:
    """Why a currency cell cannot be imported into a book kept in ``book_currency``; ""
    when it is empty or that currency."""
    code = text.strip().upper()
    if not code or code == book_currency:
        return ""
    if why := currency_problem(code):
        return why.removesuffix(".")
    return (_("is {code}, but this book keeps its amounts in {book_currency}; convert them "
              "first, or import them into a book kept in {code}").format(
                code=code, book_currency=book_currency))


def checked_currency(rows: Iterable[CsvRow], mapping: ColumnMapping,
                     problems: list[RowProblem], book_currency: str) -> Iterator[CsvRow]:
    """``rows`` as they stream past, with a problem for each currency cell that is not the
    book's; nothing is checked when no column feeds the field."""
    index = mapping.columns.get(FIELD)
    for row in rows:
        if index is not None and (why := currency_cell_problem(row.cells[index], book_currency)):
            problems.append(RowProblem(row.number, mapping.header(FIELD), why))
        yield row
