"""Year end without closing entries: the balance sheet splits equity's earnings into
retained earnings (every earlier fiscal year, plus what was posted to the retained earnings
account) and the current fiscal year's, on any date, for a year starting on 1 April.

The book, worked by hand (no tax):
  2023-05-10 invoice 1000 (4000 Sales)          fiscal year 2023-04-01 .. 2024-03-31
  2023-11-20 bill     300 (6000 Rent)
  2024-01-01 manual: Dr 3000 Owner's Equity 50, Cr 3100 Retained Earnings 50
  2024-03-31 invoice  200 (4000 Sales)          its last day
  2024-04-01 invoice  500 (4000 Sales)          fiscal year 2024-04-01 .. 2025-03-31
  2024-06-15 bill     100 (6000 Rent)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import AccountType, JournalEntry, JournalLine, SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.ledger_reports import CURRENT_YEAR_EARNINGS, RETAINED_EARNINGS
from ledgerdesk.reports.periods import Period
from ledgerdesk.services import reports
from ledgerdesk.services.fiscal_year import FISCAL_YEAR_START
from ledgerdesk.services.settings import read_settings, update_settings

D = dt.date


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def set_year_start(book, text: str) -> None:
    update_settings(book, replace(read_settings(book), fiscal_year_start=text), {"en_US"})


@pytest.fixture
def year_book(book, add_contact, issue):
    shop = add_contact("Shop", ContactRole.BOTH)
    issue(shop, "1000", issue_date=D(2023, 5, 10))
    issue(shop, "300", DocumentKind.BILL, issue_date=D(2023, 11, 20))
    with book.write() as tx:
        tx.post(JournalEntry(D(2024, 1, 1), "Prior year adjustment", SourceType.MANUAL, None, (
            JournalLine("3000", eur("50")), JournalLine("3100", eur("-50")))))
    issue(shop, "200", issue_date=D(2024, 3, 31))
    issue(shop, "500", issue_date=D(2024, 4, 1))
    issue(shop, "100", DocumentKind.BILL, issue_date=D(2024, 6, 15))
    set_year_start(book, "04-01")
    return book


def earnings(report) -> dict[str, tuple[Money, Money]]:
    return {r.name: (r.amount, r.previous) for r in report.rows
            if r.name in (RETAINED_EARNINGS, CURRENT_YEAR_EARNINGS)}


@pytest.mark.parametrize(("as_of", "retained", "current"), [
    (D(2023, 3, 31), "0", "0"),
    (D(2023, 5, 10), "0", "1000"),
    (D(2023, 12, 31), "0", "700"),
    (D(2024, 1, 1), "50", "700"),  # posted straight to retained earnings
    (D(2024, 3, 31), "50", "900"),  # the last day of the year
    (D(2024, 4, 1), "950", "500"),  # the first day of the next: last year's 900 retained
    (D(2024, 6, 30), "950", "400"),
    (D(2025, 4, 1), "1350", "0"),
])
def test_retained_and_current_earnings_around_a_1_april_year_end(year_book, as_of, retained,
                                                                 current):
    report = reports.balance_sheet_report(year_book, as_of)
    assert earnings(report)[RETAINED_EARNINGS][0] == eur(retained)
    assert earnings(report)[CURRENT_YEAR_EARNINGS][0] == eur(current)
    assert report.balances


def test_the_comparison_column_splits_its_own_date_by_its_own_year(year_book):
    report = reports.balance_sheet_report(year_book, D(2024, 6, 30), D(2024, 3, 31))
    assert earnings(report) == {RETAINED_EARNINGS: (eur("950"), eur("50")),
                                CURRENT_YEAR_EARNINGS: (eur("400"), eur("900"))}
    assert report.balances and report.previous_balances


def test_the_retained_earnings_account_is_not_shown_twice(year_book):
    report = reports.balance_sheet_report(year_book, D(2024, 6, 30))
    assert "3100" not in {r.code for r in report.rows}
    equity = {r.name: r.amount for r in report.rows if r.section is AccountType.EQUITY}
    assert equity == {"Owner's Equity": eur("-50"), RETAINED_EARNINGS: eur("950"),
                      CURRENT_YEAR_EARNINGS: eur("400")}
    assert report.equity[0] == eur("1300")
    assert report.liabilities_and_equity[0] == report.assets[0]


def test_a_1_january_year_splits_at_the_new_year(year_book):
    set_year_start(year_book, "01-01")
    report = reports.balance_sheet_report(year_book, D(2024, 6, 30))
    assert earnings(report)[RETAINED_EARNINGS][0] == eur("750")  # 1000 - 300, and 50
    assert earnings(report)[CURRENT_YEAR_EARNINGS][0] == eur("600")  # 200 + 500 - 100


def hand_split(book, as_of: dt.date, year_start: dt.date) -> tuple[Decimal, Decimal]:
    """From two trial balances: profit before the year began (plus the retained earnings
    account's credit balance), and profit since."""
    def profit(day: dt.date) -> Decimal:
        return -sum((r.balance.amount for r in book.queries().trial_balance(day)
                     if r.type in (AccountType.INCOME, AccountType.EXPENSE)), Decimal(0))

    before = year_start - dt.timedelta(days=1)
    posted = -sum((r.balance.amount for r in book.queries().trial_balance(as_of)
                   if r.code == "3100"), Decimal(0))
    return profit(before) + posted, profit(as_of) - profit(before)


def test_every_day_around_the_boundary_agrees_with_two_trial_balances(year_book):
    day = D(2024, 3, 25)
    while day <= D(2024, 4, 8):
        year_start = D(2023, 4, 1) if day < D(2024, 4, 1) else D(2024, 4, 1)
        split = earnings(reports.balance_sheet_report(year_book, day))
        assert (split[RETAINED_EARNINGS][0].amount,
                split[CURRENT_YEAR_EARNINGS][0].amount) == hand_split(year_book, day,
                                                                      year_start)
        day += dt.timedelta(days=1)


def test_the_profit_and_loss_of_a_fiscal_year_to_date_compares_with_the_same_dates(year_book):
    report = reports.profit_and_loss_report(year_book, Period(D(2024, 4, 1), D(2024, 6, 20)))
    assert report.previous_period == Period(D(2023, 4, 1), D(2023, 6, 20))
    assert report.net_profit == (eur("400"), eur("1000"))


def test_an_empty_book_shows_both_lines_at_zero(book):
    with book.write() as tx:
        tx.set_setting(FISCAL_YEAR_START, "07-01")
    report = reports.balance_sheet_report(book, D(2024, 1, 1))
    assert earnings(report) == {RETAINED_EARNINGS: (eur("0"), eur("0")),
                                CURRENT_YEAR_EARNINGS: (eur("0"), eur("0"))}
