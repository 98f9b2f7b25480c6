"""``ledgerdesk reconcile … --report FILE``: the reconciliation report as a PDF, the same
page as the window's Print report… (``presentation.print_reconciliation``): the statement
balance, the uncleared postings and the book balance.  Written when nothing could be
recorded too, stamped DRAFT with the difference, so the unexplained items can be chased
on paper."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from ledgerdesk.cli.errors import CliError
from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.presentation.print_reconciliation import ReportFigures, reconciliation_print
from ledgerdesk.services.ports import Book


def check_report_target(report: str | None) -> None:
    """Refuse a report in a folder that does not exist before anything is recorded."""
    if report == "-":
        raise CliError(_("--report needs a file: the summary goes to standard output."))
    if report is not None and not Path(report).parent.is_dir():
        raise CliError(_("{parent} is not a folder; the report cannot be written there.").format(
            parent=Path(report).parent))


def write_report(report: str | None, book: Book, figures: ReportFigures,
                 out: TextIO) -> None:
    if report is None:
        return
    from ledgerdesk.app.printing import print_pdf
    from ledgerdesk.presentation.session import DEFAULT_LOCALE, LOCALE_SETTING
    from ledgerdesk.services.printing import book_company

    with book.read() as tx:
        locale = tx.get_setting(LOCALE_SETTING) or DEFAULT_LOCALE
    model = reconciliation_print(figures, book_company(book), locale, dt.date.today())
    pages = print_pdf(model, report)
    out.write(ngettext("{target}: {title}, {count} page.", "{target}: {title}, {count} pages.",
                       pages).format(target=report, title=model.footer.split(" · ")[0],
                                     count=pages) + "\n")
