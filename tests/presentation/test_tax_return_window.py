"""The tax return as the window's Reports page shows it (rows by code, the net due, what is due
in words), its drill to a code's documents, and the form that settles it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.presentation.report_params import ReportForm, ReportKind
from ledgerdesk.presentation.report_results import Drill, Style, Target, run_report
from ledgerdesk.presentation.tax_settlement import SettleTaxForm
from ledgerdesk.reports.periods import Period
from ledgerdesk.services.tax_codes import list_tax_codes
from ledgerdesk.services.tax_return import tax_return

Q1 = Period(dt.date(2024, 1, 1), dt.date(2024, 3, 31))


def line(price: str, code: str, account: str = "4000") -> dict:
    return {"description": "item", "unit_price": Decimal(price), "account_code": account,
            "tax_code": code}


@pytest.fixture
def quarter(book, add_contact, issue) -> dict[str, int]:
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    paper = add_contact("Paper", ContactRole.SUPPLIER)
    invoice, _ = issue(acme, lines=[line("200", "Standard 20%"), line("60", "Reduced 5%")],
                       issue_date=dt.date(2024, 2, 10))
    issue(paper, kind=DocumentKind.BILL, lines=[line("60", "Standard 20%", "6000")],
          issue_date=dt.date(2024, 3, 3))
    return {"invoice": invoice}


def tax_request(session, **changes):
    form = ReportForm(session.locale, session.today, kind=ReportKind.TAX_RETURN)
    form.show_period(Q1)
    for name, value in changes.items():
        setattr(form, name, value)
    made = form.request()
    assert made is not None, form.problems
    return made


def test_the_window_shows_one_row_per_code_and_the_net_due(session, book, quarter):
    result = run_report(session, tax_request(session))
    assert result.titles == ("Code", "Rate %", "Side", "Net", "Tax")
    assert [line.cells for line in result.lines] == [
        ("Reduced 5%", "5", "sales", "60,00", "3,00"),
        ("Standard 20%", "20", "sales", "200,00", "40,00"),
        ("Standard 20%", "20", "purchases", "60,00", "12,00"),
    ]
    assert [(line.style, line.cells) for line in result.footers] == [
        (Style.TOTAL, ("net due", "", "", "", "31,00"))]
    assert result.notes == ["Output tax 43,00, input tax 12,00: 31,00 to pay."]
    codes = {(c.side, c.name): c.id for c in list_tax_codes(book)}
    assert result.lines[0].drill == Drill(Target.TAX_CODE, codes[Side.SALES, "Reduced 5%"])


def test_a_codes_row_drills_to_its_documents_and_they_to_the_document(session, book,
                                                                      quarter):
    codes = {(c.side, c.name): c.id for c in list_tax_codes(book)}
    drilled = run_report(session, tax_request(
        session, tax_code_id=codes[Side.SALES, "Standard 20%"]))
    assert drilled.titles == ("Number", "Issued", "Contact", "Kind", "Net", "Tax")
    assert [line.cells for line in drilled.lines] == [
        ("INV-00001", "10.02.2024", "Acme", "invoice", "200,00", "40,00")]
    assert drilled.lines[0].drill == Drill(Target.DOCUMENT, quarter["invoice"])
    # The documents add up to the code's row of the return, shown under them.
    assert [(line.style, line.cells) for line in drilled.footers] == [
        (Style.TOTAL, ("Total", "", "", "", "200,00", "40,00"))]


def test_the_settle_form_asks_then_pays_exactly_the_net_due(session, book, quarter):
    form = SettleTaxForm(session, tax_return(book, Q1))
    assert form.can_settle and form.date_text == "31.03.2024"  # the period's end, at least
    assert form.banks == [("1000", "1000 Bank"), ("1010", "1010 Savings")]
    form.date_text, form.bank = "20.04.2024", "1010"
    assert form.question() == (
        "Pay 31,00 of tax for 01.01.2024 to 31.03.2024 from 1010 Savings on 20.04.2024? It is "
        "posted to the ledger, and the period cannot be settled again.")
    assert form.settle() == ("Paid 31,00 of tax for 2024-01-01 to 2024-03-31 from 1010 Savings "
                             "on 2024-04-20 (TAX-00001).")
    again = SettleTaxForm(session, tax_return(book, Q1))
    assert not again.can_settle
    assert again.why_not == ("Settled by TAX-00001 (2024-01-01 to 2024-03-31, paid 31.00 EUR "
                             "on 2024-04-20).")


def test_the_settle_form_keeps_what_was_typed_and_says_what_is_wrong(session, book, quarter):
    form = SettleTaxForm(session, tax_return(book, Q1))
    form.date_text = "31.02.2024"
    assert form.settle() is None and set(form.problems) == {"date"}
    form.date_text = "30.03.2024"
    assert form.settle() is None
    assert form.problems == {"date": "The payment date 2024-03-30 is before the period ends "
                                     "(2024-03-31): a return is settled once its period is over."}
    assert form.date_text == "30.03.2024"


def test_nothing_due_cannot_be_settled(session, book):
    form = SettleTaxForm(session, tax_return(book, Q1))
    assert not form.can_settle
    assert form.why_not == "Nothing is due for this period."
