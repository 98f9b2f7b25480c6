"""The profit and loss and the balance sheet end with their totals, in the report rows the
terminal, the window and the CSV all read: the P&L with "Net profit" (income less expenses,
for the comparison period too), the balance sheet with "Total assets", "Total
liabilities", "Total equity" and last "Total liabilities and equity", equal to the assets.

Acme is invoiced 100 + 20 % tax on 2024-01-10 and pays 50 on 2024-01-20; Paper bills 40 on
2024-01-12.  In December 2023 Acme was invoiced 30.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.csv_format import write_csv
from ledgerdesk.reports.periods import Period
from ledgerdesk.reports.report_views import (
    balance_sheet_view,
    csv_source,
    profit_and_loss_view,
)
from ledgerdesk.services import reports

D = dt.date
JANUARY = Period(D(2024, 1, 1), D(2024, 1, 31))
DECEMBER = Period(D(2023, 12, 1), D(2023, 12, 31))


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


@pytest.fixture
def trading(book, customer, supplier, issue, pay) -> None:
    invoice, _ = issue(customer, "100", tax_rate="20", issue_date=D(2024, 1, 10))
    pay(customer, "50", (invoice, "50"), date=D(2024, 1, 20))
    issue(supplier, "40", DocumentKind.BILL, issue_date=D(2024, 1, 12))
    issue(customer, "30", issue_date=D(2023, 12, 5))


def csv_rows(view) -> list[list[str]]:
    out = io.StringIO()
    write_csv(*csv_source(view), out)
    return [line.split(",") for line in out.getvalue().splitlines()]


def test_profit_and_loss_ends_with_net_profit_for_both_periods(book, trading) -> None:
    report = reports.profit_and_loss_report(book, JANUARY, DECEMBER)
    assert report.net_profit == (eur("60"), eur("30"))
    view = profit_and_loss_view(report)
    assert [footer[2:] for footer in view.footers] == [
        ["Total income", eur("100"), eur("30")], ["Total expenses", eur("40"), eur("0")],
        ["Net profit", eur("60"), eur("30")]]
    rows = csv_rows(view)
    assert rows[0] == ["section", "code", "account", "amount", "previous"]
    assert rows[-3:] == [["", "", "Total income", "100.00", "30.00"],
                         ["", "", "Total expenses", "40.00", "0.00"],
                         ["", "", "Net profit", "60.00", "30.00"]]


def test_balance_sheet_ends_with_total_liabilities_and_equity_equal_to_assets(
        book, trading) -> None:
    report = reports.balance_sheet_report(book, D(2024, 1, 31), D(2023, 12, 31))
    assert report.liabilities_and_equity == report.assets == (eur("150"), eur("30"))
    view = balance_sheet_view(report)
    assert [footer[2:] for footer in view.footers] == [
        ["Total assets", eur("150"), eur("30")],  # bank 50, receivable 100 (30 before)
        ["Total liabilities", eur("60"), eur("0")],  # payable 40, tax 20
        ["Total equity", eur("90"), eur("30")],
        ["Total liabilities and equity", eur("150"), eur("30")]]
    assert csv_rows(view)[-4:] == [["", "", "Total assets", "150.00", "30.00"],
                                   ["", "", "Total liabilities", "60.00", "0.00"],
                                   ["", "", "Total equity", "90.00", "30.00"],
                                   ["", "", "Total liabilities and equity", "150.00", "30.00"]]
