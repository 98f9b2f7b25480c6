"""Which kind of bank statement a file is, by what it holds: CSV, OFX (and QFX) or CAMT.053.

The extension only helps to say what is wrong: a file named ``.ofx`` that holds no OFX is
refused as such rather than read as CSV.  OFX and CAMT files read their own fields
(``ofx_statement``, ``camt_statement``) into the same ``StatementLine`` a CSV row becomes,
numbered 1, 2, … in the file's order, each with the bank's own id of it where it has one.
"""

from __future__ import annotations

import codecs
import enum
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import minor_exponent, quantize
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.rows import StatementLine
from ledgerdesk.services.imports.source import SAMPLE_BYTES, ImportFileError

_OFX_NAMES = (".ofx", ".qfx", ".qbo")
_XML_NAMES = (".xml", ".camt", ".053")
_XML_DECLARATION = re.compile(rb"^<\?xml[^>]*\?>", re.IGNORECASE)


class StatementFormat(enum.StrEnum):
    CSV = "CSV"
    OFX = "OFX"
    CAMT053 = "CAMT.053"


@dataclass(frozen=True, slots=True)
class StatementFile:
    """A statement read from an OFX or CAMT.053 file."""

    format: StatementFormat
    described: str  # "OFX 1.02 statement of account …6789", for the preview
    lines: list[StatementLine]
    problems: list[RowProblem] = field(default_factory=list)


def statement_format(path: Path) -> StatementFormat:
    """The file's kind by its first bytes; ``ImportFileError`` for an XML or ``.ofx`` file
    that is no statement we read, or a file that cannot be opened."""
    try:
        with open(path, "rb") as file:
            head = file.read(SAMPLE_BYTES)
    except OSError as exc:
        raise ImportFileError(_("{name} cannot be read: {value}.").format(
                                  name=path.name,
                                  value=exc.strerror or exc)) from None
    text = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if text.startswith(b"OFXHEADER") or b"<?OFX" in head or text.upper().startswith(b"<OFX>"):
        return StatementFormat.OFX
    if text.startswith(b"<"):
        body = _XML_DECLARATION.sub(b"", text)
        if b"BkToCstmrStmt" in body or b"camt.053" in body:
            return StatementFormat.CAMT053
        if b"BkToCstmrAcctRpt" in body or b"BkToCstmrDbtCdtNtfctn" in body:
            raise ImportFileError(_("{name} is a CAMT account report or notification; import the "
                                    "bank's camt.053 "
                                    "statement instead.").format(name=path.name))
        raise ImportFileError(_("{name} is an XML file, but not an OFX or CAMT.053 bank "
                                "statement.").format(
            name=path.name))
    suffix = path.suffix.casefold()
    if suffix in _OFX_NAMES:
        raise ImportFileError(_("{name} is not an OFX file: it has no OFX header.").format(
                                  name=path.name))
    if suffix in _XML_NAMES:
        raise ImportFileError(_("{name} is not a CAMT.053 statement: it is not XML.").format(
                                  name=path.name))
    return StatementFormat.CSV


def read_statement_file(path: Path, kind: StatementFormat, currency: str) -> StatementFile:
    """The lines of an OFX or CAMT.053 file; ``ImportFileError`` when it cannot be read."""
    if kind is StatementFormat.OFX:
        from ledgerdesk.services.imports.ofx_statement import read_ofx

        return read_ofx(path, currency)
    if kind is StatementFormat.CAMT053:
        from ledgerdesk.services.imports.camt_statement import read_camt

        return read_camt(path, currency)
    raise ValueError(f"{kind} is read through the CSV import")


def amount_problem(amount: Decimal, currency: str, found: str = "") -> str:
    """Why a line's amount cannot be recorded in the book's ``currency`` ("" when it can):
    another currency, or more decimal places than it has."""
    if found and found != currency:
        return _("is in {found}; this book keeps {currency}").format(
                   found=found, currency=currency)
    if quantize(amount, currency) != amount:
        return _("has more decimal places than {currency} has ({minor_exponent})").format(
                   currency=currency, minor_exponent=minor_exponent(currency))
    return ""
