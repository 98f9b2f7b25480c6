"""A report run as the window shows it: locale lines, sections and totals, where Enter leads,
and the long reports' rows streaming after the first ones."""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.presentation import report_results
from ledgerdesk.presentation.report_params import ReportForm, ReportKind, ReportRequest
from ledgerdesk.presentation.report_results import (
    Drill,
    Style,
    Target,
    ledger_period,
    run_report,
)
from ledgerdesk.reports.periods import Period

JANUARY = Period(dt.date(2024, 1, 1), dt.date(2024, 1, 31))


def request(session, kind: ReportKind, **changes) -> ReportRequest:
    form = ReportForm(session.locale, session.today, kind=kind)
    form.show_period(JANUARY)
    for name, value in changes.items():
        setattr(form, name, value)
    made = form.request()
    assert made is not None, form.problems
    return made


def test_profit_and_loss_has_sections_totals_and_drills_to_the_ledger(session, issue,
                                                                      customer, supplier):
    issue(customer, "100")
    issue(supplier, "40", DocumentKind.BILL)
    result = run_report(session, request(session, ReportKind.PROFIT_AND_LOSS))
    assert result.titles == ("Code", "Account", "This period", "Previous")
    shown = [(line.style, line.cells) for line in result.lines + result.footers]
    assert shown == [
        (Style.SECTION, ("", "Income", "", "")),
        (Style.ROW, ("4000", "Sales", "100,00", "0,00")),
        (Style.TOTAL, ("", "Total income", "100,00", "0,00")),
        (Style.SECTION, ("", "Expenses", "", "")),
        (Style.ROW, ("6000", "Rent", "40,00", "0,00")),
        (Style.TOTAL, ("", "Total expenses", "40,00", "0,00")),
        (Style.TOTAL, ("", "Net profit", "60,00", "0,00")),
    ]
    assert result.lines[1].drill == Drill(Target.ACCOUNT, "4000")
    assert ledger_period(result.request, session.today) == JANUARY


def test_a_balance_sheet_ends_with_total_liabilities_and_equity(session, issue, customer,
                                                               supplier):
    issue(customer, "100", tax_rate="20")
    issue(supplier, "40", DocumentKind.BILL)
    result = run_report(session, request(session, ReportKind.BALANCE_SHEET,
                                         as_of_text="31.01.2024"))
    shown = [(line.style, line.cells[1:]) for line in result.lines + result.footers]
    assert shown == [
        (Style.SECTION, ("Assets", "", "")),
        (Style.ROW, ("Accounts Receivable", "120,00", "0,00")),
        (Style.TOTAL, ("Total assets", "120,00", "0,00")),
        (Style.SECTION, ("Liabilities", "", "")),
        (Style.ROW, ("Accounts Payable", "40,00", "0,00")),
        (Style.ROW, ("Sales Tax", "20,00", "0,00")),
        (Style.TOTAL, ("Total liabilities", "60,00", "0,00")),
        (Style.SECTION, ("Equity", "", "")),
        (Style.ROW, ("Retained earnings", "0,00", "0,00")),
        (Style.ROW, ("Current year earnings", "60,00", "0,00")),
        (Style.TOTAL, ("Total equity", "60,00", "0,00")),
        (Style.TOTAL, ("Total liabilities and equity", "120,00", "0,00")),
    ]


def test_a_balance_sheets_account_opens_the_ledger_for_the_year_to_its_date(session):
    on = request(session, ReportKind.BALANCE_SHEET, as_of_text="31.03.2024")
    assert ledger_period(on, session.today) == Period(dt.date(2024, 1, 1),
                                                      dt.date(2024, 3, 31))


def test_aging_rows_lead_to_the_contacts_documents_and_those_to_each_document(
        session, issue, customer):
    first, _ = issue(customer, "100", issue_date=dt.date(2024, 1, 1))
    second, _ = issue(customer, "50", issue_date=dt.date(2024, 2, 20))
    by_contact = run_report(session, request(session, ReportKind.RECEIVABLE_AGING))
    assert [line.cells[0] for line in by_contact.lines] == ["Acme Retail"]
    assert by_contact.lines[0].drill == Drill(Target.CONTACT, customer)
    assert by_contact.footers[0].cells[-1] == "150,00"
    documents = run_report(session, request(session, ReportKind.RECEIVABLE_AGING,
                                            contact_id=customer, detail=True))
    assert [line.drill for line in documents.lines] == [Drill(Target.DOCUMENT, first),
                                                        Drill(Target.DOCUMENT, second)]


def test_statement_lines_open_their_document_or_payment(session, issue, pay, customer):
    invoice, _ = issue(customer, "100")
    payment = pay(customer, "60", (invoice, "60"), date=dt.date(2024, 1, 20))
    result = run_report(session, request(session, ReportKind.CUSTOMER_STATEMENT,
                                         contact_id=customer))
    drills = [line.drill for line in result.lines]
    assert drills == [None, Drill(Target.DOCUMENT, invoice),
                      Drill(Target.PAYMENT, payment.payment_id)]
    assert result.footers[0].cells[-1] == "40,00"
    assert result.notes == ["Owed on 31.01.2024 by age: current 40,00, 1-30 0,00, "
                            "31-60 0,00, 61-90 0,00, over 90 0,00."]


def test_a_long_ledger_shows_its_first_rows_and_streams_the_rest(session, issue, customer,
                                                                 monkeypatch):
    monkeypatch.setattr(report_results, "HEAD", 2)
    for day in range(1, 6):
        issue(customer, "10", issue_date=dt.date(2024, 1, day))
    result = run_report(session, request(session, ReportKind.GENERAL_LEDGER, account="4000"))
    assert len(result.lines) == 2 and result.rest is not None
    rest = list(result.rest)
    assert len(rest) == 3
    balances = [line.cells[-1] for line in result.lines + rest]
    assert balances == ["-10,00", "-20,00", "-30,00", "-40,00", "-50,00"]
    assert result.footers[0].cells[-1] == "-50,00"  # the closing balance, known up front
    result.close()
    assert result.rest is None


def test_sales_tax_has_a_row_per_rate_in_the_locale_and_leaves_a_void_invoice_out(
        session, issue, customer):
    from decimal import Decimal

    from ledgerdesk.services.documents import void_document

    lines = [{"description": "a", "unit_price": Decimal("100"), "account_code": "4000",
              "tax_rate": Decimal("20")},
             {"description": "b", "unit_price": Decimal("50"), "account_code": "4000",
              "tax_rate": Decimal("7.5")}]
    issue(customer, lines=lines, issue_date=dt.date(2024, 1, 10))
    voided, _ = issue(customer, "200", tax_rate="20", issue_date=dt.date(2024, 1, 12))
    void_document(session.book, voided, dt.date(2024, 2, 5))  # after January: still out
    result = run_report(session, request(session, ReportKind.SALES_TAX))
    assert result.titles == ("Side", "Rate %", "Documents", "Net", "Tax")
    assert [line.cells for line in result.lines] == [
        ("sales", "7,5", "1", "50,00", "3,75"), ("sales", "20", "1", "100,00", "20,00")]
    assert [line.cells for line in result.footers] == [
        ("Total sales", "", "", "150,00", "23,75"), ("Total purchases", "", "", "0,00", "0,00"),
        ("Tax due", "", "", "", "23,75")]


def test_a_statement_on_screen_shows_a_credit_note_as_a_credit(session, issue, customer):
    issue(customer, "100", issue_date=dt.date(2024, 1, 10))
    issue(customer, "30", DocumentKind.SALES_CREDIT_NOTE, issue_date=dt.date(2024, 1, 20))
    result = run_report(session, request(session, ReportKind.CUSTOMER_STATEMENT,
                                         contact_id=customer))
    assert result.titles == ("Date", "Document", "Description", "Charges", "Credits",
                             "Balance")
    assert [line.cells[1:] for line in result.lines] == [
        ("", "Opening balance", "", "", "0,00"),
        ("INV-00001", "Invoice INV-00001", "100,00", "", "100,00"),
        ("CN-00001", "Credit note CN-00001", "", "30,00", "70,00")]
    assert result.footers[0].cells[1:] == ("", "Closing balance", "100,00", "30,00", "70,00")
