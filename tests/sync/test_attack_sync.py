"""Attack: ``connect``, ``connections``, ``link``, ``edit-connection``, ``disconnect`` and
``sync`` with hostile addresses, ids, secrets, pairs and books, against the fake Xero (no
request leaves the process) on a fake clock (no retry waits).

Each example starts from the same demo book connected to the fake Xero with a payment
queued, the same remote and the same keyring, so what one example sends or removes does
not leak into the next.  What must hold is ``cli_attack``'s.
"""

from __future__ import annotations

import copy
import io
import os
import shutil
import sys
from typing import Any

import pytest
from fake_xero import BASE_URL, TOKEN_URL
from hypothesis import given
from hypothesis import strategies as st

from cli_attack import attack_settings, option, options
from hostile_inputs import (
    DEMO_ACCOUNTS,
    DEMO_DOCUMENTS,
    book_files,
    either,
    mostly,
    spoiled,
    texts,
)
from ledgerdesk.app.files import opened
from ledgerdesk.cli import main
from ledgerdesk.cli.sync_parser import PROVIDERS
from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.services.sync import add_connection, link_account, link_document_to, outbox
from ledgerdesk.sync import gateways
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.xero_auth import REFRESH_TOKEN

URLS = ("https://xero.test/api.xro/2.0", BASE_URL + "/", "http://localhost:8765/x",
        "https://", "http://\x00x", "https://a b/", "ftp://xero.test", "https://[::1",
        "https://xero.test:99999/", "https://user:pass@xero.test/", "xero.test/api",
        "https://xn--/", "https://" + "x" * 300 + ".test/", " https://xero.test ")
IDS = ("1", "1", "2", "3", "331", "0", "-1", "99999999999999999999", "²", "abc")
TEMPLATES = st.sampled_from(("connected", "connected", "demo"))
VALID = "(a refresh token the fake Xero issued)"


@pytest.fixture
def connected(attacker, xero, memory_keyring, tmp_path, monkeypatch):
    """The demo book connected to ``xero`` as the "connected" template: bank account 1000
    and invoices INV-00029 and INV-00047 linked, outbox row 1 (22.00 on INV-00047, which
    Xero says is owed only 10.00) needing you and row 2 (40.00 on INV-00029) queued.
    Returns a function that puts the remote, its clock, the keyring, $LEDGERDESK_SECRET
    and standard input back as they were, for the next example."""
    path = tmp_path / "connected.book"
    shutil.copyfile(attacker.templates["demo"], path)
    SecretStore("xero-1").set(REFRESH_TOKEN, xero.issue_refresh_token())
    with opened(path) as book:
        cid = add_connection(book, Connection(
            Provider.XERO, BASE_URL, {"tenant": xero.tenant},
            {"client_id": "client-abc", "token_url": TOKEN_URL}, "xero-1"))
        link_account(book, cid, "1000", "090")
        link_document_to(book, cid, "INV-00029", xero.add_invoice("INV-00029", "100.00"))
        link_document_to(book, cid, "INV-00047", xero.add_invoice("INV-00047", "10.00"))
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", xero.transport())
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", xero.clock)
    payer = ["--contact=Meadowbank Primary School", "--date=2030-01-15"]
    assert main(["pay", str(path), *payer, "--amount=22", "--allocate=INV-00047=22"]) == 0
    assert main(["sync", str(path)]) == 1
    assert main(["pay", str(path), *payer, "--amount=40", "--allocate=INV-00029=40"]) == 0
    with opened(path) as book:
        assert [row.state.label for row in outbox(book)] == ["needs you", "pending"]
    attacker.templates["connected"] = path
    keys = dict(memory_keyring.entries)

    def reset(secret: str | None = None, typed: str = "") -> Any:
        remote = copy.deepcopy(xero)
        monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", remote.transport())
        monkeypatch.setattr(gateways, "DEFAULT_CLOCK", remote.clock)
        memory_keyring.entries = dict(keys)
        if secret is None:
            monkeypatch.delenv("LEDGERDESK_SECRET", raising=False)
        else:
            monkeypatch.setenv("LEDGERDESK_SECRET", secret)
        monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
        return remote

    return reset


def urls() -> st.SearchStrategy[str]:
    return either(URLS, texts())


def environment_texts() -> st.SearchStrategy[str]:
    """What an environment variable can hold: anything but NUL."""
    return texts().filter(lambda t: "\x00" not in t)


def words() -> st.SearchStrategy[str]:
    """Texts for a value that follows its option as a separate argument (``--scopes``)."""
    return texts().filter(lambda t: not t.startswith("-"))


CONNECT = {
    "--base-url": BASE_URL, "--tenant": "tenant-1", "--client-id": "client-abc",
    "--token-url": TOKEN_URL, "--workspace": "w-1", "--business": "b-1", "--identifier": "me",
}
CONNECT_HOSTILE = {flag: texts() for flag in CONNECT} | {
    "--base-url": urls(), "--token-url": urls(), "--redirect-uri": urls(),
    "--authorize-url": urls()}


@attack_settings(30)
@given(provider=mostly(st.sampled_from(PROVIDERS), texts()),
       values=spoiled(CONNECT, CONNECT_HOSTILE), joined=st.booleans(),
       scopes=mostly(st.just([]), st.lists(words(), min_size=1, max_size=3), 8),
       sign_in=st.booleans(), secret=mostly(st.just(VALID), st.none() | environment_texts(), 2),
       typed=texts(), template=TEMPLATES)
def test_connect_with_hostile_arguments_and_secrets(
        attacker, connected, provider, values, joined, scopes, sign_in, secret, typed,
        template):
    remote = connected(secret if secret != VALID else None, typed)
    if secret == VALID:
        os.environ["LEDGERDESK_SECRET"] = remote.issue_refresh_token()
    args = options(values, joined) + (["--scopes", *scopes] if scopes else [])
    with attacker.scene() as scene:
        book = scene.book(template)
        connect = scene.run("connect", *args, *["--sign-in"] * sign_in, "--", provider, book,
                            writes=True)
        if connect.status == 0:
            scene.run("sync", book, writes=True)  # what was stored must work, or say why


def pairs(local: tuple[str, ...], remote: tuple[str, ...]) -> st.SearchStrategy[str]:
    pair = st.builds(lambda a, b: f"{a}={b}", either(local, texts()), either(remote, texts()))
    return st.one_of(pair, texts())


LINK = {"--account": "1010=091", "--document": "INV-00001=remote-1", "--payment": "331=tx-1",
        "--provider": None, "--connection": None}
LINK_HOSTILE = {
    "--account": st.lists(pairs(DEMO_ACCOUNTS, ("090", "")), max_size=2),
    "--document": st.lists(pairs(DEMO_DOCUMENTS, ("remote-2",)), max_size=2),
    "--payment": st.lists(pairs(IDS, ("tx-1",)), max_size=2),
    "--provider": either(tuple(PROVIDERS), texts()), "--connection": either(IDS, texts()),
}


@attack_settings(30)
@given(values=spoiled(LINK, LINK_HOSTILE), joined=st.booleans(),
       numbers=mostly(st.just(["INV-00029"]), st.lists(either(DEMO_DOCUMENTS, texts()),
                                                      max_size=3)),
       template=TEMPLATES)
def test_link_with_hostile_pairs_and_numbers(attacker, connected, values, joined, numbers,
                                             template):
    connected()
    with attacker.scene() as scene:
        scene.run("link", *options(values, joined), "--", scene.book(template), *numbers,
                  writes=True)


EDIT = {"--connection": "1", "--base-url": BASE_URL, "--remote-id": "tenant=tenant-1"}
EDIT_HOSTILE = {"--connection": either(IDS, texts()), "--base-url": urls(),
                "--remote-id": st.lists(pairs(("tenant", "workspace", "business"),
                                              ("t-2",)), max_size=2)}


@attack_settings(25)
@given(values=spoiled(EDIT, EDIT_HOSTILE), joined=st.booleans(),
       scopes=mostly(st.just([]), st.lists(words(), min_size=1, max_size=2)),
       disconnect=st.integers(0, 3), template=TEMPLATES)
def test_edit_connection_and_disconnect_with_hostile_arguments(
        attacker, connected, values, joined, scopes, disconnect, template):
    connected()
    with attacker.scene() as scene:
        book = scene.book(template)
        if disconnect == 0:
            chosen = option("--connection", values["--connection"], joined)
            scene.run("disconnect", *chosen, "--", book, writes=True)
            return
        args = options(values, joined) + (["--scopes", *scopes] if scopes else [])
        if scene.run("edit-connection", *args, "--", book, writes=True).status == 0:
            scene.run("sync", book, writes=True)  # what was stored must work, or say why


SYNC = {"--retry": "1", "--provider": None, "--connection": None}
SYNC_HOSTILE = {"--retry": st.lists(either(IDS, texts()), max_size=2),
                "--provider": either(tuple(PROVIDERS), texts()),
                "--connection": either(IDS, texts())}


@attack_settings(25)
@given(values=spoiled(SYNC, SYNC_HOSTILE), joined=st.booleans(), template=TEMPLATES)
def test_sync_with_hostile_options(attacker, connected, values, joined, template):
    connected()
    with attacker.scene() as scene:
        scene.run("sync", *options(values, joined), "--", scene.book(template), writes=True)


@attack_settings(15)
@given(command=st.sampled_from(("connections", "sync", "disconnect", "link")),
       book=book_files())
def test_the_sync_commands_on_a_hostile_book_file(attacker, connected, command, book):
    connected()
    with attacker.scene() as scene:
        path = scene.file(book, "connected")
        extra = {"disconnect": ["--connection=1"], "link": ["--account=1000=090"]}
        scene.run(command, *extra.get(command, []), "--", path, writes=True)
