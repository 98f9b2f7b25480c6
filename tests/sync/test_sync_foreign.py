"""Foreign money pushed (issue 15 item 6): Xero gets the settlement's rate as its
``CurrencyRate`` beside the amount in the invoice's currency; a provider that takes the
book's own currency only gets nothing, and the row says so in the queue."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.services.setup import add_account
from ledgerdesk.services.sync import link_account, outbox
from ledgerdesk.services.sync_drain import drain


def _usd_invoice(book, issue, customer) -> tuple[int, str]:
    add_account(book, Account("1020", "USD Account", AccountType.ASSET, AccountRole.BANK,
                              currency="USD"))
    return issue(customer, "100", currency="USD", exchange_rate=Decimal("0.9"))


def test_xero_gets_the_rate_of_the_settlement(xero_book, customer, issue, pay) -> None:
    document_id, number = _usd_invoice(xero_book.book, issue, customer)
    link_account(xero_book.book, xero_book.connection.id, "1020", "091")
    remote_id = xero_book.xero.add_invoice(number, "100.00")
    assert xero_book.link([number])[0].link is not None
    pay(customer, "40", (document_id, "40"), bank_account_code="1020",
        exchange_rate=Decimal("0.8"))
    drain(xero_book.book, xero_book.gateway())
    [row] = outbox(xero_book.book)
    assert row.state is OutboxState.SENT
    sent = xero_book.xero.payments[row.remote_id]
    assert (sent["Amount"], sent["CurrencyRate"]) == (Decimal("40.00"), Decimal("1.25"))
    assert xero_book.xero.amount_due(remote_id) == Decimal("60.00")
    assert xero_book.xero.violations == []


def test_home_money_for_a_foreign_invoice_sends_the_rate_it_implies(xero_book, customer,
                                                                    issue, pay) -> None:
    document_id, number = _usd_invoice(xero_book.book, issue, customer)
    xero_book.xero.add_invoice(number, "100.00")
    assert xero_book.link([number])[0].link is not None
    pay(customer, "36.80", (document_id, "40"))  # EUR 36.80 for USD 40: 0.92 EUR per USD
    drain(xero_book.book, xero_book.gateway())
    [row] = outbox(xero_book.book)
    sent = xero_book.xero.payments[row.remote_id]
    assert sent["CurrencyRate"] == Decimal("1.0869565217")


@pytest.mark.parametrize("remote_book", ["clockify", "dayzero", "strapi"], indirect=True)
def test_a_provider_of_one_currency_is_told_in_the_queue(remote_book, customer, supplier,
                                                         issue, pay) -> None:
    from ledgerdesk.domain.documents import DocumentKind
    from ledgerdesk.domain.payments import PaymentKind

    bills = remote_book.remote.__class__.__name__ == "FakeDayZero"
    contact = supplier if bills else customer
    kind = DocumentKind.BILL if bills else DocumentKind.SALES_INVOICE
    add_account(remote_book.book, Account("1020", "USD Account", AccountType.ASSET,
                                          AccountRole.BANK, currency="USD"))
    document_id, number = issue(contact, "100", kind, currency="USD",
                                exchange_rate=Decimal("0.9"))
    remote_book.remote.add_invoice(number, "100.00")
    remote_book.link([number])
    pay(contact, "40", (document_id, "40"), bank_account_code="1020",
        exchange_rate=Decimal("0.8"),
        kind=PaymentKind.SUPPLIER_PAYMENT if bills else PaymentKind.CUSTOMER_RECEIPT)
    drain(remote_book.book, remote_book.gateway())
    [row] = outbox(remote_book.book)
    assert row.state is OutboxState.NEEDS_YOU
    assert f"takes payments in EUR only, and {number} is in USD: record this payment of " \
           "40.00 USD" in row.user_message
    assert not [r for r in remote_book.remote.requests if r.method in ("POST", "PUT")]
