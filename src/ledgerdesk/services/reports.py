"""Report use cases: each takes its parameters and returns typed rows plus totals.

Every figure is summed by the book in SQL (``ReportQueries``); nothing loads the book into
Python.  Long reports (general ledger, statement lines, payments register) hand back their
rows as iterators that stream from the database; their totals come from separate SQL sums,
so a caller knows them before the first row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ledgerdesk.domain.currencies import currency_problem
from ledgerdesk.domain.date_limits import days_after
from ledgerdesk.domain.documents import Side
from ledgerdesk.domain.fiscal_year import FiscalYearStart
from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import AccountRole
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotFound, Problem, ValidationFailed
from ledgerdesk.reports.contact_reports import (
    AgingDocument,
    AgingReport,
    AgingRow,
    PaymentsRegister,
    Statement,
    aging_report,
    statement_lines,
)
from ledgerdesk.reports.ledger_reports import (
    AccountBalance,
    BalanceSheet,
    Earnings,
    GeneralLedger,
    ProfitAndLoss,
    balance_sheet,
    profit_and_loss,
    split_earnings,
)
from ledgerdesk.reports.list_exports import PaymentLine
from ledgerdesk.reports.periods import AgingBuckets, Period, previous_period, year_earlier
from ledgerdesk.reports.sales_tax import SalesTaxSummary
from ledgerdesk.reports.sales_tax import sales_tax_summary as tax_summary
from ledgerdesk.services.fiscal_year import fiscal_year_start
from ledgerdesk.services.report_ports import ReportBook, ReportQueries

STANDARD_BUCKETS = AgingBuckets()  # current, 1-30, 31-60, 61-90, over 90


def aging(
    book: ReportBook, side: Side, as_of: dt.date, buckets: AgingBuckets = STANDARD_BUCKETS,
    contact_id: int | None = None,
) -> AgingReport:
    """What each customer (SALES) or supplier (PURCHASES) owes or is owed on ``as_of``
    (only ``contact_id``'s row when given)."""
    queries = book.reports()
    rows = queries.aging(side, as_of, buckets, contact_id)
    return aging_report(side, as_of, buckets, rows, queries.currency())


def aging_documents(
    book: ReportBook, side: Side, as_of: dt.date, buckets: AgingBuckets = STANDARD_BUCKETS,
    contact_id: int | None = None,
) -> Iterator[AgingDocument]:
    """The documents behind the aging (a drill from a contact's row), streamed."""
    return book.reports().aging_documents(side, as_of, buckets, contact_id)


def profit_and_loss_report(
    book: ReportBook, period: Period, previous: Period | None = None
) -> ProfitAndLoss:
    """Income and expenses of ``period`` beside ``previous`` (default: the period before, or
    for a fiscal year to date the same dates a year before; none, shown as zero, for a
    period that starts on the calendar's first day)."""
    before = previous or previous_period(period, _year_and_retained(book)[0])
    queries = book.reports()
    return profit_and_loss(
        period, before, queries.account_balances(period.end, period.start),
        queries.account_balances(before.end, before.start) if before else (),
        queries.currency(),
    )


def balance_sheet_report(
    book: ReportBook, as_of: dt.date, previous: dt.date | None = None
) -> BalanceSheet:
    """Assets, liabilities and equity on ``as_of`` beside ``previous`` (default: a year
    before; none, shown as zero, in year 1).  Equity ends with retained earnings and the
    current fiscal year's earnings, derived on each date from the fiscal year holding it."""
    earlier = previous or year_earlier(as_of)
    queries = book.reports()
    currency = queries.currency()
    year, retained = _year_and_retained(book)
    now = queries.account_balances(as_of)
    before = queries.account_balances(earlier) if earlier else []
    split_now = _earnings(queries, now, as_of, year, retained, currency)
    split_before = (_earnings(queries, before, earlier, year, retained, currency) if earlier
                    else split_earnings((), (), retained, currency))
    return balance_sheet(as_of, earlier, now, before, currency, (split_now, split_before),
                         retained, year.year_of(as_of)[0])


def _year_and_retained(book: ReportBook) -> tuple[FiscalYearStart, frozenset[str]]:
    with book.read() as tx:
        return fiscal_year_start(tx), frozenset(
            a.code for a in tx.accounts().values() if a.role is AccountRole.RETAINED_EARNINGS)


def _earnings(queries: ReportQueries, balances: list[AccountBalance], day: dt.date,
              year: FiscalYearStart, retained: frozenset[str], currency: str) -> Earnings:
    """The split on ``day``: its balances, and those up to the day before its year began."""
    last = days_after(year.year_of(day)[0], -1)
    before_year = queries.account_balances(last) if last is not None else []
    return split_earnings(balances, before_year, retained, currency)


def general_ledger(book: ReportBook, code: str, period: Period) -> GeneralLedger:
    """Every posting to account ``code`` in the period with the running balance."""
    with book.read() as tx:
        account = tx.accounts().get(code)
    if account is None:
        raise NotFound(_("There is no account {code!r} in the chart.").format(code=code))
    queries = book.reports()
    currency = queries.currency()
    before, debits, credits = queries.ledger_sums(code, period)
    return GeneralLedger(
        code, account.name, period, Money.from_minor(before, currency),
        Money.from_minor(debits, currency), Money.from_minor(credits, currency),
        queries.ledger_lines(code, period, before), queries.has_foreign(code),
    )


def statement(book: ReportBook, side: Side, contact_id: int, period: Period,
              buckets: AgingBuckets = STANDARD_BUCKETS,
              currency: str | None = None) -> Statement:
    """A customer's (or supplier's) account: opening balance, the period's documents and
    payments with the running balance, closing balance, and its aging on the last day.
    In ``currency`` (default: the contact's own, else the book's): a foreign one shows the
    postings that hold it, in it, with the closing balance at home beside."""
    with book.read() as tx:
        contact = tx.get_contact(contact_id)
    if contact is None:
        raise NotFound(_("There is no contact with id {contact_id}.").format(
                           contact_id=contact_id))
    if currency is not None and (why := currency_problem(currency)):
        raise ValidationFailed([Problem("currency", "invalid", why)])
    queries = book.reports()
    home = queries.currency()
    shown = (currency or contact.currency or home).strip().upper()
    foreign = shown if shown != home else None
    before, charges, credits = (Money.from_minor(m, shown) for m in
                                queries.control_sums(side, contact_id, period, foreign))
    rows = queries.aging(side, period.end, buckets, contact_id)
    if foreign is None:  # every currency's rows added up at home, as the balance is
        aged = aging_report(side, period.end, buckets, rows, home)
        aging, at_home = AgingRow(contact_id, contact.name, aged.totals, aged.credits), None
    else:
        mine = [row for row in rows if row.currency == shown]
        zero = Money.zero(shown)
        aging = mine[0] if mine else AgingRow(contact_id, contact.name,
                                              (zero,) * len(buckets), zero)
        at_home = aging.at_home.total if mine else Money.zero(home)
    return Statement(
        contact_id, contact.name, side, period, before, charges, credits,
        statement_lines(before, queries.statement_items(side, contact_id, period, foreign)),
        aging, at_home,
    )


def payments_register(book: ReportBook, period: Period) -> PaymentsRegister:
    """Every payment in the period with its allocations and any credit it kept."""
    queries = book.reports()
    currency = queries.currency()
    count, money_in, money_out = queries.payment_sums(period)
    return PaymentsRegister(
        period, count, Money.from_minor(money_in, currency),
        Money.from_minor(money_out, currency), queries.payments_register(period),
    )


def payment_lines(book: ReportBook) -> Iterator[PaymentLine]:
    """Every payment as a plain row for a fast CSV export (``list_exports``), by date."""
    return book.reports().payment_lines()


def sales_tax_summary(book: ReportBook, period: Period) -> SalesTaxSummary:
    """Net and tax by rate, on sales and on purchases, of the documents issued in the period
    that are not void (a void document counts in no period, however late it was voided)."""
    queries = book.reports()
    return tax_summary(period, queries.tax_lines(period), queries.currency())
