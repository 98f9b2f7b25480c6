"""What the window shows of a credit past its due date: "Open" in the list, an "Unapplied
credits" column in the aging (never a day bucket), and no part of the dashboard's overdue
figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dashboard import dashboard_figures, overdue_line
from ledgerdesk.presentation.lists import DocumentList
from ledgerdesk.presentation.report_params import ReportForm, ReportKind
from ledgerdesk.presentation.report_results import run_report

ISSUED = dt.date(2023, 12, 1)  # due 2023-12-31: two months before the session's today


def test_a_credit_note_past_due_is_open_in_the_list(session, issue, customer):
    issue(customer, "100", issue_date=ISSUED)
    issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE, issue_date=ISSUED)
    invoices = DocumentList(session, [DocumentKind.SALES_INVOICE])
    credits = DocumentList(session, [DocumentKind.SALES_CREDIT_NOTE])
    (invoice,) = invoices.page(0, 10)
    (note,) = credits.page(0, 10)
    assert invoices.status_text(invoice) == "⚠ Overdue"
    assert credits.status_text(note) == "Open"


def test_the_window_aging_has_an_unapplied_credits_column(session, issue, customer):
    issue(customer, "100", issue_date=ISSUED)
    issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE, issue_date=ISSUED)
    form = ReportForm(session.locale, session.today, kind=ReportKind.RECEIVABLE_AGING)
    result = run_report(session, form.request())
    assert result.titles == ("Customer", "Current", "1-30", "31-60", "61-90", "Over 90",
                             "Unapplied credits", "Total")
    assert [line.cells for line in result.lines + result.footers] == [
        ("Acme Retail", "0,00", "0,00", "0,00", "100,00", "0,00", "-30,00", "70,00"),
        ("Total", "0,00", "0,00", "0,00", "100,00", "0,00", "-30,00", "70,00"),
    ]
    form.detail = True
    form.contact_id = customer
    detail = run_report(session, form.request())
    assert [line.cells[5:] for line in detail.lines] == [
        ("61", "61-90", "100,00"), ("", "credit", "-30,00")]


def test_the_dashboards_overdue_line_leaves_credits_out(session, issue, customer, supplier):
    issue(customer, "100", issue_date=ISSUED)
    issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE, issue_date=ISSUED)
    issue(supplier, "20", DocumentKind.PURCHASE_CREDIT_NOTE, issue_date=ISSUED)
    figures = dashboard_figures(session)
    money = AmountFormatter("en_US", "EUR")
    hundred = money.format(Decimal(100))
    assert overdue_line(figures.receivable, money) == f"{hundred} overdue on 1 invoice"
    assert overdue_line(figures.payable, money) == "Nothing overdue"
    assert figures.receivable.total.amount == 70 and figures.payable.total.amount == -20
