"""Sync fixtures: an in-memory keyring for every test, a fake clock, a fake Xero, and a book
connected to it with a bank account linked (``xero_book``; ``clockify_book``; ``remote_book``
runs a test against each).  ``book`` here replaces the
root fixture of the same name with one on a RAM disk.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest
from fake_clock import FakeClock
from fake_clockify import BASE_URL as CLOCKIFY_URL
from fake_clockify import FakeClockify
from fake_dayzero import BASE_URL as DAYZERO_URL
from fake_dayzero import FakeDayZero
from fake_strapi import BASE_URL as STRAPI_URL
from fake_strapi import USER as STRAPI_USER
from fake_strapi import FakeStrapi
from fake_xero import BASE_URL, TOKEN_URL, FakeXero
from keyring.backend import KeyringBackend

from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.services.sync import (
    add_connection,
    link_account,
    link_document_to,
    link_documents,
    match_transaction,
    outbox,
)
from ledgerdesk.sync.clockify import API_KEY as CLOCKIFY_KEY_NAME
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.dayzero import TOKEN as DAYZERO_TOKEN_NAME
from ledgerdesk.sync.gateways import open_gateway
from ledgerdesk.sync.http import RetryPolicy
from ledgerdesk.sync.strapi import PASSWORD as STRAPI_PASSWORD_NAME
from ledgerdesk.sync.xero_auth import REFRESH_TOKEN


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only: tests never touch the machine's keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def book(tmp_path) -> Iterator:
    """The book on a RAM disk where there is one: these tests make thousands of small commits
    and are about the protocol with the remote, not about fsync (storage tests cover that)."""
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else tmp_path) as folder:
        opened = create_book(Path(folder) / "t.book")
        try:
            initialise_book(opened, "Test Co", "EUR")
            yield opened
        finally:
            opened.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def xero(clock) -> FakeXero:
    return FakeXero(clock)


@dataclass
class RemoteBook:
    """A book connected to a fake remote; ``gateway()`` opens a fresh one (a new process)."""

    book: Any
    remote: Any  # FakeXero or FakeClockify
    clock: FakeClock
    connection: Connection
    seed: int = 1

    @property
    def xero(self) -> FakeXero:
        return self.remote

    def link(self, numbers: list[str]) -> list:
        """Link local documents to the remote ones of the same number, as a user would:
        found through the API where it can, else by the remote's id."""
        gateway = self.gateway(tries=8)
        if gateway.finds_by_number:
            return link_documents(self.book, gateway, numbers)
        ids = {invoice.number: invoice.id for invoice in self.remote.invoices.values()}
        return [link_document_to(self.book, self.connection.id, n, ids[n]) for n in numbers]

    def after_pay(self, payment_id: int) -> None:
        """What a user (DayZero) or the fake (Strapi) needs to know about a new payment."""
        rows = [row for row in outbox(self.book) if row.payment_id == payment_id]
        if self.connection.provider is Provider.DAYZERO:
            transaction = self.remote.new_transaction()
            match_transaction(self.book, self.connection.id, payment_id, transaction)
            for row in rows:
                self.remote.token_of_transaction[transaction] = row.client_token
        if self.connection.provider is Provider.STRAPI:
            for row in rows:
                with self.book.read() as tx:
                    document = tx.get_document(row.document_id)
                key = (row.date.isoformat(), row.amount.amount, document.due_date.isoformat())
                self.remote.expect(key, row.client_token, document.number)

    def gateway(self, tries: int = 5):
        self.seed += 1
        return open_gateway(self.connection, clock=self.clock, transport=self.remote.transport(),
                            rng=random.Random(self.seed), policy=RetryPolicy(tries=tries))


def _connected(book, remote, clock, connection: Connection) -> RemoteBook:
    connection_id = add_connection(book, connection)
    link_account(book, connection_id, "1000", "090")
    with book.read() as tx:
        stored = tx.get_connection(connection_id)
    return RemoteBook(book, remote, clock, stored)


def connect_xero(book, xero: FakeXero, clock: FakeClock) -> RemoteBook:
    SecretStore("xero-1").set(REFRESH_TOKEN, xero.issue_refresh_token())
    return _connected(book, xero, clock, Connection(
        Provider.XERO, BASE_URL, {"tenant": xero.tenant},
        {"client_id": "client-abc", "token_url": TOKEN_URL}, "xero-1",
    ))


def connect_clockify(book, clockify: FakeClockify, clock: FakeClock) -> RemoteBook:
    SecretStore("clockify-1").set(CLOCKIFY_KEY_NAME, clockify.api_key)
    return _connected(book, clockify, clock, Connection(
        Provider.CLOCKIFY, CLOCKIFY_URL, {"workspace": clockify.workspace}, {}, "clockify-1",
    ))


def connect_dayzero(book, dayzero: FakeDayZero, clock: FakeClock) -> RemoteBook:
    SecretStore("dayzero-1").set(DAYZERO_TOKEN_NAME, dayzero.token)
    return _connected(book, dayzero, clock, Connection(
        Provider.DAYZERO, DAYZERO_URL, {"business": dayzero.business}, {}, "dayzero-1",
    ))


def connect_strapi(book, strapi: FakeStrapi, clock: FakeClock) -> RemoteBook:
    SecretStore("strapi-1").set(STRAPI_PASSWORD_NAME, strapi.password)
    return _connected(book, strapi, clock, Connection(
        Provider.STRAPI, STRAPI_URL, {}, {"identifier": STRAPI_USER}, "strapi-1",
    ))


@pytest.fixture
def xero_book(book, xero, clock) -> RemoteBook:
    return connect_xero(book, xero, clock)


@pytest.fixture
def clockify_book(book, clock) -> RemoteBook:
    return connect_clockify(book, FakeClockify(clock), clock)


@pytest.fixture
def dayzero_book(book, clock) -> RemoteBook:
    return connect_dayzero(book, FakeDayZero(clock), clock)


@pytest.fixture
def strapi_book(book, clock) -> RemoteBook:
    return connect_strapi(book, FakeStrapi(clock), clock)


@pytest.fixture(params=["xero", "clockify", "dayzero", "strapi"])
def remote_book(request, book, clock) -> RemoteBook:
    """The same test against each provider's fake."""
    connect, fake = {
        "xero": (connect_xero, FakeXero), "clockify": (connect_clockify, FakeClockify),
        "dayzero": (connect_dayzero, FakeDayZero), "strapi": (connect_strapi, FakeStrapi),
    }[request.param]
    return connect(book, fake(clock), clock)


@pytest.fixture
def pay(pay, request):
    """The root ``pay``, and for DayZero the match to a bank transaction a user would make."""
    names = [n for n in ("remote_book", "strapi_book") if n in request.fixturenames]
    remote = request.getfixturevalue(names[0]) if names else None
    record = pay

    def _pay(*args, **kw):
        recorded = record(*args, **kw)
        if remote is not None:
            remote.after_pay(recorded.payment_id)
        return recorded

    return _pay
