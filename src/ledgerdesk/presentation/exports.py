"""File > Export without Qt: what the current list or report writes as CSV, and the writing.

A list exports every row its query selects (filters and sort included), streamed from the
same SQL as its pages (``services.list_streams``), with the list's columns: amounts as exact
decimals with a dot, dates ISO, statuses as plain words (``overdue``, not the screen's
"⚠ Overdue"), the rest as the list shows it.  A report exports what
``ledgerdesk report NAME --csv`` writes for the same parameters.  Where and how the file is
written is ``output_files``'s rule: a regular file is written beside its name and moved into
place at the end (a failure or a cancel removes the partial file); a link, a pipe or a device
stays what it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.presentation.columns import Column as ListColumn
from ledgerdesk.presentation.lists import QueryList
from ledgerdesk.presentation.output_files import open_output
from ledgerdesk.presentation.report_params import ReportRequest
from ledgerdesk.presentation.report_results import report_view
from ledgerdesk.presentation.session import Session
from ledgerdesk.reports.csv_format import Column, write_csv
from ledgerdesk.reports.report_views import csv_source
from ledgerdesk.services.list_queries import ContactQuery, DocumentQuery, PaymentQuery
from ledgerdesk.services.statement_export import STATEMENT_COLUMNS, statement_postings

PROGRESS_EVERY = 1000  # rows between progress reports (and chances to cancel)


@dataclass(frozen=True)
class Export:
    what: str  # "Sales invoices", "Profit and loss": for the dialog's title
    #: Opens the stream (on the worker thread): the columns and the rows to write.
    open: Callable[[], tuple[Sequence[Column], Iterable[Any]]]
    total: int = 0  # rows expected (0: not known, the progress bar just moves)


def list_export(session: Session, title: str, presenter: QueryList[Any]) -> Export:
    """The list's rows as it is filtered and sorted now (later changes do not apply)."""
    query, streams = presenter.query, session.book.list_streams  # type: ignore[attr-defined]
    if isinstance(query, DocumentQuery):
        def rows() -> Iterable[Any]:
            return streams().stream_documents(query)
    elif isinstance(query, PaymentQuery):
        def rows() -> Iterable[Any]:
            return streams().stream_payments(query)
    elif isinstance(query, ContactQuery):
        def rows() -> Iterable[Any]:
            return streams().stream_contacts(query)
    else:
        raise TypeError(f"no export for a {type(query).__name__}")
    columns = [_list_column(c) for c in presenter.columns]  # type: ignore[attr-defined]
    return Export(title, lambda: (columns, rows()), presenter.count())


def _list_column(column: ListColumn[Any]) -> Column:
    if column.numeric:
        return Column(column.key, column.title, 14, column.value, numeric=True)
    if column.plain is not None:
        return Column(column.key, column.title, 20, column.plain)
    value, text = column.value, column.text

    def cell(row: Any) -> object:
        real = value(row)
        return real if isinstance(real, dt.date) else text(row)

    return Column(column.key, column.title, 20, cell)


def report_export(session: Session, request: ReportRequest) -> Export:
    """The report with these parameters, run again as the file is written."""
    def run() -> tuple[Sequence[Column], Iterable[Any]]:
        return csv_source(report_view(session, request))

    return Export(request.kind.title, run)


def statement_export(session: Session, bank_code: str, start: dt.date,
                     end: dt.date) -> Export:
    """Bank > Export statement…: the account's standing postings from ``start`` to ``end``
    as ``ledgerdesk export-statement`` writes them (``NotAllowed`` for a start after the
    end, in its words)."""
    found = statement_postings(session.book, bank_code, start, end)
    what = _("statement of {bank_code} {bank_name}").format(
               bank_code=found.bank_code, bank_name=found.bank_name)
    return Export(what, lambda: (STATEMENT_COLUMNS, found.postings), len(found.postings))


def write_export(export: Export, path: Path, *, bom: bool,
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Write the CSV to ``path``; returns the rows written.  ``progress(done, total)`` may
    raise to cancel: a regular file at ``path`` is then left as it was."""
    rows: Iterable[Any] = ()
    try:
        columns, rows = export.open()
        report = (lambda done: progress(done, export.total)) if progress else None
        with open_output(path) as out:
            count = write_csv(columns, rows, out, bom=bom, progress=report,
                              every=PROGRESS_EVERY)
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()
    return count


def exported_text(count: int, path: Path) -> str:
    return ngettext("Exported {count:,} row to {path}.", "Exported {count:,} rows to {path}.",
                    count).format(count=count, path=path)
