"""The import use case: a CSV file, its column mapping and options in; a preview out.

``import_file`` reads and checks every row, then runs the whole import in one transaction
and keeps it only when nothing is wrong and it is not a dry run.  A dialog calls
``open_csv`` and ``ColumnMapping.default`` first to show the mapping, then this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.i18n import _
from ledgerdesk.services.imports import apply
from ledgerdesk.services.imports.accept import Excess, Unmatched
from ledgerdesk.services.imports.apply import Created, Progress
from ledgerdesk.services.imports.bank_import import BankStep, bank_step
from ledgerdesk.services.imports.batch_documents import documents_step
from ledgerdesk.services.imports.cells import RowProblem
from ledgerdesk.services.imports.currency_column import checked_currency
from ledgerdesk.services.imports.document_rows import read_documents
from ledgerdesk.services.imports.fields import ColumnMapping, ImportKind, MappingError
from ledgerdesk.services.imports.matching import LineMatch
from ledgerdesk.services.imports.opening_rows import opening_step, read_opening
from ledgerdesk.services.imports.rows import read_contacts, read_statement
from ledgerdesk.services.imports.source import CsvRow, CsvSource, open_csv
from ledgerdesk.services.imports.statement_files import (
    StatementFormat,
    read_statement_file,
    statement_format,
)
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import base_currency

_DOCUMENT_KINDS = {
    ImportKind.INVOICES: DocumentKind.SALES_INVOICE, ImportKind.BILLS: DocumentKind.BILL,
}


@dataclass(frozen=True, slots=True)
class ImportOptions:
    dry_run: bool = False
    create_contacts: bool = False  # invoices and bills: add contacts the book does not have
    accept_suggestions: bool = False  # bank: take each line's clear best match
    choices: Mapping[int, int] = field(default_factory=dict)  # bank: row -> document id
    #: bank: rows whose excess over their documents the user chose to keep as credit
    keep_excess: frozenset[int] = frozenset()
    bank_account: str | None = None  # bank: None for the book's first bank account
    progress: Progress | None = None  # (done, total) while writing; raise from it to cancel
    as_of: dt.date | None = None  # opening balances: the start date (required there)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import found and did: rows read, every problem, what it created (or would)."""

    kind: ImportKind
    mapping: ColumnMapping
    rows: int
    problems: list[RowProblem]
    created: list[Created]
    committed: bool
    matches: list[LineMatch] = field(default_factory=list)  # bank only
    unmatched: list[Unmatched] = field(default_factory=list)  # bank only
    excess: list[Excess] = field(default_factory=list)  # bank: lines paying beyond their documents
    #: bank: what an OFX or CAMT.053 file is ("OFX 1.02 statement of account …"); "" for CSV
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def mapping_for(
    source: CsvSource, kind: ImportKind, overrides: Mapping[str, str] | None = None
) -> ColumnMapping:
    """The default mapping with the user's ``{field: header}`` on top; ``MappingError`` if a
    required field is left without a column."""
    mapping = ColumnMapping.default(kind, source.headers).with_overrides(overrides or {})
    mapping.check()
    return mapping


def import_file(
    book: Book, path: Path, kind: ImportKind, overrides: Mapping[str, str] | None = None,
    options: ImportOptions | None = None,
) -> ImportPreview:
    """Raises ``ImportFileError`` or ``MappingError`` for a file it cannot read at all."""
    options = options or ImportOptions()
    if kind is ImportKind.BANK and (found := statement_format(path)) is not StatementFormat.CSV:
        return _import_statement_file(book, path, found, overrides, options)
    source = open_csv(path)
    mapping = mapping_for(source, kind, overrides)
    problems: list[RowProblem] = []
    counter = _Counter(source)
    with book.read() as tx:  # contacts carry no amounts: a book not set up still takes them
        currency = "" if kind is ImportKind.CONTACTS else base_currency(tx)
    # A document in another currency is booked at its rate (``document_rows``); a bank
    # line's amount is the book's money, so another currency there is refused.
    rows = (counter.rows() if kind in (ImportKind.INVOICES, ImportKind.BILLS)
            else checked_currency(counter.rows(), mapping, problems, currency))
    bank: BankStep | None = None
    if kind is ImportKind.CONTACTS:
        step = apply.contacts_step(read_contacts(rows, mapping, problems), mapping)
    elif kind is ImportKind.BANK:
        lines = read_statement(rows, mapping, problems, currency)
        bank = bank_step(book, lines, problems, mapping, currency, options)
        step = bank.step
    elif kind is ImportKind.OPENING_BALANCES:
        if options.as_of is None:
            raise ValueError("opening balances need their date")
        opening = read_opening(rows, mapping, problems)
        step = opening_step(options.as_of, opening, mapping, options.create_contacts)
    else:
        documents = read_documents(rows, mapping, problems)
        step = documents_step(_DOCUMENT_KINDS[kind], documents, mapping, options.create_contacts)
    commit = not options.dry_run and (bank is None or bank.records)
    created, committed = apply.in_one_transaction(
        book, step, problems, commit, options.progress,
        {"kind": kind.value, "file": path.name, "rows": counter.count},
    )
    problems.sort(key=lambda p: p.row)
    if bank is None:
        return ImportPreview(kind, mapping, counter.count, problems, created, committed)
    return ImportPreview(kind, mapping, counter.count, problems, created, committed,
                         bank.matches, bank.unmatched, bank.excess)


def _import_statement_file(
    book: Book, path: Path, kind: StatementFormat, overrides: Mapping[str, str] | None,
    options: ImportOptions,
) -> ImportPreview:
    """An OFX or CAMT.053 statement: its lines as the file gives them, no column mapping."""
    if overrides:
        raise MappingError(_("{name} is a {kind} file, which names its own fields; --map is for "
                             "CSV files.").format(
            name=path.name,
            kind=kind))
    with book.read() as tx:
        currency = base_currency(tx)
    found = read_statement_file(path, kind, currency)
    problems = list(found.problems)
    mapping = ColumnMapping(ImportKind.BANK, (), {})
    refused = {p.row for p in problems}
    lines = [line for line in found.lines if line.row not in refused]
    bank = bank_step(book, lines, problems, mapping, currency, options)
    created, committed = apply.in_one_transaction(
        book, bank.step, problems, not options.dry_run and bank.records, options.progress,
        {"kind": ImportKind.BANK.value, "file": path.name, "rows": len(found.lines),
         "format": str(kind)},
    )
    problems.sort(key=lambda p: p.row)
    return ImportPreview(ImportKind.BANK, mapping, len(found.lines), problems, created,
                         committed, bank.matches, bank.unmatched, bank.excess,
                         source=found.described)


class _Counter:
    """Counts the data rows as the reader streams them."""

    def __init__(self, source: CsvSource) -> None:
        self.source = source
        self.count = 0

    def rows(self) -> Iterator[CsvRow]:
        for row in self.source.rows():
            self.count += 1
            yield row
