"""Credit notes and kept credits are never overdue: an accountant's aging.

A credit is money the business owes back (or a supplier owes it), not a debt that falls
due.  So past its due date a credit note or a kept credit is still "open" in the lists, is
left out of every overdue figure, and the aging shows it on its own ("Unapplied credits")
instead of as a negative amount in a day bucket, while the aging's total still equals the
control account (what is outstanding net of credits).

Acme (customer): invoice 100 issued 01-15 (due 02-14), credit note 30 issued 01-15 (due
02-14), a receipt of 50 on 01-20 that pays nothing and keeps 50 as credit.  Paper
(supplier): bill 80 issued 01-15, supplier credit note 20 issued 01-15.  On 04-30 the
invoice and bill are 76 days overdue; the credits are not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.money import Money
from ledgerdesk.services import queries, reports
from ledgerdesk.services.dashboard import AttentionKind, aging_summary, attention
from ledgerdesk.services.list_queries import DocumentQuery, StatusFilter

D = dt.date
LATE = D(2024, 4, 30)  # 76 days after every due date


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


@pytest.fixture
def credits(book, add_contact, issue, pay) -> dict[str, int]:
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    paper = add_contact("Paper", ContactRole.SUPPLIER)
    invoice, _ = issue(acme, "100")
    note, _ = issue(acme, "30", DocumentKind.SALES_CREDIT_NOTE)
    kept = pay(acme, "50", keep=True, date=D(2024, 1, 20))
    bill, _ = issue(paper, "80", DocumentKind.BILL)
    supplier_note, _ = issue(paper, "20", DocumentKind.PURCHASE_CREDIT_NOTE)
    return {"acme": acme, "paper": paper, "invoice": invoice, "note": note,
            "kept": kept.credit_id, "bill": bill, "supplier_note": supplier_note}


def control(book, code: str, as_of: dt.date) -> Money:
    rows = {r.code: r.balance for r in book.queries().trial_balance(as_of)}
    return rows.get(code, Money.zero("EUR"))


def statuses(book, today: dt.date) -> dict[int, str]:
    return {d.id: d.status(today) for d in book.queries().list_documents(list(DocumentKind))}


def test_a_credit_past_its_due_date_is_open_not_overdue(book, credits) -> None:
    found = statuses(book, LATE)
    assert found[credits["invoice"]] == found[credits["bill"]] == "overdue"
    for credit in ("note", "kept", "supplier_note"):
        assert found[credits[credit]] == "open", credit


def test_the_overdue_filter_and_the_status_sort_leave_credits_out(book, credits) -> None:
    every = tuple(DocumentKind)
    query = DocumentQuery(every, LATE, status=StatusFilter.OVERDUE)
    overdue = queries.document_page(book, query, 0, 50)
    assert sorted(d.id for d in overdue) == sorted([credits["invoice"], credits["bill"]])
    assert queries.count_documents(book, query) == 2
    from ledgerdesk.services.list_queries import STATUS_ORDER, DocumentSort

    by_status = queries.document_page(book, DocumentQuery(every, LATE, sort=DocumentSort.STATUS,
                                                            descending=False),
                                      0, 50)
    ranks = [STATUS_ORDER.index(d.status(LATE)) for d in by_status]
    assert ranks == sorted(ranks)  # the SQL rank is the label's: credits rank as open


@pytest.mark.parametrize("side", list(Side))
def test_the_aging_shows_unapplied_credits_apart_and_still_equals_the_control_account(
        book, credits, side) -> None:
    report = reports.aging(book, side, LATE)
    if side is Side.SALES:
        owed, credit, code = "100", "-80", "1100"  # credit note 30 + kept 50
    else:
        owed, credit, code = "80", "-20", "2000"
    # The invoice (or bill) is in "61-90"; no day bucket holds a credit.
    assert report.totals == (eur("0"), eur("0"), eur("0"), eur(owed), eur("0"))
    assert report.credits == eur(credit)
    assert report.rows[0].credits == eur(credit)
    assert report.total == eur(owed) + eur(credit)
    sign = 1 if side is Side.SALES else -1
    assert report.total == control(book, code, LATE).times(sign)


def test_the_aging_drill_puts_credits_in_no_day_bucket(book, credits) -> None:
    documents = list(reports.aging_documents(book, Side.SALES, LATE))
    by_id = {d.document_id: d for d in documents}
    assert by_id[credits["invoice"]].bucket == 3 and by_id[credits["invoice"]].days_overdue == 76
    for credit in ("note", "kept"):
        assert by_id[credits[credit]].bucket is None
        assert by_id[credits[credit]].days_overdue is None
    report = reports.aging(book, Side.SALES, LATE)
    assert sum((d.outstanding for d in documents if d.bucket is None),
               Money.zero("EUR")) == report.credits


def test_the_dashboards_overdue_figures_count_no_credit(book, credits) -> None:
    for side, owed, credit in ((Side.SALES, "100", "-80"), (Side.PURCHASES, "80", "-20")):
        summary = aging_summary(book, side, LATE)
        assert summary.overdue == eur(owed)  # not 100 - 80
        assert summary.overdue_count == 1
        assert summary.credits == eur(credit)
        assert summary.total == reports.aging(book, side, LATE).total
    page = attention(book, AttentionKind.OVERDUE, LATE)
    assert sorted(item.document_id for item in page.items) == sorted(
        [credits["invoice"], credits["bill"]])


def test_a_statement_ages_the_credit_apart(book, credits) -> None:
    from ledgerdesk.reports.periods import Period

    statement = reports.statement(book, Side.SALES, credits["acme"],
                                  Period(D(2024, 1, 1), LATE))
    assert statement.aging.credits == eur("-80")
    assert statement.aging.total == statement.closing == eur("20")

