"""Opening balances: account balances and the invoices and bills still open on a start date.

The trial balance on the date equals the rows entered; each receivable or payable row is an
open document under its own number that is paid later like any other; the control accounts
equal what is outstanding.  Anything wrong refuses the whole set, naming each problem by its
line and field, and changes nothing.  A book takes opening balances once, before anything else.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.opening import OpeningLine
from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.domain.wording import worded
from ledgerdesk.services.journals import find_journal
from ledgerdesk.services.opening import opening_balances_of, record_opening_balances
from ledgerdesk.services.queries import check_book

AS_OF = dt.date(2024, 12, 31)
D = Decimal


def lines(*extra: OpeningLine) -> list[OpeningLine]:
    return [
        OpeningLine("1000", debit=D("5000.00")),
        OpeningLine("1100", debit=D("1200.00"), contact="Acme Retail", number="A-1043",
                    due_date=dt.date(2025, 1, 30)),
        OpeningLine("1100", debit=D("300.50"), contact="Bolt Ltd", number="A-1044",
                    due_date=dt.date(2024, 12, 1)),
        OpeningLine("1500", debit=D("2000.00")),
        OpeningLine("2000", credit=D("800.00"), contact="Paper Co", number="P-77",
                    due_date=dt.date(2025, 1, 15)),
        OpeningLine("3000", credit=D("7700.50")),
        *extra,
    ]


def documents(book) -> dict[str, tuple]:
    found = book.queries().list_documents(list(DocumentKind))
    return {d.number: (d.kind, d.contact_name, d.issue_date, d.due_date, d.total.amount,
                       d.outstanding.amount, d.lifecycle) for d in found}


def test_the_trial_balance_on_the_date_equals_the_rows(book) -> None:
    record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    shown = {r.code: r.balance.amount for r in book.queries().trial_balance(AS_OF)
             if not r.balance.is_zero}
    assert shown == {"1000": D("5000.00"), "1100": D("1500.50"), "1500": D("2000.00"),
                     "2000": D("-800.00"), "3000": D("-7700.50")}
    assert book.queries().trial_balance(AS_OF - dt.timedelta(days=1)) == []


def test_each_control_row_is_an_open_document_under_its_own_number(book) -> None:
    record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    assert documents(book) == {
        "A-1043": (DocumentKind.SALES_INVOICE, "Acme Retail", AS_OF, dt.date(2025, 1, 30),
                   D("1200.00"), D("1200.00"), Lifecycle.AUTHORISED),
        # already overdue on the date: dated then, due when it was due
        "A-1044": (DocumentKind.SALES_INVOICE, "Bolt Ltd", AS_OF, dt.date(2024, 12, 1),
                   D("300.50"), D("300.50"), Lifecycle.AUTHORISED),
        "P-77": (DocumentKind.BILL, "Paper Co", AS_OF, dt.date(2025, 1, 15),
                 D("800.00"), D("800.00"), Lifecycle.AUTHORISED),
    }
    assert check_book(book).ok


def test_an_opening_invoice_is_paid_like_any_other(book, pay, balances) -> None:
    record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    (invoice,) = [d for d in book.queries().list_documents([DocumentKind.SALES_INVOICE])
                  if d.number == "A-1043"]
    pay(invoice.contact_id, "1200.00", (invoice.id, "1200.00"), date=dt.date(2025, 1, 10))
    assert documents(book)["A-1043"][5] == D("0.00")
    assert balances()["1100"] == D("300.50")
    assert check_book(book).ok


def test_the_balances_are_one_journal_and_the_documents_net_out(book) -> None:
    result = record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    journal = find_journal(book, result.journal_number)
    assert (journal.memo, journal.date) == ("Opening balances", AS_OF)
    assert journal.number == "JNL-00001"
    # the documents' other side is retained earnings, which the journal gives back
    with book.read() as tx:
        entries = list(tx.entries_for(SourceType.MANUAL, journal.id))
    assert [ln.amount.amount for ln in entries[0].lines if ln.account_code == "3100"] == [
        D("700.50")]
    retained = {r.code: r.balance.amount for r in book.queries().trial_balance(AS_OF)}
    assert retained.get("3100", D(0)) == D(0)
    assert opening_balances_of(book) == (AS_OF, "JNL-00001")


def test_credits_on_the_control_accounts_are_open_credit_notes(book) -> None:
    rows = [OpeningLine("1100", credit=D("50.00"), contact="Acme Retail", number="CR-9",
                        due_date=AS_OF),
            OpeningLine("2000", debit=D("20.00"), contact="Paper Co", number="SC-3",
                        due_date=AS_OF),
            OpeningLine("3000", debit=D("30.00"))]
    record_opening_balances(book, AS_OF, rows, create_contacts=True)
    found = documents(book)
    assert found["CR-9"][0] is DocumentKind.SALES_CREDIT_NOTE
    assert found["SC-3"][0] is DocumentKind.PURCHASE_CREDIT_NOTE
    assert check_book(book).ok


def test_unbalanced_rows_name_the_difference_and_change_nothing(book, state) -> None:
    before = state()
    with pytest.raises(ValidationFailed) as caught:
        record_opening_balances(book, AS_OF, lines(OpeningLine("6000", debit=D("0.01"))),
                                create_contacts=True)
    (problem,) = caught.value.problems
    assert problem.field == "lines"
    assert "differ by EUR 0.01" in problem.message or "differ by 0.01" in problem.message
    assert state() == before
    assert opening_balances_of(book) is None


def test_every_problem_is_named_by_line_and_field(book, add_contact, state) -> None:
    add_contact("Paper Co")
    before = state()
    rows = [
        OpeningLine("9999", debit=D("10.00")),
        OpeningLine("1100", debit=D("5.00")),
        OpeningLine("1000", debit=D("1.00"), credit=D("1.00")),
        OpeningLine("3000", credit=D("4.00"), contact="Paper Co"),
        OpeningLine("2000", credit=D("5.00"), contact="Nobody", number="INV-00001",
                    due_date=AS_OF),
        OpeningLine("2000", credit=D("6.00"), contact="Paper Co", number="B1",
                    due_date=AS_OF),
        OpeningLine("2000", credit=D("1.00"), contact="Paper Co", number="B1",
                    due_date=AS_OF),
    ]
    with pytest.raises(ValidationFailed) as caught:
        record_opening_balances(book, AS_OF, rows)
    fields = {p.field for p in caught.value.problems}
    assert {"lines[0].account_code", "lines[1].contact", "lines[1].number",
            "lines[1].due_date", "lines[2].debit", "lines[3].contact", "lines[4].contact",
            "lines[6].number"} <= fields
    assert state() == before


def test_a_number_the_book_will_give_itself_is_refused(book) -> None:
    rows = [OpeningLine("1100", debit=D("5.00"), contact="Acme", number="INV-00001",
                        due_date=AS_OF), OpeningLine("3000", credit=D("5.00"))]
    with pytest.raises(ValidationFailed) as caught:
        record_opening_balances(book, AS_OF, rows, create_contacts=True)
    (problem,) = caught.value.problems
    assert problem.field == "lines[0].number"
    assert "INV-00001" in problem.message


def test_missing_contacts_are_refused_unless_created(book) -> None:
    with pytest.raises(ValidationFailed) as caught:
        record_opening_balances(book, AS_OF, lines())
    assert {p.field for p in caught.value.problems} == {
        "lines[1].contact", "lines[2].contact", "lines[4].contact"}
    result = record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    assert "contact Acme Retail (new, customer)" in [worded(w) for _, w in result.created]


def test_a_book_takes_opening_balances_once(book, state) -> None:
    record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    before = state()
    with pytest.raises(NotAllowed, match="already has opening balances as of 2024-12-31"):
        record_opening_balances(book, AS_OF + dt.timedelta(days=1),
                                [OpeningLine("1000", debit=D("1.00")),
                                 OpeningLine("3000", credit=D("1.00"))])
    assert state() == before


def test_opening_balances_come_before_everything_else(book, issue, customer, state) -> None:
    issue(customer, "100", issue_date=AS_OF)
    before = state()
    with pytest.raises(NotAllowed, match="2024-12-31"):
        record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    assert state() == before
    record_opening_balances(book, AS_OF - dt.timedelta(days=1), lines(), create_contacts=True)


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(book, state) -> None:
    before = state()
    result = record_opening_balances(book, AS_OF, lines(), create_contacts=True, dry_run=True)
    assert result.journal_number == "JNL-00001" and not result.committed
    assert state() == before


def test_opening_documents_are_not_sales_or_purchases_of_the_period(book) -> None:
    from ledgerdesk.reports.periods import Period
    from ledgerdesk.services import reports

    record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    summary = reports.sales_tax_summary(book, Period(dt.date(2024, 10, 1), AS_OF))
    assert summary.rows == ()
    assert summary.net_sales.is_zero and summary.net_purchases.is_zero


def test_opening_balances_inside_the_lock_are_refused_and_change_nothing(book, state) -> None:
    from ledgerdesk.domain.lock import Locked
    from ledgerdesk.services.lock import change_lock

    change_lock(book, AS_OF)
    before = state()
    with pytest.raises(Locked, match=r"^The books are locked through 2024-12-31; the opening "
                                     r"balance entry is dated 2024-12-31\.$"):
        record_opening_balances(book, AS_OF, lines(), create_contacts=True)
    assert state() == before
