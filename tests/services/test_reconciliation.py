"""Bank reconciliation through the services: a statement's balance against the cleared
bank postings (payments, journals, tax settlements, anything that moves the bank), kept
when it is finished; the next starts from it; only the latest can be undone, and a
cleared posting's record cannot be voided while its reconciliation stands."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.chart import AccountChange
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.lock import Locked
from ledgerdesk.domain.problems import NotAllowed, NotFound, ValidationFailed
from ledgerdesk.domain.reconciliation import Cleared
from ledgerdesk.reports.periods import Period
from ledgerdesk.services.audit import audit_log
from ledgerdesk.services.chart import edit_account
from ledgerdesk.services.documents import void_document
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal, void_journal
from ledgerdesk.services.lock import change_lock
from ledgerdesk.services.payments import void_payment
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.reconciliation import (
    cleared_line_ids,
    finish_reconciliation,
    list_reconciliations,
    reconciliation_postings,
    start_reconciliation,
    undo_reconciliation,
)
from ledgerdesk.services.tax_settlement import settle_tax

JAN_END = dt.date(2024, 1, 31)
FEB_END = dt.date(2024, 2, 29)


def journal(book, day: dt.date, amount: str, bank: str = "1000", other: str = "3000",
            memo: str = "Owner's capital"):
    """Money into ``bank`` (out of it when ``amount`` is negative) against ``other``."""
    value = Decimal(amount)
    debit, credit = (bank, other) if value > 0 else (other, bank)
    return record_journal(book, RecordJournal(date=day, memo=memo, lines=[
        JournalLineInput(account_code=debit, debit=abs(value)),
        JournalLineInput(account_code=credit, credit=abs(value)),
    ]))


def reconcile(book, balance: str, date: dt.date = JAN_END, account: str = "1000"):
    """Clear every candidate, as the command line does without a statement file."""
    draft = start_reconciliation(book, account, date, Decimal(balance))
    return finish_reconciliation(book, account, date, Decimal(balance), draft.all_ids)


@pytest.fixture
def january(book, customer, issue, pay):
    """Capital 1000.00 in, an invoice of 250.00 paid, all in January (on the 15th)."""
    journal(book, dt.date(2024, 1, 2), "1000")
    invoice_id, _ = issue(customer, "250")
    return pay(customer, "250", (invoice_id, "250"))


def test_a_month_reconciles_to_zero_and_is_kept(book, january, state):
    draft = start_reconciliation(book, "1000", JAN_END, Decimal("1250.00"))
    assert (draft.account_code, draft.account_name) == ("1000", "Bank")
    assert draft.opening.is_zero and draft.previous is None
    assert [(p.date.isoformat(), str(p.amount)) for p in draft.candidates] == [
        ("2024-01-02", "1000.00 EUR"), ("2024-01-15", "250.00 EUR")]
    assert draft.candidates[1].what == f"PAY-{january.payment_id:05d} Customer receipt Acme Retail"
    assert draft.candidates[0].what.endswith("Owner's capital")
    assert draft.difference(draft.all_ids).is_zero
    before = state()
    done = finish_reconciliation(book, "1000", JAN_END, Decimal("1250.00"), draft.all_ids)
    assert state() == before  # the ledger is untouched: nothing is posted
    assert (done.id, done.statement_balance.amount, done.opening.amount) == (
        1, Decimal("1250.00"), Decimal("0.00"))
    assert (done.cleared, done.cleared_total.amount) == (2, Decimal("1250.00"))
    listed = list_reconciliations(book)
    assert [(r.id, r.account_code, r.statement_date, r.cleared, r.undone) for r in listed] == [
        (1, "1000", JAN_END, 2, False)]
    kept, postings = reconciliation_postings(book, 1)
    assert kept == listed[0]
    assert [p.line_id for p in postings] == list(draft.all_ids)
    assert check_book(book).ok
    assert any(row.what == "Reconciled 1000 Bank to the statement of 2024-01-31 "
               "(reconciliation 1): 2 postings cleared, balance 1250.00 EUR"
               for row in audit_log(book))


def test_the_next_reconciliation_starts_from_the_last_balance(book, january, customer, issue,
                                                               pay):
    reconcile(book, "1250.00")
    invoice_id, _ = issue(customer, "80", issue_date=dt.date(2024, 2, 10))
    pay(customer, "80", (invoice_id, "80"), date=dt.date(2024, 2, 12))
    journal(book, dt.date(2024, 2, 20), "-30", other="6000", memo="Bank fees")
    draft = start_reconciliation(book, "1000", FEB_END, Decimal("1300.00"))
    assert draft.opening.amount == Decimal("1250.00") and draft.previous.id == 1
    assert [str(p.amount) for p in draft.candidates] == ["80.00 EUR", "-30.00 EUR"]
    assert draft.difference(draft.all_ids).is_zero
    done = finish_reconciliation(book, "1000", FEB_END, Decimal("1300.00"), draft.all_ids)
    assert (done.id, done.opening.amount, done.cleared) == (2, Decimal("1250.00"), 2)


def test_a_wrong_balance_is_refused_naming_the_difference_and_changes_nothing(book, january):
    draft = start_reconciliation(book, "1000", JAN_END, Decimal("1200.00"))
    assert draft.difference(draft.all_ids).amount == Decimal("-50.00")
    with pytest.raises(ValidationFailed) as refused:
        finish_reconciliation(book, "1000", JAN_END, Decimal("1200.00"), draft.all_ids)
    (problem,) = refused.value.problems
    assert (problem.field, problem.code) == ("difference", "not_zero")
    assert "-50.00 EUR" in problem.message
    assert list_reconciliations(book) == []


def test_postings_after_the_statement_date_wait_for_the_next_statement(book, january):
    journal(book, dt.date(2024, 2, 1), "5")
    draft = start_reconciliation(book, "1000", JAN_END, Decimal("1250.00"))
    assert [str(p.amount) for p in draft.later] == ["5.00 EUR"]
    later = draft.later[0].line_id
    with pytest.raises(ValidationFailed) as refused:
        finish_reconciliation(book, "1000", JAN_END, Decimal("1255.00"),
                              [*draft.all_ids, later])
    assert [p.code for p in refused.value.problems] == ["not_candidate"]
    assert list_reconciliations(book) == []


def test_an_unticked_posting_stays_for_the_next_statement(book, january):
    draft = start_reconciliation(book, "1000", JAN_END, Decimal("1000.00"))
    capital_line = draft.candidates[0].line_id
    assert draft.difference([capital_line]).is_zero
    finish_reconciliation(book, "1000", JAN_END, Decimal("1000.00"), [capital_line])
    nxt = start_reconciliation(book, "1000", FEB_END, Decimal("1250.00"))
    assert [p.date for p in nxt.candidates] == [dt.date(2024, 1, 15)]  # still uncleared
    assert nxt.difference(nxt.all_ids).is_zero


def test_a_void_pair_is_never_a_candidate(book, customer, issue, pay):
    invoice_id, _ = issue(customer, "40")
    paid = pay(customer, "40", (invoice_id, "40"))
    void_payment(book, paid.payment_id, dt.date(2024, 2, 3))  # reversed after the month
    draft = start_reconciliation(book, "1000", FEB_END, Decimal("0"))
    assert draft.candidates == () and draft.later == ()


@pytest.mark.parametrize(("account", "date", "balance", "field", "code"), [
    ("9999", JAN_END, "1", "account", "not_found"),
    ("6000", JAN_END, "1", "account", "not_bank"),
    ("1000", JAN_END, "1.234", "statement_balance", "invalid"),
])
def test_bad_input_is_one_problem_by_field(book, account, date, balance, field, code):
    for attempt in (lambda: start_reconciliation(book, account, date, Decimal(balance)),
                    lambda: finish_reconciliation(book, account, date, Decimal(balance), [])):
        with pytest.raises(ValidationFailed) as refused:
            attempt()
        assert [(p.field, p.code) for p in refused.value.problems] == [(field, code)]


def test_a_statement_before_the_last_reconciled_one_is_refused(book, january):
    reconcile(book, "1250.00")
    with pytest.raises(ValidationFailed) as refused:
        start_reconciliation(book, "1000", JAN_END - dt.timedelta(days=1), Decimal("1250"))
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("statement_date", "before_last")]
    assert "reconciliation 1 of 1000 Bank (statement 2024-01-31)" in refused.value.problems[
        0].message
    # Another account keeps its own order.
    assert start_reconciliation(book, "1010", dt.date(2023, 12, 31), Decimal("0")).opening.is_zero


def test_voiding_a_cleared_payment_or_journal_is_refused_naming_the_reconciliation(
        book, january, state):
    reconcile(book, "1250.00")
    capital_id = next(e.source_id for e in book.queries().journal()
                      if e.source_type is SourceType.MANUAL)
    before = state()
    with pytest.raises(Cleared) as refused:
        void_payment(book, january.payment_id, FEB_END)
    assert str(refused.value) == (
        f"PAY-{january.payment_id:05d} is cleared in reconciliation 1 of 1000 Bank "
        "(statement 2024-01-31): undo that reconciliation first.")
    with pytest.raises(Cleared) as refused:
        void_journal(book, capital_id, FEB_END)
    assert str(refused.value).startswith("JNL-00001 is cleared in reconciliation 1 of 1000")
    assert state() == before


def test_undoing_the_reconciliation_lets_the_void_through(book, january, state):
    reconcile(book, "1250.00")
    undone = undo_reconciliation(book, 1)
    assert undone.undone and undone.id == 1
    assert [r.undone for r in list_reconciliations(book)] == [True]  # kept, marked undone
    assert any(row.what == "Undid reconciliation 1 of 1000 Bank (statement 2024-01-31)"
               for row in audit_log(book))
    void_payment(book, january.payment_id, FEB_END)
    assert check_book(book).ok
    again = start_reconciliation(book, "1000", JAN_END, Decimal("1000.00"))
    assert again.opening.is_zero and again.previous is None  # the undone one does not count
    assert len(again.candidates) == 1


def test_statement_matching_learns_which_lines_are_cleared_already(book, january):
    assert cleared_line_ids(book, "1000") == frozenset()
    draft = start_reconciliation(book, "1000", JAN_END, Decimal("1000.00"))
    capital = draft.candidates[0].line_id
    finish_reconciliation(book, "1000", JAN_END, Decimal("1000.00"), [capital])
    assert cleared_line_ids(book, "1000") == {capital}
    assert cleared_line_ids(book, "1010") == frozenset()
    undo_reconciliation(book, 1)
    assert cleared_line_ids(book, "1000") == frozenset()


def test_only_the_latest_reconciliation_of_an_account_can_be_undone(book, january):
    reconcile(book, "1250.00")
    reconcile(book, "1250.00", FEB_END)  # nothing new: an empty month is a reconciliation
    reconcile(book, "0", JAN_END, "1010")  # another account's does not count
    with pytest.raises(NotAllowed) as refused:
        undo_reconciliation(book, 1)
    assert str(refused.value) == ("Reconciliation 1 of 1000 Bank (statement 2024-01-31) is "
                                  "not the latest of 1000 Bank: undo reconciliation 2 "
                                  "(statement 2024-02-29) first.")
    undo_reconciliation(book, 2)
    undo_reconciliation(book, 1)
    with pytest.raises(NotAllowed, match="undone already"):
        undo_reconciliation(book, 1)
    with pytest.raises(NotFound, match="There is no reconciliation 9"):
        undo_reconciliation(book, 9)


def test_reconciling_inside_the_lock_is_allowed_and_voids_stay_locked(book, january):
    change_lock(book, JAN_END)
    done = reconcile(book, "1250.00")
    with pytest.raises(Locked):  # the lock speaks first: it is the older rule
        void_payment(book, january.payment_id, FEB_END)
    undo_reconciliation(book, done.id)
    with pytest.raises(Locked):
        void_payment(book, january.payment_id, FEB_END)


def test_a_tax_settlement_is_a_bank_posting_like_any_other(book, customer, issue):
    issue(customer, "100", tax_rate="20")
    settled = settle_tax(book, Period(dt.date(2024, 1, 1), JAN_END), dt.date(2024, 2, 20))
    draft = start_reconciliation(book, "1000", FEB_END, Decimal("-20.00"))
    assert [(p.source_type, p.source_id) for p in draft.candidates] == [
        (SourceType.TAX_SETTLEMENT, settled.id)]
    assert draft.difference(draft.all_ids).is_zero


def test_a_document_posted_to_an_account_later_marked_bank_is_guarded_too(
        book, supplier, issue, state):
    _, number = issue(supplier, "60", DocumentKind.BILL, lines=[
        {"description": "deposit", "unit_price": Decimal("60"), "account_code": "1500",
         "tax_rate": Decimal("0")}])
    edit_account(book, "1500", AccountChange(bank=True), JAN_END)
    draft = start_reconciliation(book, "1500", JAN_END, Decimal("60.00"))
    assert [p.what for p in draft.candidates] == [f"Bill {number}"]
    finish_reconciliation(book, "1500", JAN_END, Decimal("60.00"), draft.all_ids)
    with book.read() as tx:
        bill = tx.find_document(number)
    before = state()
    with pytest.raises(Cleared, match=f"^{number} is cleared in reconciliation 1 of 1500"):
        void_document(book, bill.id, FEB_END)
    assert state() == before


def test_a_cleared_posting_follows_its_account_when_it_is_re_coded(book, january):
    reconcile(book, "1250.00")
    edit_account(book, "1000", AccountChange(code="1001"), FEB_END)
    (kept,) = list_reconciliations(book)
    assert (kept.account_code, kept.cleared) == ("1001", 2)
    assert start_reconciliation(book, "1001", FEB_END, Decimal("1250")).opening.amount == \
        Decimal("1250.00")
    with pytest.raises(Cleared):
        void_payment(book, january.payment_id, FEB_END)
    assert check_book(book).ok
