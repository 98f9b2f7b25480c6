"""What only Strapi needs: a JWT from ``/auth/local``, and equal payments told apart without
any token of ours on the entries."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from fake_strapi import BASE_URL, PASSWORD, USER, FakeStrapi

from ledgerdesk.cli import main
from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.services.sync import outbox
from ledgerdesk.services.sync_drain import drain
from ledgerdesk.sync import gateways


@pytest.mark.parametrize("fault", ["lost", "timeout"])
def test_two_equal_payments_on_one_day_are_two_entries(
    strapi_book, customer, issue, pay, fault
) -> None:
    remote_book = strapi_book
    document_id, number = issue(customer, "100")
    remote_book.remote.add_invoice(number, "100")
    remote_book.link([number])
    pay(customer, "30", (document_id, "30"))
    pay(customer, "30", (document_id, "30"))
    remote_book.remote.next_faults = [fault]  # the first post: committed or not, unanswered
    drain(remote_book.book, remote_book.gateway())
    rows = outbox(remote_book.book)
    assert [row.state for row in rows] == [OutboxState.SENT, OutboxState.SENT]
    assert rows[0].remote_id != rows[1].remote_id
    assert sorted(e["amountPaid"] for e in remote_book.remote.entries.values()) == [
        Decimal("30.00"), Decimal("30.00")]
    assert Counter(r.method for r in remote_book.remote.requests if r.url.path == "/payments"
                   ) == Counter({"POST": 3 if fault == "timeout" else 2, "GET": 1})


def test_connect_signs_in_and_a_wrong_password_changes_nothing(
    capsys, monkeypatch, book, clock, customer, issue, pay
) -> None:
    strapi = FakeStrapi(clock)
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", strapi.transport())
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)
    path = str(book.path)
    monkeypatch.setenv("LEDGERDESK_SECRET", "wrong")
    assert main(["connect", "strapi", path, "--base-url", BASE_URL, "--identifier", USER]) == 1
    assert "refused the sign-in" in capsys.readouterr().err
    monkeypatch.setenv("LEDGERDESK_SECRET", PASSWORD)
    assert main(["connect", "strapi", path, "--base-url", BASE_URL, "--identifier", USER]) == 0
    monkeypatch.delenv("LEDGERDESK_SECRET")
    document_id, number = issue(customer, "75")
    assert main(["link", path, number]) == 0
    pay(customer, "75", (document_id, "75"))
    capsys.readouterr()
    assert main(["sync", path]) == 0
    out = capsys.readouterr().out
    assert "Strapi (connection 1): 1 sent" in out and PASSWORD not in out
    [entry] = strapi.entries.values()
    assert (entry["amountPaid"], entry["amountDue"], entry["date"]) == (
        Decimal("75.00"), Decimal("75.00"), "2024-01-15")
    assert "created_by" not in strapi.requests[-1].content.decode()
