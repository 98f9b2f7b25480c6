"""The window against remotes that echo our request in every error: testing a connection
(File > Connections) and finding a document to link show the remote's refusal, keep what it
said in the book, and never a secret."""

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
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from ledgerdesk.app.remotes import SyncRemotes
from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.sync import add_connection, connections
from ledgerdesk.sync import gateways
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.ui.connections_dialog import ConnectionsDialog
from ledgerdesk.ui.link_dialog import LinkDialog

HIDDEN = "[hidden]"
FIVE = 5
WHO = {"xero": [("GET", r"/Organisation$", "500")] * FIVE,
       "clockify": [("GET", r"/invoices$", "500")] * FIVE,
       "strapi": [("POST", r"^/auth/local$", "400")], "dayzero": []}


def connected(provider: str, book, clock):
    """A connection to a hostile remote, its secret in the keyring, as ``connect`` leaves it."""
    if provider == "xero":
        remote = HostileXero(clock)
        secret, name = remote.issue_refresh_token(), "refresh_token"
        connection = Connection(Provider.XERO, XERO_URL, {"tenant": remote.tenant},
                                {"client_id": "app-1", "token_url": TOKEN_URL}, "ref-1")
    elif provider == "clockify":
        remote = HostileClockify(clock)
        secret, name = remote.api_key, "api_key"
        connection = Connection(Provider.CLOCKIFY, CLOCKIFY_URL,
                                {"workspace": remote.workspace}, {}, "ref-1")
    elif provider == "dayzero":
        remote = HostileDayZero(clock)
        secret, name = remote.token, "token"
        connection = Connection(Provider.DAYZERO, DAYZERO_URL, {"business": remote.business},
                                {}, "ref-1")
    else:
        remote = HostileStrapi(clock)
        secret, name = remote.password, "password"
        connection = Connection(Provider.STRAPI, STRAPI_URL, {}, {"identifier": USER}, "ref-1")
    SecretStore("ref-1").set(name, secret)
    add_connection(book, connection)
    return remote


@pytest.fixture
def remotes(monkeypatch, clock):
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)
    return SyncRemotes()


def texts(widget: QWidget) -> list[str]:
    """Every text a person could read in ``widget`` and its children."""
    found = [widget.windowTitle(), widget.toolTip()]
    for child in widget.findChildren(QWidget):
        found.append(child.toolTip())
        if isinstance(child, QLabel | QAbstractButton):
            found.append(child.text())
        if isinstance(child, QLineEdit):
            found.append(child.displayText())
    return found


def book_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


@pytest.mark.parametrize("provider", list(WHO))
def test_testing_a_connection_shows_the_refusal_without_a_secret(
        qtbot, book, clock, remotes, monkeypatch, caplog, provider) -> None:
    caplog.set_level(logging.DEBUG)
    remote = connected(provider, book, clock)
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", remote.transport())
    remote.plan += WHO[provider]
    dialog = ConnectionsDialog(Session.of(book, Path(book.path)), remotes)
    qtbot.addWidget(dialog)
    dialog.test()
    qtbot.waitUntil(lambda: bool(connections(book)[0].label), timeout=10000)
    [kept] = connections(book)
    cells = [str(dialog.model.index(r, c).data()) for r in range(dialog.model.rowCount())
             for c in range(dialog.model.columnCount())]
    secrets = remote.secrets()
    assert leaks(book_bytes(Path(book.path)), secrets) == []
    assert leaks("\n".join([*texts(dialog), *cells, caplog.text]), secrets) == []
    if WHO[provider]:
        assert leaks(" ".join(remote.echoed), secrets)  # the remote did echo them
        assert kept.label.startswith("Not connected:") and HIDDEN in kept.label
        assert HIDDEN in dialog.status.text() and kept.label in cells


@pytest.mark.parametrize("provider", ["xero", "clockify"])
def test_finding_a_document_to_link_shows_no_answer_without_a_secret(
        qtbot, book, clock, remotes, monkeypatch, caplog, customer, issue, provider) -> None:
    caplog.set_level(logging.DEBUG)
    remote = connected(provider, book, clock)
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", remote.transport())
    _, number = issue(customer, "100")
    remote.add_invoice(number, "100.00")
    remote.plan += [("GET", r"/(Invoices|invoices)$", "500")] * FIVE
    dialog = LinkDialog(Session.of(book, Path(book.path)), remotes, number)
    qtbot.addWidget(dialog)
    dialog.find()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("No answer"), timeout=10000)
    assert HIDDEN in dialog.message.text()
    secrets = remote.secrets()
    assert leaks(" ".join(remote.echoed), secrets)
    assert leaks("\n".join([*texts(dialog), caplog.text]), secrets) == []


PROOF = {"xero": [("POST", r"^/connect/token$", "400")],
         "clockify": [("GET", r"/invoices$", "500")] * FIVE,
         "strapi": [("POST", r"^/auth/local$", "400")]}


@pytest.mark.parametrize("provider", list(PROOF))
def test_the_connection_form_shows_a_refused_sign_in_without_a_secret(
        qtbot, book, clock, remotes, monkeypatch, caplog, provider) -> None:
    from ledgerdesk.ui.connection_form import ConnectionFormDialog

    caplog.set_level(logging.DEBUG)
    remote = {"xero": HostileXero, "clockify": HostileClockify, "strapi": HostileStrapi}[
        provider](clock)
    secret = {"xero": lambda: remote.issue_refresh_token(), "clockify": lambda: remote.api_key,
              "strapi": lambda: remote.password}[provider]()
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", remote.transport())
    remote.plan += PROOF[provider]
    form = ConnectionFormDialog(Session.of(book, Path(book.path)), remotes)
    qtbot.addWidget(form)
    form.provider.setCurrentIndex(form.provider.findData(provider))
    base_url = {"xero": XERO_URL, "clockify": CLOCKIFY_URL, "strapi": STRAPI_URL}[provider]
    form.edits["base_url"].setText(base_url)
    form.edits["remote_id"].setText("tenant-1" if provider == "xero" else remote.workspace
                                    if provider == "clockify" else "")
    form.edits["client_id"].setText("app-1")
    form.edits["identifier"].setText(USER)
    form.edits["secret"].setText(secret)
    form.save()
    qtbot.waitUntil(lambda: form.message.text().startswith("Not saved"), timeout=10000)
    assert HIDDEN in form.message.text() and connections(book) == []
    secrets = remote.secrets()
    assert leaks(" ".join(remote.echoed), secrets)
    assert leaks("\n".join([*texts(form), caplog.text]), secrets) == []
    assert leaks(book_bytes(Path(book.path)), secrets) == []
