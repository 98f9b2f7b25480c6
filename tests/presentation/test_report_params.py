"""Report parameters without Qt: presets, dates typed in the locale, refusals that keep the
typed text, and the request each report gets."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.presentation.report_params import (
    Compare,
    Field,
    Preset,
    ReportForm,
    ReportKind,
    preset_period,
)
from ledgerdesk.reports.periods import AgingBuckets, Period

TODAY = dt.date(2024, 5, 15)


def form(locale: str = "de_DE", kind: ReportKind = ReportKind.PROFIT_AND_LOSS) -> ReportForm:
    return ReportForm(locale, TODAY, kind=kind)


def test_presets_are_the_calendar_periods_a_bookkeeper_means():
    assert preset_period(Preset.THIS_MONTH, TODAY) == Period(dt.date(2024, 5, 1),
                                                             dt.date(2024, 5, 31))
    assert preset_period(Preset.LAST_MONTH, dt.date(2024, 1, 10)) == Period(
        dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    assert preset_period(Preset.THIS_QUARTER, TODAY) == Period(dt.date(2024, 4, 1),
                                                               dt.date(2024, 6, 30))
    assert preset_period(Preset.YEAR_TO_DATE, TODAY) == Period(dt.date(2024, 1, 1), TODAY)
    assert preset_period(Preset.LAST_YEAR, TODAY) == Period(dt.date(2023, 1, 1),
                                                            dt.date(2023, 12, 31))


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from([p for p in Preset if p is not Preset.CUSTOM]))
def test_every_preset_is_a_whole_period_near_today(today, preset):
    period = preset_period(preset, today)
    if preset in (Preset.LAST_MONTH, Preset.LAST_YEAR, Preset.LAST_FISCAL_YEAR):
        assert period.end < today
    else:
        assert period.start <= today <= period.end
    assert period.start.day == 1


def test_a_preset_writes_its_dates_in_the_locale_and_the_request_reads_them():
    chosen = form()
    chosen.choose_preset(Preset.THIS_QUARTER)
    assert (chosen.start_text, chosen.end_text) == ("01.04.2024", "30.06.2024")
    request = chosen.request()
    assert request is not None
    assert request.period == Period(dt.date(2024, 4, 1), dt.date(2024, 6, 30))
    assert request.previous is None  # the services' default: the period before


def test_same_period_last_year_is_passed_as_the_previous_period():
    chosen = form("en_US")
    chosen.start_text, chosen.end_text = "2/1/2024", "2/29/2024"
    chosen.compare = Compare.LAST_YEAR
    request = chosen.request()
    assert request is not None and request.period == Period(dt.date(2024, 2, 1),
                                                             dt.date(2024, 2, 29))
    assert request.previous == Period(dt.date(2023, 2, 1), dt.date(2023, 2, 28))


def test_a_date_that_does_not_exist_is_refused_with_the_text_kept():
    chosen = form()
    chosen.start_text = "31.02.2024"
    assert chosen.request() is None
    assert "From" in chosen.problems[Field.PERIOD] and "31.02.2024" in \
        chosen.problems[Field.PERIOD]
    assert chosen.start_text == "31.02.2024"


def test_a_period_that_ends_before_it_starts_is_refused():
    chosen = form()
    chosen.start_text, chosen.end_text = "01.05.2024", "01.04.2024"
    assert chosen.request() is None
    assert "ends (01.04.2024) before it starts (01.05.2024)" in chosen.problems[Field.PERIOD]


def test_bucket_limits_are_edited_as_text_and_checked():
    chosen = form(kind=ReportKind.RECEIVABLE_AGING)
    chosen.buckets_text = "7, 14,30"
    request = chosen.request()
    assert request is not None and request.buckets == AgingBuckets((7, 14, 30))
    assert request.as_of == TODAY
    chosen.buckets_text = "30,20"
    assert chosen.request() is None
    assert chosen.problems[Field.BUCKETS].startswith("Buckets: bucket limits must be")


def test_a_statement_needs_its_contact_and_a_ledger_its_account():
    statement = form(kind=ReportKind.SUPPLIER_STATEMENT)
    assert statement.request() is None
    assert statement.problems == {Field.CONTACT: "Choose the supplier whose statement to show."}
    statement.contact_id = 7
    request = statement.request()
    assert request is not None and request.contact_id == 7
    ledger = form(kind=ReportKind.GENERAL_LEDGER)
    assert ledger.request() is None and Field.ACCOUNT in ledger.problems


def test_a_report_reads_only_its_own_fields():
    chosen = form(kind=ReportKind.TRIAL_BALANCE)
    chosen.start_text = "nonsense"  # the trial balance takes no period
    chosen.as_of_text = "31.03.2024"
    request = chosen.request()
    assert request is not None and request.as_of == dt.date(2024, 3, 31)
    assert request.period is None
