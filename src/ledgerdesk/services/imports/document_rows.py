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

from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.documents import Lifecycle, TaxMode
from ledgerdesk.domain.i18n import _
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
_HEADER_FIELDS = ("contact", "issue_date", "due_date", "reference", "status", "tax_mode",
                  "currency", "exchange_rate")
_STATUSES = {"draft": Lifecycle.DRAFT, "void": Lifecycle.VOIDED}
_STAND_IN_DATE = dt.date(2000, 1, 1)  # for a date that cannot be read; never written


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
    currency: str = ""  # "": the contact's, else the book's
    exchange_rate: Decimal | None = None  # None: the book's rate of its date
    header: tuple[str, ...] = ()  # the header cells as written, to compare later rows
    #: Some cell of its rows could not be read: stand-ins fill it, so the document's other
    #: checks (contact, accounts, rates) still run, but it is never written.
    broken: bool = False


def read_documents(
    rows: Iterable[CsvRow], mapping: ColumnMapping, problems: list[RowProblem]
) -> list[DocumentRows]:
    """The file's documents; one with an unreadable cell comes back ``broken``."""
    documents: list[DocumentRows] = []
    by_number: dict[str, DocumentRows] = {}
    for row in rows:
        before = len(problems)
        cells = RowCells(mapping, row, problems)
        number = cells.text("number")
        key = "" if number == DRAFT_NUMBER else number.casefold()
        number = "" if number == DRAFT_NUMBER or _DRAFT_KEY.fullmatch(number) else number
        header = tuple(cells.text(name) for name in _HEADER_FIELDS)
        line = _line(cells)
        document = by_number.get(key) if key else None
        if document is not None:
            _check_same(cells, document, header)
            document.rows.append(row.number)
        else:
            document = _document(cells, number, header)
            documents.append(document)
            if key:
                by_number[key] = document
        if line is not None:
            document.lines.append(line)
        document.broken = document.broken or line is None or len(problems) > before
    return documents


def _document(cells: RowCells, number: str, header: tuple[str, ...]) -> DocumentRows:
    """The document a row starts; stand-ins for the cells that cannot be read."""
    contact = cells.text("contact")
    if not contact:
        cells.problem("contact", _("is empty; every document needs a contact"))
    issue_date = cells.required("issue_date", parse_iso_date)
    due_date = cells.value("due_date", parse_iso_date, None)
    status = cells.text("status").casefold()
    tax_mode = cells.value("tax_mode", parse_tax_mode, TaxMode.EXCLUSIVE)
    currency = cells.text("currency").upper()
    if currency and (why := currency_problem(currency)):
        cells.problem("currency", why.removesuffix("."))
    return DocumentRows(
        rows=[cells.row.number], number=number, contact=contact,
        issue_date=issue_date or due_date or _STAND_IN_DATE, due_date=due_date,
        reference=cells.text("reference"),
        lifecycle=_STATUSES.get(status, Lifecycle.AUTHORISED),
        tax_mode=tax_mode or TaxMode.EXCLUSIVE, header=header, currency=currency,
        exchange_rate=cells.value("exchange_rate", parse_decimal, None),
    )


def _check_same(cells: RowCells, document: DocumentRows, header: tuple[str, ...]) -> None:
    for name, mine, first in zip(_HEADER_FIELDS, header, document.header, strict=True):
        if mine and mine != first:
            cells.problem(name, f"is {mine!r}, but row {document.rows[0]} of document "
                                f"{document.number or '(draft)'} says {first!r}")


def _line(cells: RowCells) -> LineInput | None:
    """The row's line, with a neutral stand-in for a number that cannot be read."""
    price_field = "unit_price" if "unit_price" in cells.mapping.columns else "total"
    price = cells.required(price_field, parse_decimal)
    quantity = cells.value("quantity", parse_decimal, Decimal(1))
    tax_rate = cells.value("tax_rate", parse_decimal, None)
    discount = cells.value("discount_percent", parse_decimal, Decimal(0))
    return cells.model(
        LineInput, {"account_code": "account", "unit_price": price_field},
        description=cells.text("description"), quantity=Decimal(1) if quantity is None
        else quantity, unit_price=price or Decimal(0), account_code=cells.text("account"),
        tax_code=cells.text("tax_code"), tax_rate=tax_rate,
        discount_percent=discount or Decimal(0),
    )
