"""The window's report periods follow the book's fiscal year: the default preset is the
fiscal year to date, "Last fiscal year" is the whole year before, and an account opened
from the balance sheet shows its ledger for the fiscal year to that date."""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.fiscal_year import FiscalYearStart
from ledgerdesk.presentation.report_params import Preset, ReportForm, ReportKind, preset_period
from ledgerdesk.presentation.report_results import ledger_period
from ledgerdesk.reports.periods import Period

D = dt.date
APRIL = FiscalYearStart(4, 1)


def test_the_fiscal_presets_follow_the_year_start():
    assert preset_period(Preset.FISCAL_YEAR_TO_DATE, D(2024, 3, 15), APRIL) == Period(
        D(2023, 4, 1), D(2024, 3, 15))
    assert preset_period(Preset.LAST_FISCAL_YEAR, D(2024, 3, 15), APRIL) == Period(
        D(2022, 4, 1), D(2023, 3, 31))
    assert preset_period(Preset.FISCAL_YEAR_TO_DATE, D(2024, 4, 1), APRIL) == Period(
        D(2024, 4, 1), D(2024, 4, 1))
    assert preset_period(Preset.LAST_FISCAL_YEAR, D(2024, 4, 1), APRIL) == Period(
        D(2023, 4, 1), D(2024, 3, 31))


def test_a_report_starts_on_the_fiscal_year_to_date_and_asks_nothing_more():
    form = ReportForm("en_US", D(2024, 6, 20), kind=ReportKind.PROFIT_AND_LOSS,
                      year_start=APRIL)
    assert form.preset is Preset.FISCAL_YEAR_TO_DATE
    assert (form.start_text, form.end_text) == ("4/1/2024", "6/20/2024")
    request = form.request()
    assert request is not None and request.period == Period(D(2024, 4, 1), D(2024, 6, 20))


def test_the_ledger_from_a_balance_sheet_line_runs_over_its_fiscal_year():
    form = ReportForm("en_US", D(2024, 6, 20), kind=ReportKind.BALANCE_SHEET,
                      year_start=APRIL, as_of_text="3/31/2024")
    request = form.request()
    assert request is not None
    assert ledger_period(request, D(2024, 6, 20), APRIL) == Period(D(2023, 4, 1),
                                                                   D(2024, 3, 31))
