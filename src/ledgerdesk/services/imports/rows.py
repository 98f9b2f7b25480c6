"""Contact rows and bank statement lines, read into commands and plain records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.money import minor_exponent, quantize
from ledgerdesk.services.commands import NewContact
from ledgerdesk.services.imports.cells import (
    RowProblem,
    parse_decimal,
    parse_iso_date,
    parse_role,
    parse_whole,
)
from ledgerdesk.services.imports.fields import ColumnMapping
from ledgerdesk.services.imports.reader import RowCells
from ledgerdesk.services.imports.source import CsvRow


@dataclass(frozen=True, slots=True)
class ContactRow:
    row: int
    command: NewContact


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One bank statement line: positive amounts came in, negative ones went out."""

    row: int
    date: dt.date
    amount: Decimal
    reference: str
    counterparty: str


def read_contacts(
    rows: Iterable[CsvRow], mapping: ColumnMapping, problems: list[RowProblem]
) -> list[ContactRow]:
    """Every row as a ``NewContact``; a name twice in the file is a problem on the second."""
    found: list[ContactRow] = []
    first_row: dict[str, int] = {}
    for row in rows:
        cells = RowCells(mapping, row, problems)
        role = cells.value("role", parse_role, parse_role(""))
        terms = cells.value("payment_terms_days", parse_whole, 30)
        name = cells.text("name")
        if not name:
            cells.problem("name", "is empty; a contact needs a name")
            continue
        if name.casefold() in first_row:
            cells.problem("name", f"{name!r} is already on row {first_row[name.casefold()]}")
            continue
        first_row[name.casefold()] = row.number
        if role is None or terms is None:
            continue
        command = cells.model(
            NewContact, name=name, role=role, email=cells.text("email"),
            tax_number=cells.text("tax_number"), payment_terms_days=terms,
        )
        if command is not None:
            found.append(ContactRow(row.number, command))
    return found


def read_statement(
    rows: Iterable[CsvRow], mapping: ColumnMapping, problems: list[RowProblem], currency: str
) -> list[StatementLine]:
    """Every dated, non-zero line whose amount is exact in the book's ``currency``."""
    lines: list[StatementLine] = []
    for row in rows:
        cells = RowCells(mapping, row, problems)
        date = cells.required("date", parse_iso_date)
        amount = cells.required("amount", parse_decimal)
        if amount is not None and amount.is_zero():
            cells.problem("amount", "is zero; a statement line moves money in or out")
            continue
        if amount is not None and quantize(amount, currency) != amount:
            places = minor_exponent(currency)
            cells.problem("amount", f"has more decimal places than {currency} has ({places})")
            continue
        if date is not None and amount is not None:
            lines.append(StatementLine(
                row.number, date, amount, cells.text("reference"), cells.text("counterparty")
            ))
    return lines
