"""A keyring that does not keep a secret (the null backend drops it silently, the fail backend
raises) is found out when the secret is saved: one line, and no connection in the book.

Without the read-back, a DayZero connection or a Xero browser sign-in was saved with no
secret behind it, and the others failed later with "the keyring holds no …; connect again".
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import keyring
import pytest
from fake_clockify import FakeClockify
from fake_strapi import FakeStrapi
from fake_xero import BASE_URL, TOKEN_URL, FakeXero
from keyring.backends import fail, null

from ledgerdesk.cli import main
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.sync import connections
from ledgerdesk.sync import gateways

BACKENDS = {"null": null.Keyring, "fail": fail.Keyring}


def _connect_args(provider: str, remote) -> list[str]:
    return {
        "xero": ["--base-url", BASE_URL, "--tenant", "tenant-1", "--client-id", "app-1",
                 "--token-url", TOKEN_URL],
        "clockify": ["--base-url", "https://clockify.test/api/v1", "--workspace", "ws-1"],
        "dayzero": ["--base-url", "https://dayzero.test", "--business",
                    "0f8fad5b-d9cb-469f-a165-70867728950e"],
        "strapi": ["--base-url", "https://strapi.test", "--identifier", "books@example.test"],
    }[provider]


def _sync_audit_rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM audit_log WHERE entity LIKE 'sync_%'").fetchone()[0]


@pytest.fixture
def remote(clock):
    return FakeXero(clock)


@pytest.fixture
def cli(capsys, monkeypatch, remote, clock):
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", remote.transport())
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)

    def _run(*args: str, secret: str | None = None) -> tuple[int, str, str]:
        if secret is not None:
            monkeypatch.setenv("LEDGERDESK_SECRET", secret)
        capsys.readouterr()
        status = main(list(args))
        captured = capsys.readouterr()
        monkeypatch.delenv("LEDGERDESK_SECRET", raising=False)
        return status, captured.out, captured.err

    return _run


def _refused_in_one_line(status: int, out: str, err: str, backend: str) -> None:
    assert status != 0
    assert "Connected" not in out
    assert err.count("\n") == 1, err
    assert "did not keep the secret" in err and backend in err


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("provider", ["xero", "clockify", "dayzero", "strapi"])
def test_connect_refuses_a_keyring_that_does_not_keep_the_secret(
        cli, book, remote, provider, backend) -> None:
    keyring.set_keyring(BACKENDS[backend]())  # the autouse memory keyring is put back after
    secret = remote.issue_refresh_token() if provider == "xero" else "a-secret-1234"
    status, out, err = cli("connect", provider, str(book.path),
                           *_connect_args(provider, remote), secret=secret)
    _refused_in_one_line(status, out, err, backend)
    assert secret not in out + err
    assert remote.requests == []  # the remote is not even asked: nothing could be kept
    assert connections(book) == [] and _sync_audit_rows(book.path) == 0
    assert "no connections" in cli("connections", str(book.path))[1]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_browser_sign_in_refuses_a_keyring_that_drops_the_refresh_token(
        cli, book, remote, monkeypatch, backend) -> None:
    from ledgerdesk.sync.xero_auth import pkce_pair

    verifier, challenge = pkce_pair()
    monkeypatch.setattr(gateways, "pkce_pair", lambda: (verifier, challenge))
    code = remote.authorise(challenge)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"http://localhost:8765/callback?code={code}\n"))
    keyring.set_keyring(BACKENDS[backend]())
    status, out, err = cli("connect", "xero", str(book.path), *_connect_args("xero", remote),
                           "--sign-in")
    assert status != 0 and "Connected" not in out
    assert err.count("\n") == 1 and "did not keep the secret" in err and backend in err
    assert not any(token in out + err for token in remote.issued)
    assert connections(book) == [] and _sync_audit_rows(book.path) == 0


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("provider", ["xero", "clockify", "dayzero", "strapi"])
def test_the_connection_form_refuses_a_keyring_that_does_not_keep_the_secret(
        qtbot, book, clock, monkeypatch, provider, backend) -> None:
    from ledgerdesk.app.remotes import SyncRemotes
    from ledgerdesk.ui.connection_form import ConnectionFormDialog

    remote = {"xero": FakeXero, "clockify": FakeClockify, "dayzero": FakeXero,
              "strapi": FakeStrapi}[provider](clock)
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", remote.transport())
    keyring.set_keyring(BACKENDS[backend]())
    form = ConnectionFormDialog(Session.of(book, Path(book.path)), SyncRemotes())
    qtbot.addWidget(form)
    form.provider.setCurrentIndex(form.provider.findData(provider))
    args = _connect_args(provider, remote)
    form.edits["base_url"].setText(args[1])
    form.edits["remote_id"].setText(args[3])
    form.edits["client_id"].setText("app-1")
    form.edits["identifier"].setText("books@example.test")
    form.edits["secret"].setText("typed-secret-5678")
    form.save()
    qtbot.waitUntil(lambda: form.message.text().startswith("Not saved"), timeout=10000)
    message = form.message.text()
    assert "did not keep the secret" in message and backend in message
    assert "\n" not in message and "typed-secret-5678" not in message
    assert form.saved is None and connections(book) == [] and remote.requests == []
    assert _sync_audit_rows(book.path) == 0
