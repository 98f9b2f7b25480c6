"""Regressions found by ``test_attack_sync.py``: a refused ``link`` or ``sync`` changes
nothing, even when part of what it was asked was fine, and a secret that is not UTF-8
text is refused in one line."""

from __future__ import annotations

import io
import sys

from fake_xero import BASE_URL, TOKEN_URL
from test_cli_sync import connected, run  # noqa: F401  (fixtures)

from ledgerdesk.domain.sync import LinkKind
from ledgerdesk.services.sync import outbox


def link_of(book, kind: LinkKind, local: str):
    with book.read() as tx:
        return tx.find_link(1, kind, local)


def test_link_writes_nothing_when_any_pair_is_refused(run, connected, book):  # noqa: F811
    path, _, _ = connected
    for bad in (["--document", "NOPE-1=x"], ["--payment", "999999=tx"],
                ["--account", "9999=092"]):
        status, out, err = run("link", path, "--account", "1010=091", *bad)
        assert (status, out) == (1, "")
        assert err.count("\n") == 1 and err.startswith("ledgerdesk: error: ")
        assert link_of(book, LinkKind.ACCOUNT, "1010") is None


def test_link_finds_a_number_typed_in_small_letters(run, connected, book):  # noqa: F811
    path, first, _ = connected
    status, _, err = run("link", path, "--document", f"{first[1].lower()}=remote-9")
    assert (status, err) == (0, "")
    assert link_of(book, LinkKind.DOCUMENT, str(first[0])).remote_id == "remote-9"


def test_sync_retries_nothing_when_it_is_refused(run, connected, book, pay, customer):  # noqa: F811
    path, _, second = connected
    pay(customer, "30", (second[0], "30"))  # Xero says 20.00 is due: needs you
    assert run("sync", path)[0] == 1
    [row] = outbox(book)
    for bad in (["--connection", "2"], ["--retry", "999"], ["--provider", "clockify"]):
        status, _, err = run("sync", path, "--retry", row.id, *bad)
        assert status == 1 and err.count("\n") == 1, err
        assert [r.state.label for r in outbox(book)] == ["needs you"]


def test_a_secret_that_is_not_utf8_is_refused_in_one_line(
        run, book, xero, memory_keyring, monkeypatch):  # noqa: F811
    connect = ("connect", "xero", book.path, "--base-url", BASE_URL, "--tenant", xero.tenant,
               "--client-id", "app", "--token-url", TOKEN_URL)
    status, _, err = run(*connect, secret="caf\udce9")
    assert status == 1
    assert err == ("ledgerdesk: error: The secret in $LEDGERDESK_SECRET is not UTF-8 text; "
                   "give it again from a terminal or file in UTF-8.\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9\n"), "utf-8"))
    status, _, err = run(*connect)
    assert status == 1
    assert err == ("ledgerdesk: error: The secret on standard input is not UTF-8 text; "
                   "give it again from a terminal or file in UTF-8.\n")
    assert memory_keyring.entries == {}
    assert "no connections" in run("connections", book.path)[1]


def test_an_api_key_http_cannot_carry_is_refused_in_one_line(
        capsys, monkeypatch, book, clock, memory_keyring):
    from fake_clockify import BASE_URL as CLOCKIFY_URL
    from fake_clockify import FakeClockify

    from ledgerdesk.cli import main
    from ledgerdesk.sync import gateways

    clockify = FakeClockify(clock)
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", clockify.transport())
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)
    monkeypatch.setenv("LEDGERDESK_SECRET", "clé-1")  # typed with an accent
    status = main(["connect", "clockify", str(book.path), "--base-url", CLOCKIFY_URL,
                   "--workspace", clockify.workspace])
    assert status == 1
    assert capsys.readouterr().err == (
        "ledgerdesk: error: The connection's secret or one of its ids holds characters HTTP "
        "cannot send (only plain ASCII letters, digits and signs); give the right one.\n")
    assert memory_keyring.entries == {}
    assert clockify.requests == []


def test_a_base_url_http_cannot_use_stops_the_sync_saying_what_to_correct(
        run, connected, pay, customer):  # noqa: F811
    path, first, _ = connected
    assert run("edit-connection", path, "--connection", "1", "--base-url",
               "https://xn--/api")[0] == 0
    pay(customer, "10", (first[0], "10"))
    status, out, err = run("sync", path)
    assert (status, err) == (1, "")
    assert ("Stopped: The connection's base URL is not an address HTTP can use; correct it "
            "(ledgerdesk edit-connection, or Settings > Connections).\n") in out
    assert "connect xero" not in out


def test_a_retry_after_in_other_digits_is_waited_out_like_no_retry_after(clock):
    import httpx

    from ledgerdesk.sync.http import RemoteClient

    answers = [httpx.Response(429, headers=[(b"Retry-After", "²".encode())]),
               httpx.Response(200, json={})]
    http = httpx.Client(transport=httpx.MockTransport(lambda request: answers.pop(0)))

    class NoAuth:
        def headers(self) -> dict[str, str]:
            return {}

        def refresh(self) -> None:
            raise AssertionError("not asked to sign in again")

    client = RemoteClient(http, NoAuth(), clock)
    assert client.call("GET", "https://remote.test/x", safe=True).status == 200
    assert 0 <= clock.slept <= 2  # a backoff, not two seconds read from "²"


def test_a_strapi_site_answering_with_a_web_page_is_a_refused_sign_in(
        capsys, monkeypatch, book, clock, memory_keyring):
    import httpx

    from ledgerdesk.cli import main
    from ledgerdesk.sync import gateways

    page = httpx.MockTransport(lambda request: httpx.Response(200, text="<html>Welcome</html>"))
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", page)
    monkeypatch.setenv("LEDGERDESK_SECRET", "pw")
    status = main(["connect", "strapi", str(book.path), "--base-url", "https://shop.test",
                   "--identifier", "me"])
    assert status == 1
    assert capsys.readouterr().err == (
        "ledgerdesk: error: Strapi refused the sign-in for me (HTTP 200).\n")
    assert memory_keyring.entries == {}


def test_an_address_python_cannot_even_split_is_no_web_address(
        run, connected, book, xero, memory_keyring):  # noqa: F811
    path, _, _ = connected
    status, _, err = run("edit-connection", path, "--connection", "1", "--base-url",
                         "https://[::1")
    assert status == 1
    assert err == ("ledgerdesk: error: --base-url 'https://[::1' is not a web address; write "
                   "it in full, like https://api.example.com/v1.\n")  # as connect says it
    status, _, err = run("connect", "xero", path, "--base-url", "https://[::1", "--tenant", "t",
                         "--client-id", "app", secret=xero.issue_refresh_token())
    assert status == 1 and "--base-url 'https://[::1' is not a web address" in err
