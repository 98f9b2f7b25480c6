"""Settling a tax return posts exactly its net due and clears the tax account for the period;
a period (or one overlapping it) is settled once, and a refusal changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.ledger import SourceType
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed, ValidationFailed
from ledgerdesk.reports.periods import Period
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.tax_codes import save_tax_code
from ledgerdesk.services.tax_return import tax_return
from ledgerdesk.services.tax_settlement import settle_tax

D = dt.date
Q1 = Period(D(2024, 1, 1), D(2024, 3, 31))
PAID_ON = D(2024, 4, 20)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def line(price: str, code: str, account: str = "4000") -> dict:
    return {"description": "item", "unit_price": Decimal(price), "account_code": account,
            "tax_code": code}


@pytest.fixture
def quarter(book, add_contact, issue) -> None:
    """Q1: sales tax 40 (200 at 20 %) and 3 (60 at 5 %), input tax 12 (60 at 20 %); in
    April, after the quarter but before the payment, another 20 of sales tax."""
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    paper = add_contact("Paper", ContactRole.SUPPLIER)
    issue(acme, lines=[line("200", "Standard 20%"), line("60", "Reduced 5%")],
          issue_date=D(2024, 2, 10))
    issue(paper, kind=DocumentKind.BILL, lines=[line("60", "Standard 20%", "6000")],
          issue_date=D(2024, 3, 3))
    issue(acme, lines=[line("100", "Standard 20%")], issue_date=D(2024, 4, 2))


def tax_balance(book, account: str = "2200", as_of: dt.date = PAID_ON) -> Decimal:
    rows = {r.code: r.balance.amount for r in book.queries().trial_balance(as_of)}
    return rows.get(account, Decimal(0))


def test_paying_a_return_posts_its_net_due_and_clears_the_quarter(book, quarter) -> None:
    assert tax_return(book, Q1).net_due == eur("31")  # 43 out, 12 in
    assert tax_balance(book) == Decimal("-51")  # the quarter's 31 and April's 20
    settled = settle_tax(book, Q1, PAID_ON)
    assert (settled.number, settled.amount, settled.bank_account_code) == (
        "TAX-00001", eur("31"), "1000")
    with book.read() as tx:
        [entry] = tx.entries_for(SourceType.TAX_SETTLEMENT, settled.id)
    assert entry.date == PAID_ON
    assert {ln.account_code: ln.amount for ln in entry.lines} == {
        "2200": eur("31"), "1000": eur("-31")}  # Dr Sales Tax / Cr Bank
    assert tax_balance(book) == Decimal("-20")  # only April's tax is left
    assert tax_balance(book, as_of=D(2024, 3, 31)) == Decimal("-31")  # before the payment
    report = check_book(book)
    assert report.ok, report.invariants


def test_a_refund_is_the_reverse_from_the_chosen_bank(book, add_contact, issue) -> None:
    paper = add_contact("Paper", ContactRole.SUPPLIER)
    issue(paper, kind=DocumentKind.BILL, lines=[line("500", "Standard 20%", "6000")],
          issue_date=D(2024, 1, 20))
    settled = settle_tax(book, Q1, PAID_ON, bank="1010")
    with book.read() as tx:
        [entry] = tx.entries_for(SourceType.TAX_SETTLEMENT, settled.id)
    assert {ln.account_code: ln.amount for ln in entry.lines} == {
        "2200": eur("-100"), "1010": eur("100")}  # Dr Savings / Cr Sales Tax
    assert settled.amount == eur("-100") and settled.is_refund
    assert tax_balance(book) == 0


def test_each_tax_account_is_cleared_by_its_own_codes(book, add_contact, issue) -> None:
    from ledgerdesk.domain.ledger import Account, AccountType
    from ledgerdesk.services.setup import add_account

    add_account(book, Account("2210", "Eco tax", AccountType.LIABILITY))
    save_tax_code(book, "Eco 10%", Decimal(10), Side.SALES, "2210")
    acme = add_contact("Acme", ContactRole.CUSTOMER)
    issue(acme, lines=[line("100", "Standard 20%"), line("50", "Eco 10%")],
          issue_date=D(2024, 2, 1))
    settled = settle_tax(book, Q1, PAID_ON)
    with book.read() as tx:
        [entry] = tx.entries_for(SourceType.TAX_SETTLEMENT, settled.id)
    assert {ln.account_code: ln.amount for ln in entry.lines} == {
        "2200": eur("20"), "2210": eur("5"), "1000": eur("-25")}
    assert tax_balance(book) == 0 and tax_balance(book, "2210") == 0


def test_the_same_period_or_an_overlapping_one_is_settled_once(book, quarter, state) -> None:
    settle_tax(book, Q1, PAID_ON)
    before = state()
    for period in (Q1, Period(D(2024, 3, 1), D(2024, 5, 31)), Period(D(2023, 12, 1),
                                                                      D(2024, 1, 1))):
        with pytest.raises(NotAllowed) as refused:
            settle_tax(book, period, D(2024, 6, 1))
        assert str(refused.value) == (
            f"{period.label()} overlaps the tax settlement TAX-00001 (2024-01-01 to "
            "2024-03-31, paid 31.00 EUR on 2024-04-20): a period is settled once.")
        assert state() == before


def test_nothing_due_is_nothing_to_settle(book, state) -> None:
    before = state()
    with pytest.raises(ValidationFailed) as refused:
        settle_tax(book, Q1, PAID_ON)
    assert [p.message for p in refused.value.problems] == [
        "Nothing is due for 2024-01-01 to 2024-03-31 (output tax 0.00 EUR, input tax 0.00 "
        "EUR): there is nothing to pay or refund."]
    assert state() == before


def test_a_return_is_settled_after_its_period(book, quarter, state) -> None:
    before = state()
    with pytest.raises(ValidationFailed) as refused:
        settle_tax(book, Q1, D(2024, 3, 30))
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("date", "The payment date 2024-03-30 is before the period ends (2024-03-31): a "
                 "return is settled once its period is over.")]
    assert state() == before


def test_the_bank_must_be_a_bank_account(book, quarter, state) -> None:
    before = state()
    with pytest.raises(ValidationFailed) as refused:
        settle_tax(book, Q1, PAID_ON, bank="4000")
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("bank", "4000 Sales is not a bank account; the bank accounts are 1000 Bank, "
                 "1010 Savings.")]
    assert state() == before


def test_a_document_of_a_settled_period_is_not_voided(book, quarter, state) -> None:
    """Its tax was paid with the return: a void would leave the tax account with what no
    later return shows.  A credit note, dated now, corrects it in the next return."""
    from ledgerdesk.services.documents import void_document

    settle_tax(book, Q1, PAID_ON)
    invoice = next(d for d in book.queries().list_documents([DocumentKind.SALES_INVOICE])
                   if d.issue_date == D(2024, 2, 10))
    before = state()
    with pytest.raises(NotAllowed, match=r"^INV-00001's tax was settled with TAX-00001 "
                                         r"\(2024-01-01 to 2024-03-31, .*\); record a credit "
                                         r"note instead\.$"):
        void_document(book, invoice.id, D(2024, 5, 1))
    assert state() == before
    april = next(d for d in book.queries().list_documents([DocumentKind.SALES_INVOICE])
                 if d.issue_date == D(2024, 4, 2))
    void_document(book, april.id, D(2024, 5, 1))  # not in a settled period: voided
