"""What only DayZero needs: each payment matched to the bank transaction it came from,
bills linked by id, and both of its answer shapes understood."""

from __future__ import annotations

from decimal import Decimal

import pytest
from fake_dayzero import BASE_URL, TOKEN, FakeDayZero

from ledgerdesk.cli import main
from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.services.sync import match_transaction, outbox
from ledgerdesk.services.sync_drain import drain
from ledgerdesk.sync import gateways


@pytest.fixture
def dayzero(clock) -> FakeDayZero:
    return FakeDayZero(clock)


@pytest.mark.parametrize("first_match, says", [
    (None, "--payment {payment}=TRANSACTION_ID"),
    ("t1", "'t1', which is not a DayZero transaction id"),  # the link takes any text
])
def test_an_unmatched_payment_waits_for_its_transaction(
    book, dayzero_book, supplier, issue, pay, first_match, says
) -> None:
    remote_book, dayzero = dayzero_book, dayzero_book.remote
    document_id, number = issue(supplier, "300", kind=_bill())
    bill = dayzero.add_invoice(number, "300.00")
    remote_book.link([number])
    recorded = pay(supplier, "120", (document_id, "120"), kind=_supplier_payment())
    if first_match is not None:
        match_transaction(book, remote_book.connection.id, recorded.payment_id, first_match)
    drain(book, remote_book.gateway())
    [row] = outbox(book)
    assert row.state is OutboxState.NEEDS_YOU
    assert says.format(payment=recorded.payment_id) in row.user_message
    assert dayzero.payments == {}
    match_transaction(book, remote_book.connection.id, recorded.payment_id,
                      dayzero.new_transaction())  # puts the row back in the queue
    drain(book, remote_book.gateway())
    [row] = outbox(book)
    assert row.state is OutboxState.SENT
    assert dayzero.amount_due(bill) == Decimal("180.00")
    assert dayzero.violations == []


def test_connect_link_by_id_match_and_sync_from_the_command_line(
    capsys, monkeypatch, book, clock, dayzero, supplier, issue, pay
) -> None:
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", dayzero.transport())
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)
    document_id, number = issue(supplier, "80", kind=_bill())
    bill = dayzero.add_invoice(number, "80.00")
    path = str(book.path)
    monkeypatch.setenv("LEDGERDESK_SECRET", TOKEN)
    assert main(["connect", "dayzero", path, "--base-url", BASE_URL,
                 "--business", dayzero.business]) == 0
    monkeypatch.delenv("LEDGERDESK_SECRET")
    assert main(["link", path, number]) == 1  # DayZero cannot find bills by number
    assert "--document" in capsys.readouterr().out
    recorded = pay(supplier, "80", (document_id, "80"), kind=_supplier_payment())
    transaction = dayzero.new_transaction()
    assert main(["link", path, "--document", f"{number}={bill}",
                 "--payment", f"{recorded.payment_id}={transaction}"]) == 0
    capsys.readouterr()
    # linked after the payment was recorded: nothing was queued for it, so nothing is sent
    assert main(["sync", path]) == 0
    assert "nothing to send" in capsys.readouterr().out
    second = pay(supplier, "0.50", (_open_bill(issue, supplier, dayzero, path), "0.50"),
                 kind=_supplier_payment())
    assert main(["link", path, "--payment", f"{second.payment_id}={dayzero.new_transaction()}"]
                ) == 0
    capsys.readouterr()
    assert main(["sync", path]) == 0
    out = capsys.readouterr().out
    assert "— sent" in out and TOKEN not in out
    assert [p["amount"] for p in dayzero.payments.values()] == [50]  # cents


def _open_bill(issue, supplier, dayzero, path) -> int:
    document_id, number = issue(supplier, "10", kind=_bill())
    bill = dayzero.add_invoice(number, "10.00")
    assert main(["link", path, "--document", f"{number}={bill}"]) == 0
    return document_id


def _bill():
    from ledgerdesk.domain.documents import DocumentKind

    return DocumentKind.BILL


def _supplier_payment():
    from ledgerdesk.domain.payments import PaymentKind

    return PaymentKind.SUPPLIER_PAYMENT
