"""Invoice and bill rows: one row per line, grouped into documents by their number.

Rows with the same number (any case) are one document; the document's contact, dates,
reference and status come from its first row and a later row that disagrees is a problem.
A row without a number is a document of its own.  ``list invoice-lines`` writes every line
with its document's header and tax mode, and marks a draft's rows ``(draft 17)``: that groups
the draft's lines but is no number to keep.  Our own per-document list has no lines, only a
``total``: such a row becomes a one-line document of that amount, without tax.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ledgerdesk.domain.documents import Lifecycle, TaxMode
from ledgerdesk.services.commands import LineInput
from ledgerdesk.services.imports.cells import (
    RowProblem,
    parse_decimal,
    parse_iso_date,
    parse_tax_mode,
)
from ledgerdesk.services.imports.fields import ColumnMapping
from ledgerdesk.services.imports.reader import RowCells
from ledgerdesk.services.imports.source import CsvRow

#: What ``list invoices --csv`` writes for a draft's number: not a number to group by.
DRAFT_NUMBER = "(draft)"
#: What ``list invoice-lines`` writes for one draft's rows: a key to group by, not a number.
_DRAFT_KEY = re.compile(r"\(draft \d+\)", re.IGNORECASE)
_HEADER_FIELDS = ("contact", "issue_date", "due_date", "reference", "status", "tax_mode")
_STATUSES = {"draft": Lifecycle.DRAFT, "void": Lifecycle.VOIDED}


@dataclass(slots=True)
class DocumentRows:
    """One document to create: its header from its first row, and a line per row."""

    rows: list[int]
    number: str  # as in the file ("" when none): kept as the reference if there is none
    contact: str
    issue_date: dt.date
    due_date: dt.date | None
    reference: str
    lifecycle: Lifecycle  # DRAFT, VOIDED, or AUTHORISED
    tax_mode: TaxMode = TaxMode.EXCLUSIVE
    lines: list[LineInput] = field(default_factory=list)
    header: tuple[str, ...] = ()  # the header cells as written, to compare later rows


def read_documents(
    rows: Iterable[CsvRow], mapping: ColumnMapping, problems: list[RowProblem]
) -> list[DocumentRows]:
    documents: list[DocumentRows] = []
    by_number: dict[str, DocumentRows] = {}
    for row in rows:
        cells = RowCells(mapping, row, problems)
        number = cells.text("number")
        key = "" if number == DRAFT_NUMBER else number.casefold()
        number = "" if number == DRAFT_NUMBER or _DRAFT_KEY.fullmatch(number) else number
        header = tuple(cells.text(name) for name in _HEADER_FIELDS)
        line = _line(cells)
        existing = by_number.get(key) if key else None
        if existing is not None:
            _check_same(cells, existing, header)
            if line is not None:
                existing.lines.append(line)
                existing.rows.append(row.number)
            continue
        document = _document(cells, number, header)
        if document is None or line is None:
            continue
        document.lines.append(line)
        documents.append(document)
        if key:
            by_number[key] = document
    return documents


def _document(cells: RowCells, number: str, header: tuple[str, ...]) -> DocumentRows | None:
    contact = cells.text("contact")
    if not contact:
        cells.problem("contact", "is empty; every document needs a contact")
    issue_date = cells.required("issue_date", parse_iso_date)
    due_date = cells.value("due_date", parse_iso_date, None)
    status = cells.text("status").casefold()
    tax_mode = cells.value("tax_mode", parse_tax_mode, TaxMode.EXCLUSIVE)
    if not contact or issue_date is None or (cells.text("due_date") and due_date is None):
        return None
    if tax_mode is None:
        return None
    return DocumentRows(
        rows=[cells.row.number], number=number, contact=contact, issue_date=issue_date,
        due_date=due_date, reference=cells.text("reference"),
        lifecycle=_STATUSES.get(status, Lifecycle.AUTHORISED), tax_mode=tax_mode,
        header=header,
    )


def _check_same(cells: RowCells, document: DocumentRows, header: tuple[str, ...]) -> None:
    for name, mine, first in zip(_HEADER_FIELDS, header, document.header, strict=True):
        if mine and mine != first:
            cells.problem(name, f"is {mine!r}, but row {document.rows[0]} of document "
                                f"{document.number or '(draft)'} says {first!r}")


def _line(cells: RowCells) -> LineInput | None:
    price_field = "unit_price" if "unit_price" in cells.mapping.columns else "total"
    price = cells.required(price_field, parse_decimal)
    quantity = cells.value("quantity", parse_decimal, Decimal(1))
    tax_rate = cells.value("tax_rate", parse_decimal, Decimal(0))
    discount = cells.value("discount_percent", parse_decimal, Decimal(0))
    if price is None or quantity is None or tax_rate is None or discount is None:
        return None
    return cells.model(
        LineInput, {"account_code": "account", "unit_price": price_field},
        description=cells.text("description"), quantity=quantity, unit_price=price,
        account_code=cells.text("account"), tax_rate=tax_rate, discount_percent=discount,
    )
