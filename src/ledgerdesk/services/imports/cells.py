"""Reading one cell: exact decimals with a dot, ISO dates, roles; and the row problem type.

A cell that uses another convention (``1.234,56``, ``31/01/2024``) is refused with a reason
that says which convention the file seems to use, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.date_limits import DATE_RANGE, off_calendar
from ledgerdesk.domain.documents import TaxMode
from ledgerdesk.domain.i18n import _

_PLAIN_DECIMAL = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")
_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:[,. '\u00a0\u202f][0-9]{3})+(?:[.,][0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SLASHED = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{2,4})")
_ROLES = {"customer": ContactRole.CUSTOMER, "supplier": ContactRole.SUPPLIER,
          "both": ContactRole.BOTH, "": ContactRole.BOTH}
_TAX_MODES = {"exclusive": TaxMode.EXCLUSIVE, "inclusive": TaxMode.INCLUSIVE,
              "notax": TaxMode.NO_TAX, "none": TaxMode.NO_TAX}


@dataclass(frozen=True, slots=True)
class RowProblem:
    """What is wrong with one row: its number as a spreadsheet shows it, the column, why."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = _("row {row}").format(row=self.row) if self.row else "file"
        column = f", {self.column}" if self.column else ""
        return f"{where}{column}: {self.reason}"


class CellError(ValueError):
    """One cell cannot be read; the message is the reason, for a ``RowProblem``."""


def parse_decimal(text: str) -> Decimal:
    cleaned = text.strip()
    if _PLAIN_DECIMAL.fullmatch(cleaned):
        return Decimal(cleaned)
    if _DECIMAL_COMMA.fullmatch(cleaned) or _GROUPED.fullmatch(cleaned):
        raise CellError(
            _("{cleaned!r} is written with a group separator or a decimal comma; this import "
              "reads plain numbers with a dot, like 1234.50").format(cleaned=cleaned)
        )
    raise CellError(_("{cleaned!r} is not a number; write it like 1234.50").format(
                        cleaned=cleaned))


def parse_iso_date(text: str) -> dt.date:
    cleaned = text.strip()
    if off_calendar(cleaned):
        raise CellError(_("{cleaned!r} is off the calendar; dates run from {date_range}").format(
                            cleaned=cleaned,
                            date_range=DATE_RANGE))
    if _ISO_DATE.fullmatch(cleaned):
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            raise CellError(_("{cleaned!r} is not a real date").format(cleaned=cleaned)) from None
    match = _SLASHED.fullmatch(cleaned)
    if match:
        first, second = int(match[1]), int(match[2])
        order = "DD/MM/YYYY" if first > 12 else "MM/DD/YYYY" if second > 12 else (
            _("DD/MM/YYYY or MM/DD/YYYY"))
        raise CellError(
            _("{cleaned!r} is written as {order}; this import reads ISO dates, YYYY-MM-DD "
              "(convert the column in the spreadsheet first)").format(
                cleaned=cleaned,
                order=order)
        )
    raise CellError(_("{cleaned!r} is not a date; write it as YYYY-MM-DD").format(
                        cleaned=cleaned))


def parse_role(text: str) -> ContactRole:
    role = _ROLES.get(text.strip().casefold())
    if role is None:
        raise CellError(_("{text!r} is not a role; write customer, supplier or both").format(
                            text=text.strip()))
    return role


def parse_whole(text: str) -> int:
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise CellError(_("{cleaned!r} is not a whole number of days").format(cleaned=cleaned))
    return int(cleaned)


def parse_tax_mode(text: str) -> TaxMode:
    """``exclusive``, ``inclusive`` or ``no tax`` (also ``no_tax``, ``NO-TAX``)."""
    mode = _TAX_MODES.get(re.sub(r"[\s_\-]+", "", text).casefold())
    if mode is None:
        raise CellError(_("{text!r} is not a tax mode; write exclusive, inclusive or no "
                          "tax").format(
            text=text.strip()))
    return mode
