"""Contact rows and bank statement lines, read into commands and plain records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import minor_exponent, quantize
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.commands import NewContact
from ledgerdesk.services.imports.cells import (
    CellError,
    RowProblem,
    parse_decimal,
    parse_iso_date,
    parse_role,
    parse_whole,
)
from ledgerdesk.services.imports.fields import ColumnMapping
from ledgerdesk.services.imports.reader import RowCells
from ledgerdesk.services.imports.source import CsvRow

_YES = ("yes", "true", "1", "void")
_YES_NO = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}


@dataclass(frozen=True, slots=True)
class ContactRow:
    row: int
    command: NewContact
    #: A cell of the row could not be read: ``command`` holds stand-ins for it, so the row's
    #: other checks still run, but it is never written.
    broken: bool = False


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One bank statement line: positive amounts came in, negative ones went out."""

    row: int
    date: dt.date
    amount: Decimal
    reference: str
    counterparty: str
    documents: tuple[str, ...] = ()  # numbers the file says it pays (our payments export)
    skip: str = ""  # why the file's own columns say not to record it (void, a refund)
    keep_excess: bool = False  # the file marks it to keep what it pays beyond its documents
    bank_id: str = ""  # the bank's own id of the line (OFX FITID, CAMT reference), if any


def read_contacts(
    rows: Iterable[CsvRow], mapping: ColumnMapping, problems: list[RowProblem]
) -> list[ContactRow]:
    """Every row as a ``NewContact``; a name twice in the file is a problem on the second.
    A row with an unreadable cell comes back ``broken``, so its other checks still run."""
    found: list[ContactRow] = []
    first_row: dict[str, int] = {}
    for row in rows:
        before = len(problems)
        cells = RowCells(mapping, row, problems)
        role = cells.value("role", parse_role, parse_role(""))
        terms = cells.value("payment_terms_days", parse_whole, 30)
        name = cells.text("name")
        if not name:
            cells.problem("name", _("is empty; a contact needs a name"))
        elif name.casefold() in first_row:
            cells.problem("name", _("{name!r} is already on row {first_row}").format(
                                      name=name, first_row=first_row[name.casefold()]))
        else:
            first_row[name.casefold()] = row.number
        command = cells.model(  # stand-ins for what could not be read
            NewContact, name=name or "?", role=role or ContactRole.BOTH,
            email=cells.text("email"), tax_number=cells.text("tax_number"),
            payment_terms_days=30 if terms is None else terms, address=cells.text("address"),
        )
        if command is not None:
            found.append(ContactRow(row.number, command, broken=len(problems) > before))
    return found


def read_statement(
    rows: Iterable[CsvRow], mapping: ColumnMapping, problems: list[RowProblem], currency: str
) -> list[StatementLine]:
    """Every dated, non-zero line whose amount is exact in the book's ``currency``."""
    lines: list[StatementLine] = []
    for row in rows:
        before = len(problems)
        cells = RowCells(mapping, row, problems)
        date = cells.required("date", parse_iso_date)
        amount = cells.required("amount", parse_decimal)
        kind = cells.value("kind", parse_kind, None)  # read before refusing the line
        keep = cells.value("keep_excess_as_credit", parse_yes_no, False)
        if amount is not None and amount.is_zero():
            cells.problem("amount", _("is zero; a statement line moves money in or out"))
        elif amount is not None and quantize(amount, currency) != amount:
            places = minor_exponent(currency)
            cells.problem("amount",
                _("has more decimal places than {currency} has ({places})").format(
                                        currency=currency, places=places))
        if date is None or amount is None or keep is None or len(problems) > before:
            continue
        if kind is not None:  # our payments export: unsigned amounts, the kind says which way
            amount = abs(amount) if kind.money_in else -abs(amount)
        skip = _("void in the file") if cells.text("void").casefold() in _YES else (
            _("refunds are not imported") if kind is not None and kind.is_refund else "")
        documents = tuple(n.strip() for n in cells.text("documents").split(",") if n.strip())
        lines.append(StatementLine(
            row.number, date, amount, cells.text("reference"), cells.text("counterparty"),
            documents, skip, keep, cells.text("bank_id"),
        ))
    return lines


def parse_yes_no(text: str) -> bool:
    """``yes``/``no`` (or ``true``/``false``, ``1``/``0``), strictly: a mark that keeps money
    as credit is never guessed from another word."""
    answer = _YES_NO.get(text.strip().casefold())
    if answer is None:
        raise CellError(_("{text!r} is neither yes nor no").format(text=text.strip()))
    return answer


def parse_kind(text: str) -> PaymentKind:
    """A payment kind as our payments export writes it: ``customer receipt``."""
    key = "_".join(text.split()).upper()
    if key not in PaymentKind.__members__:
        raise CellError(_("{text!r} is not a payment kind; write customer receipt or supplier "
                          "payment").format(
            text=text))
    return PaymentKind[key]
