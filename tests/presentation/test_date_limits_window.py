"""The window's date fields at the calendar's limits: the report parameter bar, the lists'
filter bar and File > Print's statement give a result or one sentence, never a traceback,
and follow the same rules as the command line (the same services decide)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.list_filters import ListFilters
from ledgerdesk.presentation.lists import ContactList, DocumentList
from ledgerdesk.presentation.printing import print_job
from ledgerdesk.presentation.report_params import Compare, Field, Preset, ReportForm, ReportKind
from ledgerdesk.presentation.report_results import run_report

TEXTS = ["1/1/0001", "12/31/9999", "0001-01-01", "9999-12-31", "10000-01-01", "0000-01-01",
         "-0001-01-01", "2/30/2024", "", "yesterday"]


def report_form(session, kind: ReportKind, start: str, end: str) -> ReportForm:
    form = ReportForm(session.locale, session.today, kind=kind, preset=Preset.CUSTOM)
    form.start_text, form.end_text, form.as_of_text = start, end, end
    return form


@pytest.mark.parametrize("kind", list(ReportKind))
@pytest.mark.parametrize("text", TEXTS)
def test_every_report_at_the_limits_runs_or_names_the_field(session_for, customer, issue,
                                                            kind, text):
    session = session_for("en_US")
    issue(customer, "100")
    form = report_form(session, kind, "1/1/0001", text)
    form.contact_id, form.account = customer, "1100"
    request = form.request()
    if request is None:
        assert form.problems and all("\n" not in why for why in form.problems.values())
        return
    result = run_report(session, request)
    assert result.titles


def test_profit_and_loss_of_all_time_in_the_window(session_for, customer, issue):
    session = session_for("en_US")
    issue(customer, "100")
    request = report_form(session, ReportKind.PROFIT_AND_LOSS, "1/1/0001",
                          "12/31/9999").request()
    assert request is not None
    result = run_report(session, request)
    assert [line.cells for line in result.lines if line.cells[0] == "4000"] == [
        ("4000", "Sales", "100.00", "0.00")]
    assert result.notes == ["No period before 1/1/0001 to compare with: the Previous column "
                            "is zero."]
    sheet = report_form(session, ReportKind.BALANCE_SHEET, "", "6/30/0001").request()
    assert sheet is not None
    assert run_report(session, sheet).notes == [
        "No date a year before 6/30/0001 to compare with: the calendar starts on 0001-01-01, "
        "so the earlier column is zero."]


def test_the_same_period_last_year_in_year_one_is_refused_in_one_sentence(session_for):
    form = report_form(session_for("en_US"), ReportKind.PROFIT_AND_LOSS, "1/1/0001",
                       "6/30/0001")
    form.compare = Compare.LAST_YEAR
    assert form.request() is None
    assert form.problems[Field.PERIOD] == ("There is no year before year 1 to compare with; "
                                           "choose the period before.")


def test_a_date_off_the_calendar_names_the_field_and_the_range(session_for):
    form = report_form(session_for("en_US"), ReportKind.BALANCE_SHEET, "", "10000-01-01")
    assert form.request() is None
    assert form.problems[Field.AS_OF] == (
        "As of: “10000-01-01” is not a date in English (United States): a year has four "
        "digits; dates run from 1/1/0001 to 12/31/9999")


def test_the_filter_bar_takes_the_whole_calendar_and_refuses_beyond(session_for, customer,
                                                                     issue):
    session = session_for("en_US")
    issue(customer, "100", issue_date=dt.date(1, 1, 1))
    filters = ListFilters(DocumentList(session, (DocumentKind.SALES_INVOICE,)),
                          ("invoice", "invoices"), date_label="Issued")
    assert filters.set_dates("1/1/0001", "12/31/9999") == ""
    assert filters.presenter.count() == 1
    before = dataclasses.replace(filters.presenter.query)
    why = filters.set_dates("0000-12-31", "")
    assert "there is no year 0; dates run from 1/1/0001 to 12/31/9999" in why
    assert filters.presenter.query == before


def test_a_statement_printed_in_year_one_starts_on_the_first_day(book, session_for, customer):
    session = dataclasses.replace(session_for("en_US"), clock=lambda: dt.date(1, 1, 5))
    selected = next(row for row in ContactList(session).page(0, 10) if row.id == customer)
    job = print_job(session, selected)
    assert job is not None
    assert ("Period", "Jan 1, 0001 – Jan 5, 0001") in job.model.facts


def test_the_editors_due_date_from_terms_stops_on_the_last_day():
    from ledgerdesk.presentation.due_date import DueDate

    assert DueDate(dt.date(9999, 12, 20), 30).date == dt.date(9999, 12, 31)
    assert DueDate(dt.date(1, 1, 1), 30).date == dt.date(1, 1, 31)
