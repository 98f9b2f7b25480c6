"""Settings > Connections against the fake Xero and an in-memory keyring: add with a secret
typed once, test ("Connected as …"), edit, remove (asks, forgets the secret), and the secret
never shown anywhere."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from ledgerdesk.app.remotes import SyncRemotes
from ledgerdesk.domain.sync import Provider
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.sync import connections, outbox
from ledgerdesk.sync.credentials import SERVICE
from ledgerdesk.ui.connection_form import ConnectionFormDialog
from ledgerdesk.ui.connections_dialog import ConnectionsDialog
from ledgerdesk.ui.models.sync_rows import ConnectionColumn


@pytest.fixture
def remotes(xero, clock, monkeypatch):
    monkeypatch.setattr("ledgerdesk.sync.gateways.DEFAULT_TRANSPORT", xero.transport())
    monkeypatch.setattr("ledgerdesk.sync.gateways.DEFAULT_CLOCK", clock)
    return SyncRemotes()


@pytest.fixture
def session(book) -> Session:
    return Session.of(book, Path(book.path))


def _add_xero(qtbot, session, remotes, secret: str, tenant: str = "tenant-1"):
    form = ConnectionFormDialog(session, remotes)
    qtbot.addWidget(form)
    form.provider.setCurrentIndex(form.provider.findData("xero"))
    form.edits["base_url"].setText("https://xero.test/api.xro/2.0")
    form.edits["remote_id"].setText(tenant)
    form.edits["client_id"].setText("client-abc")
    form.edits["secret"].setText(secret)
    form.save()
    qtbot.waitUntil(lambda: form.saved is not None or form.message.text().startswith("Not"),
                    timeout=10000)
    return form


def _texts(widget: QWidget) -> list[str]:
    """Every text a person could read in ``widget`` and its children."""
    texts = [widget.windowTitle(), widget.toolTip()]
    for child in widget.findChildren(QWidget):
        texts.append(child.toolTip())
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QLineEdit):
            texts.append(child.displayText())
    return texts


def _cells(dialog: ConnectionsDialog) -> list[str]:
    model = dialog.model
    return [str(model.index(r, c).data()) for r in range(model.rowCount())
            for c in ConnectionColumn]


def test_adding_keeps_the_secret_in_the_keyring_only_and_tests_it(
        qtbot, session, remotes, xero, memory_keyring, caplog, book) -> None:
    caplog.set_level(logging.DEBUG)
    secret = xero.issue_refresh_token()
    form = _add_xero(qtbot, session, remotes, secret)
    assert form.saved is not None and form.saved.provider is Provider.XERO
    [stored] = connections(book)
    assert stored.remote_ids == {"tenant": "tenant-1"}
    assert stored.options["scopes"].split() == ["offline_access", "accounting.payments",
                                                "accounting.invoices.read"]
    assert any(ref == SERVICE for ref, _ in memory_keyring.entries)
    dialog = ConnectionsDialog(session, remotes)
    qtbot.addWidget(dialog)
    dialog.test()
    qtbot.waitUntil(lambda: "Connected as" in dialog.status.text(), timeout=10000)
    assert "Connected as Demo Company (NZ)." in _cells(dialog)
    # the keyring holds the rotated token now; neither it nor the first one shows anywhere
    kept = list(memory_keyring.entries.values())
    shown = _texts(form) + _texts(dialog) + _cells(dialog) + [caplog.text]
    for value in [secret, *kept]:
        assert not any(value in text for text in shown)


def test_a_refused_secret_is_not_saved_and_not_shown(
        qtbot, session, remotes, memory_keyring, caplog, book) -> None:
    caplog.set_level(logging.DEBUG)
    form = _add_xero(qtbot, session, remotes, "wrong-refresh-token-1234")
    assert form.saved is None and form.message.text().startswith("Not saved")
    assert connections(book) == [] and memory_keyring.entries == {}
    assert form.edits["secret"].text() == ""  # not kept in the form either
    assert not any("wrong-refresh-token-1234" in t for t in [*_texts(form), caplog.text])


def test_the_form_names_every_missing_field_and_keeps_the_text(
        qtbot, session, remotes, book) -> None:
    form = ConnectionFormDialog(session, remotes)
    qtbot.addWidget(form)
    form.provider.setCurrentIndex(form.provider.findData("clockify"))
    form.edits["base_url"].setText("clockify.test")
    form.save()
    assert "https://" in form.errors["base_url"].text()
    assert "Workspace id is needed" in form.errors["remote_id"].text()
    assert "API key is needed" in form.errors["secret"].text()
    assert form.edits["base_url"].text() == "clockify.test" and connections(book) == []


def test_edit_changes_base_url_and_scopes_and_keeps_the_secret(
        qtbot, xero_book, remotes) -> None:
    session = Session.of(xero_book.book, Path(xero_book.book.path))
    form = ConnectionFormDialog(session, remotes, existing=xero_book.connection)
    qtbot.addWidget(form)
    assert not form.provider.isEnabled()
    form.edits["scopes"].setText("offline_access accounting.transactions")
    form.edits["base_url"].setText("https://sandbox.xero.test/api.xro/2.0/")
    form.save()
    qtbot.waitUntil(lambda: form.saved is not None, timeout=10000)
    [edited] = connections(xero_book.book)
    assert edited.base_url == "https://sandbox.xero.test/api.xro/2.0"
    assert edited.options["scopes"] == "offline_access accounting.transactions"
    assert edited.options["token_url"] == xero_book.connection.options["token_url"]


def test_remove_asks_says_what_happens_to_queued_rows_and_forgets_the_secret(
        qtbot, xero_book, remotes, memory_keyring, customer, issue, pay, monkeypatch) -> None:
    document_id, number = issue(customer, "100")
    xero_book.xero.add_invoice(number, "100")
    xero_book.link([number])
    pay(customer, "40", (document_id, "40"))
    asked = []
    monkeypatch.setattr("ledgerdesk.ui.dialogs.confirm",
                        lambda parent, title, question, yes: asked.append(question) or True)
    session = Session.of(xero_book.book, Path(xero_book.book.path))
    dialog = ConnectionsDialog(session, remotes)
    qtbot.addWidget(dialog)
    dialog.remove()
    assert "1 payment push still queued will never be sent to Xero" in asked[0]
    assert connections(xero_book.book) == [] and outbox(xero_book.book) == []
    assert memory_keyring.entries == {}
    assert dialog.model.rowCount() == 0


def test_the_connections_model_passes_the_model_tester(qtmodeltester, xero_book, remotes,
                                                       qtbot) -> None:
    dialog = ConnectionsDialog(Session.of(xero_book.book, Path(xero_book.book.path)), remotes)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)


def test_a_refused_new_secret_keeps_the_working_one(qtbot, xero_book, remotes,
                                                     memory_keyring) -> None:
    before = dict(memory_keyring.entries)
    assert before  # the connection signed in with a working refresh token
    session = Session.of(xero_book.book, Path(xero_book.book.path))
    form = ConnectionFormDialog(session, remotes, existing=xero_book.connection)
    qtbot.addWidget(form)
    form.edits["secret"].setText("wrong-refresh-token-5678")
    form.save()
    qtbot.waitUntil(lambda: form.saved is not None or form.message.text().startswith("Not"),
                    timeout=10000)
    assert form.message.text().startswith("Not")
    assert memory_keyring.entries == before


def test_remove_with_a_keyring_that_cannot_be_changed_says_where_the_secrets_are_left(
        qtbot, xero_book, remotes, monkeypatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr("ledgerdesk.ui.dialogs.confirm", lambda *args: True)
    errors = []
    monkeypatch.setattr("ledgerdesk.ui.dialogs.error",
                        lambda parent, title, text: errors.append((title, text)))
    dialog = ConnectionsDialog(Session.of(xero_book.book, Path(xero_book.book.path)), remotes)
    qtbot.addWidget(dialog)
    keyring.set_keyring(fail.Keyring())  # the autouse memory keyring is put back after
    dialog.remove()
    assert connections(xero_book.book) == []
    [(title, text)] = errors
    assert title == "The keyring could not be changed"
    assert "still in the keyring" in text
