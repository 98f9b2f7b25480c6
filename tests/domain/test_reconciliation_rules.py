"""The reconciliation rules without a book: the difference, what is cleared and what is
not, the refusals and their sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from ledgerdesk.domain.ledger import Account, AccountRole, AccountType, SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.reconciliation import (
    BankPosting,
    Cleared,
    Reconciliation,
    ReconciliationDraft,
    finish_problems,
    posting_words,
    read_balance,
    statement_problems,
    undo_refusal,
)

JAN = dt.date(2026, 1, 31)
BANK = Account("1000", "Bank", AccountType.ASSET, AccountRole.BANK)
SAVINGS = Account("1010", "Savings", AccountType.ASSET, AccountRole.BANK)
RENT = Account("6000", "Rent", AccountType.EXPENSE)
CHART = {a.code: a for a in (BANK, SAVINGS, RENT)}


def eur(text: str) -> Money:
    return Money.of(text, "EUR")


def posting(line_id: int, amount: str, day: int = 10, month: int = 1) -> BankPosting:
    return BankPosting(line_id, dt.date(2026, month, day), eur(amount), f"posting {line_id}",
                       SourceType.PAYMENT, line_id)


def reconciliation(rec_id: int, balance: str, date: dt.date = JAN,
                   opening: str = "0") -> Reconciliation:
    return Reconciliation("1000", "Bank", date, eur(balance), eur(opening), rec_id)


def draft(balance: str, *postings: BankPosting, opening: str = "0",
          later: tuple[BankPosting, ...] = ()) -> ReconciliationDraft:
    return ReconciliationDraft("1000", "Bank", JAN, eur(balance), eur(opening), None,
                               postings, later)


def test_the_difference_is_the_statement_less_the_opening_less_what_is_cleared():
    d = draft("250.00", posting(1, "400.00"), posting(2, "-120.00"), posting(3, "-130.00"),
              opening="100.00")
    assert d.difference([1, 2]) == eur("-130.00")  # 250 - 100 - (400 - 120)
    assert d.difference([1, 2, 3]).is_zero
    assert d.cleared_total([1, 2, 3]) == eur("250.00") - eur("100.00")
    assert [p.line_id for p in d.cleared([3, 1])] == [1, 3]  # in the draft's order
    assert [p.line_id for p in d.uncleared([3, 1])] == [2]


def test_nothing_cleared_leaves_the_statement_less_the_opening():
    d = draft("80.00", posting(1, "80.00"), opening="20.00")
    assert d.difference([]) == eur("60.00")
    assert d.all_ids == (1,)


def test_only_candidates_may_be_cleared_and_only_at_zero():
    d = draft("100.00", posting(1, "100.00"), later=(posting(2, "5.00", 3, 2),))
    assert finish_problems(d, [1]) == []
    stray = finish_problems(d, [1, 2, 99])
    assert [p.code for p in stray] == ["not_candidate"]
    assert stray[0].field == "cleared"
    assert "2, 99" in stray[0].message and "2026-01-31" in stray[0].message
    off = finish_problems(d, [])
    assert [p.code for p in off] == ["not_zero"]
    assert off[0].numbers == {"difference": eur("100.00").amount}
    assert "100.00 EUR" in off[0].message and "must be zero" in off[0].message


def test_what_would_explain_a_difference_is_a_single_posting_of_that_amount():
    later = (posting(5, "12.50", 2, 2), posting(6, "7.00", 3, 2))
    d = draft("112.50", posting(1, "100.00"), posting(2, "12.50"), posting(3, "-12.50"),
              later=later)
    # All three cleared: 112.50 - 100.00 = 12.50 short: the uncleared-by-date 12.50 after
    # the statement, or un-ticking the -12.50 would close it.
    assert d.difference([1, 2, 3]) == eur("12.50")
    assert [p.line_id for p in d.explaining([1, 2, 3])] == [3, 5]
    assert d.explaining([1, 2]) == ()  # already zero


def test_statement_problems_name_the_account_and_the_bank_accounts():
    unknown = statement_problems("9999", CHART, JAN, None)
    assert [(p.field, p.code) for p in unknown] == [("account", "not_found")]
    assert "1000 Bank, 1010 Savings" in unknown[0].message
    not_bank = statement_problems("6000", CHART, JAN, None)
    assert not_bank[0].message.startswith("6000 Rent is not a bank account;")
    assert statement_problems("1000", CHART, JAN, None) == []


def test_a_blank_account_is_asked_for():
    (blank,) = statement_problems(" ", CHART, JAN, None)
    assert (blank.field, blank.code) == ("account", "required")
    assert blank.message == ("Name the bank account to reconcile; the bank accounts are "
                             "1000 Bank, 1010 Savings.")


@pytest.mark.parametrize(("typed", "code", "said"), [
    ("1.005", "invalid", "1.005 has more than 2 decimal places, which EUR does not have"),
    ("99999999999999999999", "too_large", "The statement balance is too large for the book."),
])
def test_a_statement_balance_the_book_cannot_hold_is_one_problem(typed, code, said):
    from decimal import Decimal

    balance, problems = read_balance(Decimal(typed), "EUR")
    assert balance is None
    assert [(p.field, p.code, p.message) for p in problems] == [
        ("statement_balance", code, said)]
    assert read_balance(Decimal("-12.5"), "EUR") == (eur("-12.50"), [])


def test_a_statement_may_not_go_back_before_the_last_one_reconciled():
    last = reconciliation(3, "10.00", JAN)
    assert statement_problems("1000", CHART, JAN, last) == []  # the same day is allowed
    early = statement_problems("1000", CHART, JAN - dt.timedelta(days=1), last)
    assert [(p.field, p.code) for p in early] == [("statement_date", "before_last")]
    assert "reconciliation 3 of 1000 Bank (statement 2026-01-31)" in early[0].message


def test_the_refusal_of_a_cleared_posting_names_the_reconciliation_and_the_way_out():
    refusal = Cleared("PAY-00017", reconciliation(3, "10.00"))
    assert str(refusal) == ("PAY-00017 is cleared in reconciliation 3 of 1000 Bank "
                            "(statement 2026-01-31): undo that reconciliation first.")
    assert refusal.said("ledgerdesk reconcile acme.book --undo 3") == (
        "PAY-00017 is cleared in reconciliation 3 of 1000 Bank (statement 2026-01-31): "
        "undo that reconciliation first (ledgerdesk reconcile acme.book --undo 3).")
    assert refusal.reconciliation.id == 3


def test_only_the_latest_standing_reconciliation_of_an_account_may_be_undone():
    first, second = reconciliation(1, "10.00"), reconciliation(2, "20.00", JAN, "10.00")
    assert undo_refusal(second, second) is None
    said = undo_refusal(first, second)
    assert said == ("Reconciliation 1 of 1000 Bank (statement 2026-01-31) is not the latest "
                    "of 1000 Bank: undo reconciliation 2 (statement 2026-01-31) first.")
    gone = Reconciliation("1000", "Bank", JAN, eur("1"), eur("0"), 4, undone=True)
    assert undo_refusal(gone, second) == "Reconciliation 4 was undone already."


@pytest.mark.parametrize(("source", "source_id", "memo", "said"), [
    (SourceType.PAYMENT, 17, "Customer receipt Acme", "PAY-00017 Customer receipt Acme"),
    (SourceType.MANUAL, 3, "JNL-00003 Loan repayment", "JNL-00003 Loan repayment"),
    (SourceType.TAX_SETTLEMENT, 1, "Tax payment 2026-Q1", "Tax payment 2026-Q1"),
])
def test_a_posting_is_named_as_the_lists_name_its_record(source, source_id, memo, said):
    assert posting_words(source, source_id, memo) == said
