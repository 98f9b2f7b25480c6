"""Foreign documents and payments in the window's lists (issue 15): each amount in its own
currency's decimals with the currency beside it, and the rate it was booked at, as the
command line's ``list invoices`` writes ``currency`` and ``exchange_rate``."""

from __future__ import annotations

from decimal import Decimal

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.ledger import Account, AccountRole, AccountType
from ledgerdesk.presentation.lists import DocumentList, PaymentList
from ledgerdesk.services.setup import add_account


def cells(listed, row) -> dict[str, str]:
    return {column.key: column.text(row) for column in listed.columns}


def test_each_document_shows_its_currency_and_rate(session_for, customer, issue):
    issue(customer, "120000", currency="JPY", exchange_rate=Decimal("0.0062"))
    issue(customer, "12.5", currency="BHD", exchange_rate=Decimal("2.4"))
    issue(customer, "99.5")
    listed = DocumentList(session_for("de_DE"), (DocumentKind.SALES_INVOICE,))
    shown = {cells(listed, r)["currency"]: cells(listed, r) for r in listed.page(0, 10)}
    assert (shown["JPY"]["total"], shown["JPY"]["outstanding"]) == ("120.000", "120.000")
    assert shown["JPY"]["exchange_rate"] == "0,0062"
    assert shown["BHD"]["total"] == "12,500"
    assert (shown["EUR"]["total"], shown["EUR"]["exchange_rate"]) == ("99,50", "")
    rate = next(c for c in listed.columns if c.key == "exchange_rate")
    assert rate.plain is not None and rate.plain(listed.page(0, 10)[0]) in {"0.0062", "2.4",
                                                                             "1"}


def test_a_payment_into_a_foreign_bank_shows_its_currency(session_for, book, customer, issue,
                                                          pay):
    add_account(book, Account("1020", "USD Account", AccountType.ASSET, AccountRole.BANK,
                              currency="USD"))
    doc_id, _ = issue(customer, "100.00", currency="USD", exchange_rate=Decimal("0.9"))
    pay(customer, "100.00", (doc_id, "100.00"), bank_account_code="1020",
        exchange_rate=Decimal("0.95"))
    listed = PaymentList(session_for("en_US"))
    [row] = listed.page(0, 10)
    assert cells(listed, row)["amount"] == "100.00 USD"
