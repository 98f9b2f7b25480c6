"""``ledgerdesk connect / connections / link / sync`` against the fake Xero, and no secret
anywhere a person or a file could see it.
"""

from __future__ import annotations

import logging
import random
from decimal import Decimal
from pathlib import Path

import pytest
from fake_xero import BASE_URL, TOKEN_URL

from ledgerdesk.cli import main
from ledgerdesk.domain.sync import LinkKind
from ledgerdesk.services.sync import outbox
from ledgerdesk.sync import gateways


@pytest.fixture
def run(capsys, monkeypatch, xero, clock):
    """``run(*args, secret=None)`` -> (status, out, err), with the fake Xero behind httpx."""
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", xero.transport())
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)

    def _run(*args: object, secret: str | None = None) -> tuple[int, str, str]:
        if secret is not None:
            monkeypatch.setenv("LEDGERDESK_SECRET", secret)
        capsys.readouterr()
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        monkeypatch.delenv("LEDGERDESK_SECRET", raising=False)
        return status, captured.out, captured.err

    return _run


@pytest.fixture
def connected(run, book, xero, customer, issue):
    """A book connected through the CLI, with two invoices linked (100.00 and 50.00)."""
    path = book.path
    first = issue(customer, "100")
    second = issue(customer, "50")
    xero.add_invoice(first[1], "100.00")
    xero.add_invoice(second[1], "20.00")  # already part-paid in Xero
    status, out, err = run("connect", "xero", path, "--base-url", BASE_URL, "--tenant",
                           xero.tenant, "--client-id", "app-1", "--token-url", TOKEN_URL,
                           secret=xero.issue_refresh_token())
    assert status == 0, err
    assert "Connected Xero" in out
    status, out, err = run("link", path, first[1], second[1], "--account", "1000=090")
    assert status == 0, err
    assert out.count("linked to Xero") == 2 and "Bank account 1000" in out
    return path, first, second


def test_connect_link_and_sync_push_each_payment_once(run, connected, pay, customer, xero):
    path, first, _ = connected
    pay(customer, "60", (first[0], "60"))
    status, out, err = run("sync", path)
    assert status == 0, err
    assert f"payment 60.00 EUR on {first[1]} — sent" in out
    assert "Xero (connection 1): 1 sent." in out
    assert [p["Amount"] for p in xero.payments.values()] == [Decimal("60.00")]
    status, out, _ = run("sync", path)
    assert status == 0 and "nothing to send" in out
    assert xero.violations == []


def test_a_payment_that_would_overpay_exits_1_and_says_why(
    run, connected, book, pay, customer, xero
):
    path, _, second = connected
    pay(customer, "30", (second[0], "30"))
    status, out, _ = run("sync", path)
    assert status == 1
    assert "needs you" in out and "20.00 EUR due in Xero" in out and "would overpay" in out
    assert "1 payment still failed or need you" in out
    assert xero.payments == {}
    for invoice in xero.invoices.values():
        if invoice.number == second[1]:
            invoice.total = Decimal("30.00")  # corrected in Xero
    [row] = outbox(book)
    status, out, _ = run("sync", path, "--retry", row.id)
    assert status == 0 and "1 sent" in out
    assert [p["Amount"] for p in xero.payments.values()] == [Decimal("30.00")]


def test_an_unreachable_sign_in_service_stops_the_run_without_asking_to_reconnect(
    run, connected, pay, customer, xero, monkeypatch
):
    import httpx

    path, first, _ = connected
    pay(customer, "60", (first[0], "60"))

    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("network is down", request=request)

    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", httpx.MockTransport(offline))
    status, out, _ = run("sync", path)
    assert status == 1
    assert "did not answer" in out and "sync again when it answers" in out
    assert "connect xero" not in out
    assert xero.payments == {}
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", xero.transport())  # back online
    status, out, _ = run("sync", path)
    assert status == 0 and "1 sent" in out  # the kept sign-in still works


def test_connections_lists_without_secrets(run, connected, xero):
    path, _, _ = connected
    status, out, _ = run("connections", path)
    assert status == 0
    assert f"Connection 1: Xero at {BASE_URL} (tenant=tenant-1)" in out
    assert "scopes: offline_access accounting.payments accounting.invoices.read" in out


def test_a_bad_secret_changes_nothing(run, book, xero):
    status, _, err = run("connect", "xero", book.path, "--base-url", BASE_URL, "--tenant", "t",
                         "--client-id", "app", "--token-url", TOKEN_URL, secret="not-a-token")
    assert status == 1 and "invalid_grant" in err and "not-a-token" not in err
    status, out, _ = run("connections", book.path)
    assert "no connections" in out


@pytest.mark.parametrize("option, bad", [("--base-url", "api.xero.com/api.xro/2.0"),
                                         ("--base-url", "ftp://api.example.com"),
                                         ("--token-url", "identity.xero.com/connect/token")])
def test_an_address_without_http_is_refused_in_one_line(run, book, xero, memory_keyring,
                                                       option, bad):
    given = {"--base-url": BASE_URL, "--token-url": TOKEN_URL, option: bad}
    status, _, err = run("connect", "xero", book.path, "--tenant", xero.tenant,
                           "--client-id", "app", *[x for pair in given.items() for x in pair],
                           secret=xero.issue_refresh_token())
    assert status == 1
    assert err.count("\n") == 1 and f"{option} '{bad}' is not a web address" in err
    assert memory_keyring.entries == {}
    assert "no connections" in run("connections", book.path)[1]


def test_no_secret_reaches_the_book_the_output_or_the_logs(
    run, connected, pay, customer, xero, caplog, memory_keyring
):
    caplog.set_level(logging.DEBUG)
    path, first, _ = connected
    xero.fault_rate, xero.rng = 0.3, random.Random(5)
    seen = ""
    for n in range(12):
        pay(customer, "5", (first[0], "5"), reference=f"r{n}")
        _, out, err = run("sync", path)
        seen += out + err
    _, out, err = run("connections", path)
    seen += out + err + caplog.text
    stored = b"".join(p.read_bytes() for p in Path(path).parent.glob(Path(path).name + "*"))
    secrets = xero.issued
    assert len(secrets) >= 3
    assert set(memory_keyring.entries.values()) & set(secrets)  # they are in the keyring...
    for secret in secrets:  # ...and nowhere else
        assert secret not in seen
        assert secret.encode() not in stored


def test_clockify_connects_with_an_api_key_and_syncs(
    capsys, monkeypatch, book, clock, customer, issue, pay
):
    from fake_clockify import API_KEY, BASE_URL, FakeClockify

    clockify = FakeClockify(clock)
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", clockify.transport())
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)
    document_id, number = issue(customer, "120")
    clockify.add_invoice(number, "120.00")
    monkeypatch.setenv("LEDGERDESK_SECRET", API_KEY)
    assert main(["connect", "clockify", str(book.path), "--base-url", BASE_URL,
                 "--workspace", clockify.workspace]) == 0
    monkeypatch.delenv("LEDGERDESK_SECRET")
    assert main(["link", str(book.path), number, "--account", "1000=bank"]) == 0
    pay(customer, "20", (document_id, "20"))
    capsys.readouterr()
    assert main(["sync", str(book.path), "--provider", "clockify"]) == 0
    out = capsys.readouterr().out
    assert f"payment 20.00 EUR on {number} — sent" in out
    assert "Clockify (connection 1): 1 sent" in out
    assert [p["amount"] for p in clockify.payments.values()] == [2000]  # cents
    assert API_KEY not in out


@pytest.mark.parametrize("bad", [["--account", "1000"], ["--document", "=x"],
                                 ["--payment", "abc=tx"]])
def test_bad_link_input_says_why_and_changes_nothing(run, connected, book, bad) -> None:
    path, _, _ = connected
    status, _, err = run("link", path, "--account", "1010=091", *bad)
    assert status == 1
    assert "like" in err or "whole number" in err
    with book.read() as tx:
        assert tx.find_link(1, LinkKind.ACCOUNT, "1010") is None  # the good pair was not kept


def test_sign_in_through_the_browser_with_pkce(run, book, xero, monkeypatch, memory_keyring):
    import io

    from ledgerdesk.sync.xero_auth import pkce_pair

    verifier, challenge = pkce_pair()
    monkeypatch.setattr(gateways, "pkce_pair", lambda: (verifier, challenge))
    code = xero.authorise(challenge)  # what Xero hands the browser after the user agrees
    monkeypatch.setattr("sys.stdin", io.StringIO(f"http://localhost:8765/callback?code={code}\n"))
    status, out, err = run("connect", "xero", book.path, "--base-url", BASE_URL, "--tenant",
                           xero.tenant, "--client-id", "app-1", "--token-url", TOKEN_URL,
                           "--sign-in", "--scopes", "offline_access", "accounting.transactions")
    assert status == 0, err
    assert "code_challenge=" in out and "scope=offline_access+accounting.transactions" in out
    assert set(memory_keyring.entries.values()) <= xero.refresh_tokens
    assert "Connected Xero" in out


def test_a_pasted_address_from_another_sign_in_is_refused(run, book, xero, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("http://localhost/cb?code=abc&state=other\n"))
    status, _, err = run("connect", "xero", book.path, "--base-url", BASE_URL, "--tenant", "t",
                         "--client-id", "app-1", "--token-url", TOKEN_URL, "--sign-in")
    assert status == 1 and "another sign-in" in err
    assert run("connections", book.path)[1].startswith("This book has no connections")
