"""Foreign documents and payments (issue 15 items 2 and 3): booked at their rate, settled at
the booked rate, the realised difference on the exchange account, and nothing left on the
control account in either currency once a document is settled.  The book keeps EUR."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.services.payments import void_payment
from ledgerdesk.services.queries import check_book
from ledgerdesk.services.rates import save_rate
from ledgerdesk.services.setup import add_account

DAY = dt.date(2024, 1, 15)
LATER = dt.date(2024, 2, 15)
RECEIVABLE, PAYABLE, BANK = "1100", "2000", "1000"


def totals(book) -> tuple[dict[str, Decimal], dict[tuple[str, str], Decimal]]:
    """Each account's balance at home, and in each foreign currency it holds."""
    home: dict[str, Decimal] = defaultdict(Decimal)
    foreign: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for entry in book.queries().journal():
        for line in entry.lines:
            home[line.account_code] += line.amount.amount
            if line.foreign is not None:
                foreign[line.account_code, line.foreign.currency] += line.foreign.amount
    return home, foreign


def exchange_code(book) -> str:
    with book.read() as tx:
        return tx.get_setting("exchange_account")


def foreign_invoice(issue, contact, amount, currency, rate=None, *, day=DAY,
                    kind=DocumentKind.SALES_INVOICE, **extra):
    if rate is not None:
        extra["exchange_rate"] = Decimal(rate)
    return issue(contact, amount, kind, issue_date=day, currency=currency, **extra)


@pytest.fixture
def usd_bank(book) -> str:
    add_account(book, Account("1020", "USD Account", AccountType.ASSET, AccountRole.BANK,
                              currency="USD"))
    return "1020"


def test_a_foreign_invoice_is_booked_at_its_rate_with_both_amounts(book, customer, issue):
    _doc_id, _ = foreign_invoice(issue, customer, "100.00", "USD", "0.9")
    home, foreign = totals(book)
    assert home[RECEIVABLE] == Decimal("90.00")
    assert foreign[RECEIVABLE, "USD"] == Decimal("100.00")
    assert home["4000"] == Decimal("-90.00")
    assert check_book(book).ok


def test_a_foreign_invoice_takes_the_rate_of_its_date(book, customer, issue):
    save_rate(book, "USD", Decimal("0.8"), DAY - dt.timedelta(days=3))
    save_rate(book, "USD", Decimal("0.95"), DAY + dt.timedelta(days=1))  # after: not its
    foreign_invoice(issue, customer, "10.00", "USD")
    assert totals(book)[0][RECEIVABLE] == Decimal("8.00")


def test_a_missing_rate_is_a_named_problem_not_a_silent_one(book, customer, issue):
    with pytest.raises(ValidationFailed) as refused:
        foreign_invoice(issue, customer, "10.00", "USD")
    [problem] = [p for p in refused.value.problems if p.field == "exchange_rate"]
    assert "no USD rate on or before 2024-01-15" in problem.message
    assert totals(book)[0] == {}


def test_a_zero_decimal_currency_rounds_in_its_own_minor_unit(book, customer, issue):
    _doc_id, _ = foreign_invoice(issue, customer, "1000.4", "JPY", "0.0061")
    home, foreign = totals(book)
    assert foreign[RECEIVABLE, "JPY"] == Decimal("1000")  # yen have no decimals
    assert home[RECEIVABLE] == Decimal("6.10")


def test_rounding_of_the_lines_never_unbalances_the_entry(book, customer, issue):
    lines = [{"description": f"item {i}", "unit_price": Decimal("0.33"),
              "account_code": "4000" if i % 2 else "4100", "tax_rate": Decimal("7.7")}
             for i in range(7)]
    foreign_invoice(issue, customer, "0", "USD", "0.913457", lines=lines)
    home, foreign = totals(book)
    assert sum(home.values()) == 0
    assert home[RECEIVABLE] == (foreign[RECEIVABLE, "USD"] * Decimal("0.913457")).quantize(
        Decimal("0.01"))
    assert check_book(book).ok


def test_paid_in_its_currency_at_a_later_rate_realises_the_gain(book, customer, issue, pay,
                                                                 usd_bank):
    doc_id, _ = foreign_invoice(issue, customer, "100.00", "USD", "0.90")
    pay(customer, "100.00", (doc_id, "100.00"), bank_account_code=usd_bank,
        exchange_rate=Decimal("0.95"), date=LATER)
    home, foreign = totals(book)
    assert home[RECEIVABLE] == 0 and foreign[RECEIVABLE, "USD"] == 0
    assert home[usd_bank] == Decimal("95.00") and foreign[usd_bank, "USD"] == Decimal("100.00")
    assert home[exchange_code(book)] == Decimal("-5.00")  # a credit: a gain
    assert check_book(book).ok


def test_paid_in_home_money_for_a_foreign_invoice_takes_what_arrived(book, customer, issue,
                                                                     pay):
    doc_id, _ = foreign_invoice(issue, customer, "1000.00", "USD", "0.90")
    pay(customer, "880.00", (doc_id, "1000.00"), date=LATER)  # EUR arrived for USD 1000
    home, foreign = totals(book)
    assert home[RECEIVABLE] == 0 and foreign[RECEIVABLE, "USD"] == 0
    assert home[BANK] == Decimal("880.00")
    assert home[exchange_code(book)] == Decimal("20.00")  # a debit: a loss
    assert check_book(book).ok


def test_one_payment_settles_documents_booked_at_different_rates(book, customer, issue, pay,
                                                                 usd_bank):
    first, _ = foreign_invoice(issue, customer, "100.00", "USD", "0.90")
    second, _ = foreign_invoice(issue, customer, "50.00", "USD", "0.93")
    pay(customer, "150.00", (first, "100.00"), (second, "50.00"),
        bank_account_code=usd_bank, exchange_rate=Decimal("0.92"), date=LATER)
    home, foreign = totals(book)
    assert home[RECEIVABLE] == 0 and foreign[RECEIVABLE, "USD"] == 0
    # 138.00 came in for what was booked as 90.00 + 46.50
    assert home[exchange_code(book)] == Decimal("-1.50")
    assert check_book(book).ok


def test_a_payment_cannot_exceed_what_is_owed_in_the_documents_currency(book, customer,
                                                                       issue, pay):
    doc_id, _ = foreign_invoice(issue, customer, "100.00", "USD", "0.90")
    with pytest.raises(ValidationFailed) as refused:
        pay(customer, "95.00", (doc_id, "100.01"), date=LATER)
    assert [p.code for p in refused.value.problems] == ["exceeds_outstanding"]
    assert totals(book)[0][BANK] == 0


def test_part_payments_at_awkward_rates_leave_exactly_nothing(book, customer, issue, pay,
                                                              usd_bank):
    doc_id, _ = foreign_invoice(issue, customer, "100.00", "USD", "0.333333")
    for share, rate in (("33.33", "0.34"), ("33.33", "0.31"), ("33.34", "0.3377")):
        pay(customer, share, (doc_id, share), bank_account_code=usd_bank,
            exchange_rate=Decimal(rate), date=LATER)
        assert check_book(book).ok
    home, foreign = totals(book)
    assert home[RECEIVABLE] == 0 and foreign[RECEIVABLE, "USD"] == 0


def test_voiding_an_early_part_payment_keeps_the_control_account_true(book, customer, issue,
                                                                      pay, usd_bank):
    doc_id, _ = foreign_invoice(issue, customer, "3.00", "USD", "0.333333")
    early = pay(customer, "1.00", (doc_id, "1.00"), bank_account_code=usd_bank,
                exchange_rate=Decimal("0.4"), date=LATER)
    pay(customer, "2.00", (doc_id, "2.00"), bank_account_code=usd_bank,
        exchange_rate=Decimal("0.4"), date=LATER)
    void_payment(book, early.payment_id, LATER)
    assert check_book(book).ok
    pay(customer, "1.00", (doc_id, "1.00"), bank_account_code=usd_bank,
        exchange_rate=Decimal("0.2"), date=LATER)
    home, foreign = totals(book)
    assert home[RECEIVABLE] == 0 and foreign[RECEIVABLE, "USD"] == 0
    assert check_book(book).ok


def test_a_foreign_bill_paid_at_a_higher_rate_is_a_loss(book, supplier, issue, pay, usd_bank):
    doc_id, _ = foreign_invoice(issue, supplier, "200.00", "USD", "0.90", kind=DocumentKind.BILL)
    pay(supplier, "200.00", (doc_id, "200.00"), kind=PaymentKind.SUPPLIER_PAYMENT,
        bank_account_code=usd_bank, exchange_rate=Decimal("0.95"), date=LATER)
    home, foreign = totals(book)
    assert home[PAYABLE] == 0 and foreign[PAYABLE, "USD"] == 0
    assert home[usd_bank] == Decimal("-190.00")
    assert home[exchange_code(book)] == Decimal("10.00")  # a debit: a loss
    assert check_book(book).ok


def test_a_foreign_excess_is_kept_as_credit_in_that_currency(book, customer, issue, pay,
                                                             usd_bank):
    doc_id, _ = foreign_invoice(issue, customer, "100.00", "USD", "0.90")
    kept = pay(customer, "120.00", (doc_id, "100.00"), bank_account_code=usd_bank,
               exchange_rate=Decimal("0.95"), keep=True, date=LATER)
    with book.read() as tx:
        credit = tx.get_document(kept.credit_id)
    assert (credit.currency, credit.exchange_rate) == ("USD", Decimal("0.95"))
    home, foreign = totals(book)
    assert foreign[RECEIVABLE, "USD"] == Decimal("-20.00")
    assert home[RECEIVABLE] == Decimal("-19.00")
    assert check_book(book).ok


def test_a_payment_in_another_currency_than_its_bank_account_is_refused(book, customer, issue,
                                                                        pay, usd_bank):
    doc_id, _ = foreign_invoice(issue, customer, "100.00", "USD", "0.90")
    with pytest.raises(ValidationFailed) as refused:
        pay(customer, "100.00", (doc_id, "100.00"), bank_account_code=usd_bank,
            currency="EUR", exchange_rate=Decimal("0.95"))
    assert "kept in USD" in refused.value.problems[0].message


def test_a_home_payment_has_rate_one(book, customer, issue, pay):
    doc_id, _ = issue(customer, "100.00")
    with pytest.raises(ValidationFailed) as refused:
        pay(customer, "100.00", (doc_id, "100.00"), exchange_rate=Decimal("1.1"))
    assert [p.code for p in refused.value.problems] == ["not_one"]


def test_a_foreign_credit_at_another_rate_realises_the_difference(book, customer, issue, pay,
                                                                  usd_bank):
    from ledgerdesk.services.commands import AllocationInput, ApplyCredit
    from ledgerdesk.services.credits import apply_credit, void_credit_application

    invoice, _ = foreign_invoice(issue, customer, "100.00", "USD", "0.90")
    credit, _ = foreign_invoice(issue, customer, "30.00", "USD", "0.95",
                                kind=DocumentKind.SALES_CREDIT_NOTE)
    application = apply_credit(book, ApplyCredit(
        credit_id=credit, date=LATER,
        allocations=[AllocationInput(document_id=invoice, amount=Decimal("30.00"))]))
    home, foreign = totals(book)
    assert home[RECEIVABLE] == Decimal("63.00")  # the 70.00 USD still owed, at 0.90
    assert foreign[RECEIVABLE, "USD"] == Decimal("70.00")
    assert home[exchange_code(book)] == Decimal("-1.50")  # owed 28.50, cleared 27.00
    assert check_book(book).ok
    void_credit_application(book, application)
    home, _ = totals(book)
    assert home[exchange_code(book)] == 0 and home[RECEIVABLE] == Decimal("61.50")
    assert check_book(book).ok
    apply_credit(book, ApplyCredit(
        credit_id=credit, date=LATER,
        allocations=[AllocationInput(document_id=invoice, amount=Decimal("30.00"))]))
    pay(customer, "70.00", (invoice, "70.00"), bank_account_code=usd_bank,
        exchange_rate=Decimal("0.90"), date=LATER)
    home, foreign = totals(book)
    assert home[RECEIVABLE] == 0 and foreign[RECEIVABLE, "USD"] == 0
    assert check_book(book).ok
