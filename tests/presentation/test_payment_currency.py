"""The payment form's money without Qt (issue 15): the bank account picks the currency,
allocations are read and shown in each document's currency, a foreign bank account's rate is
the book's of the payment date until typed, a cross-currency payment says the rate its
amounts imply, and once recorded the form has the command line's sentences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.services.rates import save_rate
from ledgerdesk.services.setup import add_account

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def usd_bank(book) -> str:
    add_account(book, Account("1020", "USD Account", AccountType.ASSET, AccountRole.BANK,
                              currency="USD"))
    save_rate(book, "USD", Decimal("0.95"), TODAY - dt.timedelta(days=1))
    return "1020"


@pytest.fixture
def usd_invoice(issue, customer) -> int:
    doc_id, _ = issue(customer, "1000.00", currency="USD", exchange_rate=Decimal("0.9"))
    return doc_id


def receipt(session, customer) -> PaymentEditor:
    editor = PaymentEditor(session, PaymentKind.CUSTOMER_RECEIPT)
    editor.set_contact(customer, "Acme Retail")
    return editor


def test_the_bank_account_picks_the_currency_and_its_rate(session_for, customer, usd_bank,
                                                          usd_invoice):
    editor = receipt(session_for("en_US"), customer)
    assert [b.label("EUR") for b in editor.banks] == ["1000 Bank", "1010 Savings",
                                                      "1020 USD Account (USD)"]
    assert (editor.currency, editor.fx.foreign) == ("EUR", False)
    editor.set_bank(usd_bank)
    assert editor.currency == "USD" and editor.fx.rate_text == "0.95"
    editor.set_amount_text("1,000.00")
    # the USD invoice takes the USD money, oldest first, shown in its currency
    assert [row.text for row in editor.rows] == ["1,000.00"]
    assert editor.row_money(0, editor.rows[0].document.outstanding.amount) == "1,000.00 USD"
    assert editor.rate_line == "= 950.00 EUR at 0.95"
    editor.set_rate_text("0.97")
    assert editor.rate_line == "= 970.00 EUR at 0.97"
    assert editor.can_save
    result = editor.save()
    assert result is not None
    assert editor.exchange_lines == [
        "At 0.97 EUR per USD, 1000.00 USD is 970.00 EUR.",
        "Realised an exchange gain of 70.00 EUR on 4900 Exchange Gains and Losses."]


def test_home_money_for_a_foreign_invoice_says_the_implied_rate(session_for, customer,
                                                                 usd_invoice, owed):
    editor = receipt(session_for("en_US"), customer)
    editor.set_amount_text("880.00")
    assert editor.rows[0].text == ""  # not oldest-first: EUR money, a USD invoice
    editor.set_allocation_text(0, "1,000.00")
    assert editor.summary == "880.00 EUR settles 1,000.00 USD: 0.88 EUR per USD."
    assert editor.unallocated == 0 and editor.can_save
    assert editor.save() is not None
    assert owed(usd_invoice) == 0
    assert editor.exchange_lines[0] == "880.00 EUR settled 1000.00 USD: 0.88 EUR per USD."


def test_allocations_are_read_in_the_documents_currency(session_for, book, customer, issue):
    save_rate(book, "JPY", Decimal("0.0062"), TODAY)
    issue(customer, "120000", currency="JPY", exchange_rate=Decimal("0.0062"))
    editor = receipt(session_for("en_US"), customer)
    editor.set_amount_text("700.00")
    editor.set_allocation_text(0, "120,000.5")
    assert "JPY" in editor.rows[0].parse_error and not editor.can_save
    editor.set_allocation_text(0, "120,001")
    assert "120,000 outstanding" in editor.row_message(0)


def test_a_missing_rate_for_a_foreign_bank_is_said_at_the_rate(session_for, book, customer):
    add_account(book, Account("1030", "GBP Account", AccountType.ASSET, AccountRole.BANK,
                              currency="GBP"))
    editor = receipt(session_for("en_US"), customer)
    editor.set_bank("1030")
    assert "no GBP rate on or before 2024-03-01" in editor.fx.rate_problem
    editor.set_rate_text("0.85")
    editor.set_amount_text("10.00")
    assert editor.fx.rate_problem == "" and editor.command().exchange_rate == Decimal("0.85")


def test_paying_a_usd_invoice_starts_in_the_usd_account(session_for, customer, usd_bank,
                                                        usd_invoice):
    editor = PaymentEditor(session_for("en_US"), PaymentKind.CUSTOMER_RECEIPT)
    editor.start_with(usd_invoice, customer, "Acme Retail")
    assert (editor.bank_code, editor.amount_text) == (usd_bank, "1,000.00")


def test_without_a_usd_account_the_invoice_is_settled_by_what_arrives(session_for, customer,
                                                                     usd_invoice):
    editor = PaymentEditor(session_for("en_US"), PaymentKind.CUSTOMER_RECEIPT)
    editor.start_with(usd_invoice, customer, "Acme Retail")
    assert (editor.currency, editor.amount_text, editor.rows[0].text) == ("EUR", "",
                                                                          "1,000.00")
