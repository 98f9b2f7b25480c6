"""A report run for the window: its rows as locale-formatted lines, totals, sections, drills.

``report_view`` builds the same ``ReportView`` as ``ledgerdesk report`` (columns, rows,
totals), so the window shows, and File > Export writes, exactly what the command line does.
``run_report`` (called off the GUI thread) reads the first ``HEAD`` rows; a long report
(general ledger, statement, payments register, aging by document) keeps the rest of its
rows as a stream that the table pulls as the user scrolls, never the whole report.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ledgerdesk.domain.fiscal_year import FiscalYearStart
from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.plain_text import shown_inert
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.numbers import NumberText
from ledgerdesk.presentation.report_params import ReportKind, ReportRequest
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.tax_return_results import tax_return_notes, tax_return_parts
from ledgerdesk.reports import report_views as views
from ledgerdesk.reports.contact_reports import PaymentsRegister, Statement
from ledgerdesk.reports.fx_revaluation import FxRevaluation
from ledgerdesk.reports.fx_revaluation_view import fx_revaluation_view
from ledgerdesk.reports.ledger_reports import BalanceSheet, GeneralLedger, ProfitAndLoss
from ledgerdesk.reports.periods import Period
from ledgerdesk.reports.sales_tax import Percent
from ledgerdesk.reports.tax_return import TaxReturn
from ledgerdesk.services import reports
from ledgerdesk.services.fx_revaluation import revaluation
from ledgerdesk.services.queries import trial_balance

HEAD = 1000  # rows read with the report; the rest stream in as the table scrolls
HIDDEN = frozenset({"section", "source_id", "payment_id"})  # headings, or what a drill opens
SECTIONS = {
    AccountType.INCOME: (N_("Income"), N_("Total income")),
    AccountType.EXPENSE: (N_("Expenses"), N_("Total expenses")),
    AccountType.ASSET: (N_("Assets"), N_("Total assets")),
    AccountType.LIABILITY: (N_("Liabilities"), N_("Total liabilities")),
    AccountType.EQUITY: (N_("Equity"), N_("Total equity")),
}


class Style(enum.Enum):
    ROW = "row"
    SECTION = "section"  # a heading: Income, Expenses, Assets …
    TOTAL = "total"


class Target(enum.Enum):
    DOCUMENT = "DOCUMENT"
    PAYMENT = "PAYMENT"
    ACCOUNT = "ACCOUNT"  # its general ledger, for the same period
    CONTACT = "CONTACT"  # aging: the contact's documents
    TAX_CODE = "TAX_CODE"  # tax return: the code's documents in the same period


@dataclass(frozen=True, slots=True)
class Drill:
    target: Target
    key: int | str


@dataclass(frozen=True, slots=True)
class ReportLine:
    cells: tuple[str, ...]
    values: tuple[Any, ...]  # the real values (Money, dates), for tests and sorting
    style: Style = Style.ROW
    drill: Drill | None = None


@dataclass
class ReportResult:
    request: ReportRequest
    titles: tuple[str, ...]
    numeric: tuple[bool, ...]
    lines: list[ReportLine]  # the first rows (with section headings and totals between)
    rest: Iterator[ReportLine] | None  # more rows to pull, or None
    footers: list[ReportLine]  # totals under every row
    notes: list[str] = field(default_factory=list)
    _source: Any = None
    report: Any = None  # what the rows were read from (a tax return: what Settle pays)

    def close(self) -> None:
        """Let go of the stream (and its read transaction) before its end."""
        close = getattr(self._source, "close", None)
        if close is not None:
            close()
        self.rest = None


def report_view(session: Session, request: ReportRequest) -> views.ReportView:
    """The report's ``ReportView`` (the command line's), its long rows still streaming."""
    return _built(session, request)[1]


def _built(session: Session, r: ReportRequest) -> tuple[Any, views.ReportView]:
    """The report object (for the notes) and its view."""
    book, kind = session.book, r.kind
    if kind in (ReportKind.RECEIVABLE_AGING, ReportKind.PAYABLE_AGING):
        who = "customer" if kind is ReportKind.RECEIVABLE_AGING else "supplier"
        as_of = r.as_of or session.today
        aging = reports.aging(book, kind.side, as_of, r.buckets, r.contact_id)
        if not r.detail:
            return aging, views.aging_view(aging, who)
        documents = reports.aging_documents(book, kind.side, as_of, r.buckets,
                                            r.contact_id)
        return aging, views.aging_documents_view(aging, documents, who)
    if kind is ReportKind.TRIAL_BALANCE:
        as_of = r.as_of or session.today
        rows = trial_balance(book, as_of)
        return rows, views.trial_balance_view(rows, _("as of {as_of}").format(
                                                        as_of=as_of.isoformat()),
                                              session.currency)
    report: Any
    if kind is ReportKind.PROFIT_AND_LOSS:
        report = reports.profit_and_loss_report(book, _period(r), r.previous)
        return report, views.profit_and_loss_view(report)
    if kind is ReportKind.BALANCE_SHEET:
        report = reports.balance_sheet_report(book, r.as_of or session.today,
                                              r.compare_to)
        return report, views.balance_sheet_view(report)
    if kind is ReportKind.GENERAL_LEDGER:
        report = reports.general_ledger(book, r.account or "", _period(r))
        return report, views.general_ledger_view(report)
    if kind is ReportKind.PAYMENTS_REGISTER:
        report = reports.payments_register(book, _period(r))
        return report, views.payments_register_view(report)
    if kind is ReportKind.SALES_TAX:
        report = reports.sales_tax_summary(book, _period(r))
        return report, views.sales_tax_view(report)
    if kind is ReportKind.TAX_RETURN:
        return tax_return_parts(book, _period(r), r.tax_code_id)
    if kind is ReportKind.FX_REVALUATION:
        report = revaluation(book, r.as_of or session.today)
        return report, fx_revaluation_view(report)
    report = reports.statement(book, kind.side, r.contact_id or 0, _period(r),
                               r.buckets)
    return report, views.statement_view(report, r.buckets.labels)


def _period(request: ReportRequest) -> Period:
    assert request.period is not None
    return request.period


def ledger_period(request: ReportRequest, today: dt.date,
                  year: FiscalYearStart | None = None) -> Period:
    """The period of the general ledger opened from an account row: the report's own; for a
    balance or a trial balance on a date, the fiscal year (``year``) up to that date."""
    if request.period is not None:
        return request.period
    day = request.as_of or today
    return Period((year or FiscalYearStart()).year_of(day)[0], day)


def drill_of(kind: ReportKind, detail: bool) -> Callable[[Any], Drill | None]:
    """What Enter on one of the report's rows opens."""
    if kind in (ReportKind.RECEIVABLE_AGING, ReportKind.PAYABLE_AGING):
        if detail:
            return lambda row: Drill(Target.DOCUMENT, row.document_id)
        return lambda row: Drill(Target.CONTACT, row.contact_id)
    if kind in (ReportKind.PROFIT_AND_LOSS, ReportKind.BALANCE_SHEET, ReportKind.TRIAL_BALANCE):
        return lambda row: Drill(Target.ACCOUNT, row.code) if row.code else None
    if kind is ReportKind.PAYMENTS_REGISTER:
        return lambda row: Drill(Target.PAYMENT, row.payment_id)
    if kind in (ReportKind.SALES_TAX, ReportKind.FX_REVALUATION):
        return lambda row: None
    if kind is ReportKind.TAX_RETURN:
        if detail:  # one code's documents
            return lambda row: Drill(Target.DOCUMENT, row.document_id)
        return lambda row: Drill(Target.TAX_CODE, row.code_id) if row.code_id else None
    return _source_drill  # general ledger and statements


def _source_drill(row: Any) -> Drill | None:
    if row.source_type in (Target.DOCUMENT.value, Target.PAYMENT.value) and row.source_id:
        return Drill(Target(row.source_type), row.source_id)
    return None


class LineMaker:
    """Report rows into lines: the shown columns' values formatted in the book's locale."""

    def __init__(self, session: Session, columns: Sequence[views.Column],
                 drill: Callable[[Any], Drill | None]) -> None:
        self.money = AmountFormatter(session.locale, session.currency)
        self._foreign: dict[str, AmountFormatter] = {}  # an amount in its currency's decimals
        self._locale = session.locale
        self.dates = DateFormatter(session.locale)
        self.number = NumberText(session.locale)
        self.shown = [i for i, c in enumerate(columns) if c.header not in HIDDEN]
        self.readers = [columns[i].value for i in self.shown]
        self.drill = drill

    def text(self, value: object) -> str:
        if isinstance(value, Money):
            if value.currency == self.money.currency:
                return self.money.format(value.amount)
            found = self._foreign.get(value.currency)
            if found is None:
                found = self._foreign[value.currency] = AmountFormatter(self._locale,
                                                                        value.currency)
            return found.format(value.amount)
        if isinstance(value, Decimal):
            return self.money.format(value)
        if isinstance(value, Percent):
            return self.number(value.value)
        if isinstance(value, dt.date):
            return self.dates.short(value)
        if isinstance(value, bool):
            return "yes" if value else ""
        return "" if value is None else shown_inert(str(value))  # names: never obeyed

    def row(self, row: Any) -> ReportLine:
        values = tuple(read(row) for read in self.readers)
        return ReportLine(tuple(self.text(v) for v in values), values, Style.ROW,
                          self.drill(row))

    def fixed(self, cells: Sequence[object], style: Style) -> ReportLine:
        values = tuple(cells[i] for i in self.shown)
        return ReportLine(tuple(self.text(v) for v in values), values, style)

    def heading(self, text: str) -> ReportLine:
        cells = [""] * len(self.shown)
        cells[min(1, len(cells) - 1)] = text
        return ReportLine(tuple(cells), tuple(cells), Style.SECTION)


def run_report(session: Session, request: ReportRequest) -> ReportResult:
    """Run the report (off the GUI thread): its first rows, totals and notes."""
    report, view = _built(session, request)
    detail = request.detail or request.tax_code_id is not None
    maker = LineMaker(session, view.columns, drill_of(request.kind, detail))
    titles = [_(view.columns[i].title) for i in maker.shown]
    if request.kind is ReportKind.BALANCE_SHEET:
        earlier = report.previous_date
        titles[-2:] = [maker.dates.short(report.as_of),
                       maker.dates.short(earlier) if earlier else titles[-1]]
    source = iter(view.rows)
    footers = [maker.fixed(cells, Style.TOTAL) for cells in view.footers]
    if request.kind in (ReportKind.PROFIT_AND_LOSS, ReportKind.BALANCE_SHEET):
        lines, footers = _sections(maker, list(source), footers, request.kind)
        rest = None
    else:
        lines = [maker.row(row) for row in itertools.islice(source, HEAD)]
        rest = (maker.row(row) for row in source) if len(lines) == HEAD else None
    numeric = tuple(view.columns[i].numeric for i in maker.shown)
    return ReportResult(request, tuple(titles), numeric, lines, rest, footers,
                        _notes(report, maker, request.buckets.labels), source, report)


def _sections(maker: LineMaker, rows: list[Any], footers: list[ReportLine],
              kind: ReportKind) -> tuple[list[ReportLine], list[ReportLine]]:
    """Each section: its heading, its accounts, its total; what remains goes under all."""
    order = ((AccountType.INCOME, AccountType.EXPENSE) if kind is ReportKind.PROFIT_AND_LOSS
             else (AccountType.ASSET, AccountType.LIABILITY, AccountType.EQUITY))
    by_label = {line.cells[min(1, len(line.cells) - 1)]: line for line in footers}
    lines: list[ReportLine] = []
    for section in order:
        heading, total = (_(words) for words in SECTIONS[section])
        lines.append(maker.heading(heading))
        lines += [maker.row(row) for row in rows if row.section is section]
        if total in by_label:
            lines.append(by_label.pop(total))
    return lines, [line for line in footers if line in by_label.values()]


def _notes(report: Any, maker: LineMaker, labels: Sequence[str]) -> list[str]:
    """What the parameters and the table do not already say, in the book's locale."""
    money = maker.text
    if isinstance(report, GeneralLedger):
        return [_("Opening balance {money}, closing balance {money2} (debit positive).").format(
            money=money(report.opening),
            money2=money(report.closing))]
    if isinstance(report, PaymentsRegister):
        return [_("{count:,} payments: money in {money}, money out {money2} (voided payments left "
                  "out).").format(
            count=report.count,
            money=money(report.money_in),
            money2=money(report.money_out))]
    if isinstance(report, BalanceSheet) and not report.balances:
        return [_("Assets do not equal liabilities plus equity: run Check on this book.")]
    if isinstance(report, BalanceSheet) and report.previous_date is None:
        return [_("No date a year before {short} to compare with: the calendar starts on "
                  "0001-01-01, so "
                  "the earlier column is zero.").format(short=maker.dates.short(report.as_of))]
    if isinstance(report, ProfitAndLoss) and report.previous_period is None:
        return [_("No period before {short} to compare with: the Previous column is zero.").format(
            short=maker.dates.short(report.period.start))]
    if isinstance(report, TaxReturn):
        return tax_return_notes(report, money)
    if isinstance(report, FxRevaluation):
        return [_("Unrealised gain {money} at the rates of {short} (a loss is negative); "
                  "record it with ledgerdesk report fx-revaluation --post.").format(
            money=money(report.gain), short=maker.dates.short(report.as_of))]
    if isinstance(report, Statement):
        aged = ", ".join(f"{label} {money(amount)}" for label, amount in
                         views.aged_by_label(report.aging, labels))
        return [_("Owed on {short} by age: {aged}.").format(
                    short=maker.dates.short(report.period.end),
                    aged=aged)]
    return []
