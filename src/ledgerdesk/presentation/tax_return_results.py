"""The tax return for the Reports page: the return itself, or one code's documents (a
drill), and what the notes under it say (what is due, and any settlement of the period)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.wording import worded
from ledgerdesk.reports.periods import Period
from ledgerdesk.reports.report_views import ReportView
from ledgerdesk.reports.tax_return import TaxReturn, due_words
from ledgerdesk.reports.tax_return_view import tax_return_documents_view, tax_return_view
from ledgerdesk.services.tax_return import tax_return, tax_return_documents


def tax_return_parts(book: Any, period: Period,
                     tax_code_id: int | None) -> tuple[TaxReturn, ReportView]:
    """The return of ``period`` and its view: every code, or the documents on one."""
    report = tax_return(book, period)
    if tax_code_id is None:
        return report, tax_return_view(report)
    row = next((r for r in report.rows if r.code_id == tax_code_id), None)
    return report, tax_return_documents_view(
        report, row, tax_return_documents(book, period, tax_code_id))


def tax_return_notes(report: TaxReturn, money: Callable[[object], str]) -> list[str]:
    notes = [worded(due_words(report), money)]
    if report.settled is not None:
        notes.append(_("Settled by {settled}.").format(settled=report.settled.describe()))
    return notes
