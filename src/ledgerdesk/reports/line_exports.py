"""Invoices and bills one row per line: the CSV that ``ledgerdesk import`` reads back whole.

``list invoices --csv`` has one row per document (its total), which an import can only turn
into a one-line document without tax.  This export writes every line with the document's
header repeated, under exactly the headers the importer maps by default
(``services.imports.fields``), so exporting and re-importing keeps each document's lines,
accounts, tax rates and codes, tax mode, dates, status and contact.

Rows come from storage as plain tuples (``DocumentLine``) and each column gives its finished
CSV text, as the payments export does (``list_exports``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ledgerdesk.domain.documents import Lifecycle, TaxMode
from ledgerdesk.reports.csv_format import Column, guard_cell

#: One document line as storage reads it, in this order: document id, number (None for a
#: draft), contact name, issue date, due date (ISO), reference, lifecycle and tax mode (enum
#: values), then the line's description, quantity, unit price, discount percent, account
#: code, tax rate (quantities, prices and rates as their stored exact decimal text), tax
#: code name ("" for a line without one), and the document's currency and exchange rate.
DocumentLine = tuple[int, str | None, str, str, str, str, str, str,
                     str, str, str, str, str, str, str, str, str]

#: What a draft's number cell says: it groups the draft's lines on import, and the
#: importer knows it is not a number to keep (``document_rows.draft_key``).
DRAFT_MARK = "(draft {id})"

#: The words the importer reads back: ``void`` keeps a void document void.
STATUS_WORDS = {Lifecycle.DRAFT.value: "draft", Lifecycle.AUTHORISED.value: "authorised",
                Lifecycle.VOIDED.value: "void"}
TAX_MODE_WORDS = {TaxMode.EXCLUSIVE.value: "exclusive", TaxMode.INCLUSIVE.value: "inclusive",
                  TaxMode.NO_TAX.value: "no tax"}


def plain_decimal(text: str) -> str:
    """Stored decimal text as the importer reads it: ``1E+2`` becomes ``100``."""
    return f"{Decimal(text):f}" if "E" in text or "e" in text else text


def _number(row: DocumentLine) -> str:
    return guard_cell(row[1]) if row[1] is not None else DRAFT_MARK.format(id=row[0])


def _text(index: int) -> Callable[[DocumentLine], str]:
    return lambda row: guard_cell(row[index])


def _decimal(index: int) -> Callable[[DocumentLine], str]:
    return lambda row: plain_decimal(row[index])


def _column(header: str, title: str, width: int, value: Callable[[DocumentLine], str],
            numeric: bool = False) -> Column:
    return Column(header, title, width, value, numeric=numeric, ready=True)


DOCUMENT_LINE_COLUMNS = (
    _column("number", "Number", 11, _number),
    _column("contact", "Contact", 24, _text(2)),
    _column("issue_date", "Issued", 10, lambda r: r[3]),  # ISO text
    _column("due_date", "Due", 10, lambda r: r[4]),
    _column("reference", "Reference", 14, _text(5)),
    _column("status", "Status", 10, lambda r: STATUS_WORDS[r[6]]),
    _column("tax_mode", "Tax mode", 9, lambda r: TAX_MODE_WORDS[r[7]]),
    _column("description", "Description", 28, _text(8)),
    _column("quantity", "Qty", 8, _decimal(9), numeric=True),
    _column("unit_price", "Unit price", 12, _decimal(10), numeric=True),
    _column("discount_percent", "Disc %", 6, _decimal(11), numeric=True),
    _column("account", "Account", 7, _text(12)),
    _column("tax_rate", "Tax %", 6, _decimal(13), numeric=True),
    _column("tax_code", "Tax code", 14, _text(14)),
    _column("currency", "Cur", 3, lambda r: r[15]),
    _column("exchange_rate", "Rate", 10, _decimal(16), numeric=True),
)
