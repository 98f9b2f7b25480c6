"""``ledgerdesk report NAME PATH [options] [--csv FILE] [--bom]``: every report, as a table
on the terminal or as CSV (the options and their checks are in ``report_options``)."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any, TextIO

from ledgerdesk.cli.books import book_settings, opened
from ledgerdesk.cli.errors import CliError
from ledgerdesk.cli.output import cell_text, export_csv, write_table
from ledgerdesk.cli.report_options import check_options
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.reports.periods import AgingBuckets, Period
from ledgerdesk.reports.report_views import (
    ReportView,
    aging_documents_view,
    aging_view,
    balance_sheet_view,
    csv_source,
    general_ledger_view,
    payments_register_view,
    profit_and_loss_view,
    sales_tax_view,
    statement_view,
    trial_balance_view,
)
from ledgerdesk.services import reports
from ledgerdesk.services.fiscal_year import read_fiscal_year_start
from ledgerdesk.services.queries import trial_balance


def run_report(args: argparse.Namespace, out: TextIO) -> int:
    check_options(args)
    with opened(args.path) as book:
        company, _currency = book_settings(book)
        view = BUILDERS[args.name](book, args)
        if args.csv is not None:
            export_csv(*csv_source(view), args.csv, out, view.noun, bom=args.bom,
                       note=view.totals)
            return 0
        out.write(f"{shown_inert(company) or args.path}\n")
        for line in view.title:
            out.write(f"{shown_inert(line)}\n")
        out.write("\n")
        footers = [[cell_text(cell) for cell in footer] for footer in view.footers]
        write_table(view.columns, view.rows, out, footers=footers)
        for line in view.after:
            out.write(f"\n{line}\n")
    return 0


def today() -> dt.date:
    return dt.date.today()


def period(args: argparse.Namespace, book: Any) -> Period:
    """--from/--to; by default the book's fiscal year to date (to today, or to --to)."""
    end = args.end or today()
    start = args.start or read_fiscal_year_start(book).year_of(end)[0]
    return _period(start, end, "--from", "--to")


def _period(start: dt.date, end: dt.date, first: str, last: str) -> Period:
    if start > end:
        raise CliError(_("{first} {start} is after {last} {end}.").format(
                           first=first,
                           start=start.isoformat(),
                           last=last,
                           end=end.isoformat()))
    return Period(start, end)


def buckets(args: argparse.Namespace) -> AgingBuckets:
    if args.buckets is None:
        return AgingBuckets()
    try:
        return AgingBuckets.parse(args.buckets)
    except ValueError as exc:
        raise CliError(_("--buckets {buckets}: "
                         "{exc}.").format(buckets=args.buckets, exc=exc)) from None


def _aging(side: Side) -> Callable[[Any, argparse.Namespace], ReportView]:
    who = "customer" if side is Side.SALES else "supplier"

    def build(book: Any, args: argparse.Namespace) -> ReportView:
        contact_id = _contact_id(book, args.contact) if args.contact else None
        as_of, chosen = args.as_of or today(), buckets(args)
        report = reports.aging(book, side, as_of, chosen, contact_id)
        if not args.detail:
            return aging_view(report, who)
        documents = reports.aging_documents(book, side, as_of, chosen, contact_id)
        return aging_documents_view(report, documents, who)

    return build


def _contact_id(book: Any, name_or_id: str) -> int:
    with book.read() as tx:
        from ledgerdesk.services.contacts import resolve_contact  # pydantic: only here

        contact = resolve_contact(tx, name_or_id)
    assert contact.id is not None
    return contact.id


def _profit_and_loss(book: Any, args: argparse.Namespace) -> ReportView:
    previous = None
    if args.previous_start is not None:
        previous = _period(args.previous_start, args.previous_end,
                           "--previous-from", "--previous-to")
    return profit_and_loss_view(reports.profit_and_loss_report(book, period(args, book), previous))


def _balance_sheet(book: Any, args: argparse.Namespace) -> ReportView:
    report = reports.balance_sheet_report(book, args.as_of or today(), args.compare_to)
    return balance_sheet_view(report)


def _trial_balance(book: Any, args: argparse.Namespace) -> ReportView:
    _company, currency = book_settings(book)
    when = _("as of {date}").format(
        date=args.as_of.isoformat()) if args.as_of else _("all entries")
    return trial_balance_view(trial_balance(book, args.as_of), when, currency)


def _statement(side: Side) -> Callable[[Any, argparse.Namespace], ReportView]:
    def build(book: Any, args: argparse.Namespace) -> ReportView:
        chosen = buckets(args)
        contact_id = _contact_id(book, args.contact)
        report = reports.statement(book, side, contact_id, period(args, book), chosen,
                                   args.currency)
        return statement_view(report, chosen.labels)

    return build


def _tax_return(book: Any, args: argparse.Namespace) -> ReportView:
    from ledgerdesk.reports.tax_return_view import tax_return_view
    from ledgerdesk.services.tax_return import tax_return

    return tax_return_view(tax_return(book, period(args, book)))


def _fx_revaluation(book: Any, args: argparse.Namespace) -> ReportView:
    from ledgerdesk.reports.fx_revaluation_view import fx_revaluation_view
    from ledgerdesk.services.fx_revaluation import revaluation
    from ledgerdesk.services.fx_revaluation_post import post_revaluation

    if not args.post:
        return fx_revaluation_view(revaluation(book, args.as_of or today()))
    posted = post_revaluation(book, args.as_of or today())
    view = fx_revaluation_view(posted.report)
    view.after.append(posted.words)
    return view


BUILDERS: dict[str, Callable[[Any, argparse.Namespace], ReportView]] = {
    "receivable-aging": _aging(Side.SALES),
    "payable-aging": _aging(Side.PURCHASES),
    "profit-and-loss": _profit_and_loss,
    "balance-sheet": _balance_sheet,
    "trial-balance": _trial_balance,
    "general-ledger": lambda book, args: general_ledger_view(
        reports.general_ledger(book, args.account, period(args, book))),
    "payments-register": lambda book, args: payments_register_view(
        reports.payments_register(book, period(args, book))),
    "sales-tax": lambda book, args: sales_tax_view(
        reports.sales_tax_summary(book, period(args, book))),
    "tax-return": lambda book, args: _tax_return(book, args),
    "customer-statement": _statement(Side.SALES),
    "supplier-statement": _statement(Side.PURCHASES),
    "fx-revaluation": lambda book, args: _fx_revaluation(book, args),
}
