"""Remotes that echo our whole request back in every error, exception, reason phrase and
rate-limit header, for each of the four providers.  Through ``ledgerdesk connect``, ``link``
and ``sync`` (400, 401, 422, 429, 500, exceptions, a refused sign-in) no secret (the
keyring's, a refreshed access token, a JWT; plainly, URL-encoded, base64, JSON-escaped)
reaches the book file, the terminal, the logs or the Sync panel; the remote's own words do.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fake_clockify import BASE_URL as CLOCKIFY_URL
from fake_dayzero import BASE_URL as DAYZERO_URL
from fake_strapi import BASE_URL as STRAPI_URL
from fake_strapi import USER
from fake_xero import BASE_URL as XERO_URL
from fake_xero import TOKEN_URL
from hostile import HostileClockify, HostileDayZero, HostileStrapi, HostileXero, leaks

from ledgerdesk.cli import main
from ledgerdesk.domain.sync import LinkKind, OutboxState
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.sync_panel import SyncPanel, connection_row, payment_sync_text
from ledgerdesk.services.sync import connections, outbox
from ledgerdesk.sync import gateways

HOSTILE = {"xero": HostileXero, "clockify": HostileClockify, "dayzero": HostileDayZero,
           "strapi": HostileStrapi}
FIVE = 5  # the retry policy's tries: a safe call answered 500 this often gives up
#: The calls that prove a new connection, and how often each is tried.
PROOF = {"xero": [("POST", r"^/connect/token$", "400")],
         "clockify": [("GET", r"/invoices$", "500")] * FIVE,
         "dayzero": [], "strapi": [("POST", r"^/auth/local$", "400")]}
FIND = {"xero": [("GET", r"/Invoices$", "500")] * FIVE,
        "clockify": [("GET", r"/invoices$", "500")] * FIVE, "dayzero": [], "strapi": []}
PAYMENTS = {"xero": r"/Payments$", "clockify": r"/payments$", "dayzero": r"/payments$",
            "strapi": r"^/payments$"}
HIDDEN = "[hidden]"  # what a person sees where a secret was
OWN_WORDS = {"xero": "Account is not valid", "clockify": "Request refused (400)",
             "dayzero": "Request refused (400)", "strapi": "Request refused"}


def connect_args(provider: str, remote) -> tuple[list[str], str]:
    """The ``connect`` arguments and the secret, as a user gives them."""
    if provider == "xero":
        return (["--base-url", XERO_URL, "--tenant", remote.tenant, "--client-id", "app-1",
                 "--token-url", TOKEN_URL], remote.issue_refresh_token())
    if provider == "clockify":
        return ["--base-url", CLOCKIFY_URL, "--workspace", remote.workspace], remote.api_key
    if provider == "dayzero":
        return ["--base-url", DAYZERO_URL, "--business", remote.business], remote.token
    return ["--base-url", STRAPI_URL, "--identifier", USER], remote.password


def signed_out(provider: str, remote_id: str) -> tuple:
    """A 401 on the last payment's first call, and a refused sign-in after it."""
    return {"xero": ("GET", rf"/Invoices/{remote_id}$", "401",
                     ("POST", r"^/connect/token$", "400")),
            "clockify": ("GET", rf"/invoices/{remote_id}$", "401"),
            "dayzero": ("POST", rf"/bills/{remote_id}/payments$", "401"),
            "strapi": ("POST", r"^/payments$", "401", ("POST", r"^/auth/local$", "400"))
            }[provider]


@pytest.fixture(params=list(HOSTILE))
def hostile(request, clock) -> tuple[str, object]:
    return request.param, HOSTILE[request.param](clock)


@pytest.fixture
def cli(capsys, monkeypatch, hostile, clock):
    """``cli(*args, secret=None)`` -> (status, out, err); ``cli.seen`` is all it printed."""
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", hostile[1].transport())
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)
    seen: list[str] = []

    def run(*args: object, secret: str | None = None) -> tuple[int, str, str]:
        if secret is not None:
            monkeypatch.setenv("LEDGERDESK_SECRET", secret)
        capsys.readouterr()
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        monkeypatch.delenv("LEDGERDESK_SECRET", raising=False)
        seen.extend([captured.out, captured.err])
        return status, captured.out, captured.err

    run.seen = seen
    return run


def book_bytes(path: Path) -> bytes:
    """The book file and its -wal and -shm, whole: a row once written may linger in either."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def refused_in_one_line(result: tuple[int, str, str]) -> str:
    status, _, err = result
    assert status == 1 and err.count("\n") == 1, err
    return err


def test_a_hostile_remote_gets_no_secret_into_the_book_the_terminal_the_logs_or_the_panel(
        hostile, cli, book, customer, issue, pay, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    provider, remote = hostile
    path = Path(book.path)
    documents = [issue(customer, "100") for _ in range(5)]
    twins = [remote.add_invoice(number, "100.00") for _, number in documents]
    args, secret = connect_args(provider, remote)

    remote.plan += PROOF[provider]
    if PROOF[provider]:
        err = refused_in_one_line(cli("connect", provider, path, *args, secret=secret))
        assert HIDDEN in err and connections(book) == []
    assert cli("connect", provider, path, *args, secret=secret)[0] == 0
    numbers = [number for _, number in documents]
    if FIND[provider]:
        remote.plan += FIND[provider]
        assert HIDDEN in refused_in_one_line(cli("link", path, numbers[0]))
    if provider in ("dayzero",):
        pairs = [f"{n}={twin}" for n, twin in zip(numbers, twins, strict=True)]
        status, _, err = cli("link", path, *[x for p in pairs for x in ("--document", p)])
    else:
        status, _, err = cli("link", path, *numbers, "--account", "1000=090")
    assert status == 0, err

    paid = [pay(customer, "10", (document_id, "10")).payment_id for document_id, _ in documents]
    if provider == "dayzero":
        for payment in paid:
            assert cli("link", path, "--payment", f"{payment}={remote.new_transaction()}")[0] == 0
    post = PAYMENTS[provider]
    remote.plan += [("POST", post, "400"), ("POST", post, "422"), ("POST", post, "raise"),
                    *[("GET", post, "500")] * FIVE, *[("POST", post, "500")] * FIVE,
                    signed_out(provider, twins[4])]
    status, out, _ = cli("sync", path)
    assert status == 1 and "Stopped:" in out
    remote.plan.append(("*", remote.API, "429"))
    status, out, _ = cli("sync", path)
    assert status == 1 and "limit is reached" in out
    assert cli("connections", path)[0] == 0

    secrets = remote.secrets()
    assert leaks(" ".join(remote.echoed), secrets)  # the remote did echo them
    assert remote.plan == []  # every planned failure was met
    session = Session.of(book, path, fallback_locale="en_US")
    panel = SyncPanel(session)
    shown = [str(value) for row in panel.reload() for value in vars_of(row)]
    shown += [panel.summary(), *[payment_sync_text(session, p) for p in paid]]
    shown += [str(value) for c in connections(book) for value in vars_of(connection_row(c))]
    assert leaks(book_bytes(path), secrets) == []
    assert leaks("\n".join(cli.seen), secrets) == []
    assert leaks(caplog.text, secrets) == []
    assert leaks("\n".join(shown), secrets) == []

    rows = sorted(outbox(book), key=lambda row: row.payment_id)
    assert [row.state for row in rows] == [OutboxState.NEEDS_YOU] * 2 + [OutboxState.FAILED] * 3
    refused, unanswered, limited, signed = rows[:2], rows[3], rows[2], rows[4]
    assert OWN_WORDS[provider] in refused[0].remote_message  # the remote's words stay
    assert all(HIDDEN in row.remote_message for row in [*refused, unanswered])
    assert "did not answer" in unanswered.user_message
    assert "limit is reached" in limited.user_message  # the second run stopped on its 429
    assert f"ledgerdesk connect {provider}" in signed.user_message
    assert any(HIDDEN in text for text in shown)


def vars_of(row) -> list[object]:
    return [getattr(row, name) for name in row.__slots__ if name != "connection"]


@pytest.mark.parametrize("hostile", ["xero", "clockify"], indirect=True)
def test_an_invoice_that_quotes_our_secret_is_refused_in_one_line(
        hostile, cli, book, customer, issue, caplog) -> None:
    """A remote whose answer puts our API key or token into the invoice's currency, amount
    due and status: the value cannot be read, and the error that says so never quotes it."""
    caplog.set_level(logging.DEBUG)
    provider, remote = hostile
    path = Path(book.path)
    args, secret = connect_args(provider, remote)
    assert cli("connect", provider, path, *args, secret=secret)[0] == 0
    _, number = issue(customer, "100")
    remote.add_invoice(number, "100.00")
    remote.poisoned = True
    err = refused_in_one_line(cli("link", path, number))
    assert "could not read" in err and number in err
    with book.read() as tx:
        assert tx.find_link(1, LinkKind.DOCUMENT, "1") is None
    secrets = remote.secrets()
    assert leaks("\n".join([*cli.seen, caplog.text]), secrets) == []
    assert leaks(book_bytes(path), secrets) == []
