"""How the tax return reads (``ledgerdesk report tax-return``, the window, File > Export):
one row per tax code on each side, ``code,rate,side,net,tax``, then a ``net due`` row; and
the documents behind one row, for the window's drill."""

from __future__ import annotations

from collections.abc import Iterable

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.tax_codes import side_words
from ledgerdesk.domain.wording import plain_amount, worded
from ledgerdesk.reports.csv_format import Column
from ledgerdesk.reports.report_views import AMOUNT, ReportView
from ledgerdesk.reports.sales_tax import Percent
from ledgerdesk.reports.tax_return import (
    TaxReturn,
    TaxReturnDocument,
    TaxReturnRow,
    due_words,
)

NET_DUE = "net due"  # the CSV's last row, and the table's footer


def with_currency(amount) -> str:
    return f"{plain_amount(amount)} {amount.currency}"


def title_lines(report: TaxReturn) -> list[str]:
    lines = [_("Tax return, {label}").format(label=report.period.label()),
             _("(documents issued in the period; void documents left out)")]
    if report.settled is not None:
        lines.append(_("Settled by {settled}.").format(settled=report.settled.describe()))
    return lines


def tax_return_view(report: TaxReturn) -> ReportView:
    columns = [
        Column("code", _("Code"), 24, lambda r: r.code),
        Column("rate", _("Rate %"), 7, lambda r: Percent(r.rate), numeric=True),
        Column("side", _("Side"), 10, lambda r: side_words(r.side)),
        Column("net", _("Net"), AMOUNT, lambda r: r.net, numeric=True),
        Column("tax", _("Tax"), AMOUNT, lambda r: r.tax, numeric=True),
    ]
    return ReportView(
        _("tax codes"), title_lines(report), columns, report.rows,
        [[NET_DUE, "", "", "", report.net_due]],
        " " + _("(net due {with_currency})").format(with_currency=with_currency(report.net_due)),
        [worded(due_words(report), with_currency)], csv_footers=True,
    )


def tax_return_documents_view(report: TaxReturn, row: TaxReturnRow | None,
                              documents: Iterable[TaxReturnDocument]) -> ReportView:
    """The documents of ``report``'s period on ``row``'s code, totalled as the row is (so
    a reader sees they add up to it); no row: the code has nothing in the period."""
    columns = [
        Column("number", _("Number"), 12, lambda d: d.number),
        Column("issue_date", _("Issued"), 10, lambda d: d.issue_date),
        Column("contact", _("Contact"), 28, lambda d: d.contact),
        Column("kind", _("Kind"), 20, lambda d: d.kind_label),
        Column("net", _("Net"), AMOUNT, lambda d: d.net, numeric=True),
        Column("tax", _("Tax"), AMOUNT, lambda d: d.tax, numeric=True),
    ]
    code = row.code if row is not None else _("this code")
    title = [_("Tax return, {label}: the documents on {code}").format(
                 label=report.period.label(),
                 code=code)]
    footers = [[_("Total"), "", "", "", row.net, row.tax]] if row is not None else []
    return ReportView("documents", title, columns, documents, footers)
