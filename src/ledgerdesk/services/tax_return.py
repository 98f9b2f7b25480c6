"""The tax return use cases: a period's return, and the documents behind one of its rows."""

from __future__ import annotations

from collections.abc import Iterator

from ledgerdesk.domain.tax_settlement import overlapping
from ledgerdesk.reports import tax_return as returns
from ledgerdesk.reports.periods import Period
from ledgerdesk.reports.tax_return import TaxReturn, TaxReturnDocument
from ledgerdesk.services.ports import Transaction
from ledgerdesk.services.report_ports import ReportBook, ReportQueries
from ledgerdesk.services.tax_codes import tax_account


def tax_return(book: ReportBook, period: Period) -> TaxReturn:
    """Output and input tax of the documents issued in ``period`` (never a void one), by
    tax code and rate, with the settlement that already covers the period, if any."""
    with book.read() as tx:
        return tax_return_in(tx, book.reports(), period)


def tax_return_in(tx: Transaction, queries: ReportQueries, period: Period) -> TaxReturn:
    """``tax_return`` with the codes and settlements read in the caller's transaction."""
    codes = {c.id: c for c in tx.tax_codes() if c.id is not None}
    settled = overlapping(tx.tax_settlements(), period.start, period.end)
    return returns.tax_return(period, queries.tax_lines(period), codes, queries.currency(),
                              tax_account(tx), settled)


def tax_return_documents(book: ReportBook, period: Period,
                         tax_code_id: int) -> Iterator[TaxReturnDocument]:
    """The documents of ``period`` with lines on the code, each with its part of the row."""
    queries = book.reports()
    return returns.tax_return_documents(queries.tax_lines(period, tax_code_id), tax_code_id,
                                        queries.currency())
