"""``ConnectionFormDialog``: add or edit one connection; the secret goes to the keyring only.

The secret is typed into a password field (or, for Xero, replaced by signing in through the
browser and pasting back the address it lands on).  Signing in talks to the remote, so it
runs off the GUI thread; the book is written only once the remote has said yes.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.presentation.connection_form import (
    BASE_URLS,
    REDIRECT_URI,
    REMOTE_ID,
    SECRET_LABEL,
    ConnectionDraft,
)
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.sync import add_connection
from ledgerdesk.services.sync_admin import Remotes, edit_connection
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.widgets import error_label, save_cancel_dialog
from ledgerdesk.ui.workers import run_in_background

FIELDS = ("base_url", "remote_id", "client_id", "scopes", "identifier", "secret")
#: What to type in each field, for a screen reader (the labels change with the service).
FIELD_DESCRIPTIONS = {
    "base_url": N_("The address of the service's API"),
    "remote_id": N_("The id of the organisation, tenant or workspace in the service"),
    "client_id": N_("The id the service gave this application"),
    "scopes": N_("What the application may do in the service, as the service names it"),
    "identifier": N_("The user name or email address that signs in"),
    "secret": N_("The password, key or token that signs in; kept in the system keyring"),
}


class ConnectionFormDialog(QDialog):
    def __init__(self, session: Session, remotes: Remotes, parent: QWidget | None = None,
                 existing: Connection | None = None) -> None:
        super().__init__(parent)
        self.session, self.remotes, self.existing = session, remotes, existing
        self.secret_ref = existing.secret_ref if existing else remotes.new_secret_ref()
        self.saved: Connection | None = None
        self._browser: tuple[str, str, str] | None = None  # pasted address, verifier, state
        self.setWindowTitle(_("Edit connection") if existing else _("Add a connection"))
        self.provider = QComboBox()
        described(self.provider, _("The service this book sends payments to"))
        for provider in Provider:
            self.provider.addItem(provider.label, provider.value)
        self.edits = {name: described(QLineEdit(), _(FIELD_DESCRIPTIONS[name]))
                      for name in FIELDS}
        self.edits["secret"].setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {name: error_label() for name in FIELDS}
        self.labels = {name: QLabel() for name in FIELDS}
        self.sign_in_button = QPushButton(_("Sign in with &Xero in the browser…"))
        described(self.sign_in_button, _("Opens Xero in the browser to sign in; the connection's "
                                         "ids and token are filled in when you come back"))
        self.sign_in_button.clicked.connect(self.browser_sign_in)
        form = QFormLayout()
        form.addRow(_("Se&rvice:"), self.provider)
        for name in FIELDS:
            self.labels[name].setBuddy(self.edits[name])
            form.addRow(self.labels[name], self.edits[name])
            form.addRow("", self.errors[name])
        form.addRow("", self.sign_in_button)
        self.message = save_cancel_dialog(self, form, self.save, 640)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        if existing is not None:
            self.provider.setCurrentIndex(self.provider.findData(existing.provider.value))
            self.provider.setEnabled(False)
            self._fill(ConnectionDraft.of(existing))
            self.edits["secret"].setPlaceholderText(_("leave empty to keep the current one"))
        self._provider_changed()

    @property
    def chosen(self) -> Provider:
        return Provider(self.provider.currentData())

    def _fill(self, draft: ConnectionDraft) -> None:
        for name in FIELDS:
            self.edits[name].setText(getattr(draft, name))

    def _provider_changed(self) -> None:
        draft = ConnectionDraft(self.chosen)
        if self.existing is None:
            self.edits["base_url"].setText(BASE_URLS[self.chosen])
            self.edits["scopes"].setText(draft.scopes)
        texts = {"base_url": _("&Base URL:"), "client_id": _("&Client id:"),
                 "scopes": _("Sco&pes:"),
                 "identifier": _("&User name:"), "secret": SECRET_LABEL[self.chosen],
                 "remote_id": REMOTE_ID.get(self.chosen, ("", _("&Id:")))[1]}
        for name in FIELDS:
            shown = name in draft.uses or name in ("base_url", "secret")
            self.labels[name].setText(texts[name])
            self.labels[name].setVisible(shown)
            self.edits[name].setVisible(shown)
            self.errors[name].hide()
        self.sign_in_button.setVisible(self.chosen is Provider.XERO)
        self.resize(max(self.width(), 640), self.sizeHint().height())

    def draft(self) -> ConnectionDraft:
        values = {name: self.edits[name].text() for name in FIELDS}
        return ConnectionDraft(self.chosen, **values)

    def _show_problems(self, problems: dict[str, str]) -> bool:
        for name in FIELDS:
            self.errors[name].setText(problems.get(name, ""))
            self.errors[name].setVisible(name in problems)
        return not problems

    def browser_sign_in(self) -> None:
        """Open Xero's sign-in page; the address it sends the browser to is pasted back."""
        problems = self.draft().problems(secret_required=False)
        if not self._show_problems(problems):
            return
        connection = self.draft().connection(self.secret_ref, self.existing)
        url, verifier, state = self.remotes.start_browser_sign_in(connection, REDIRECT_URI)
        QDesktopServices.openUrl(QUrl(url))
        pasted, ok = QInputDialog.getText(
            self, _("Sign in with Xero"), _("Sign in and allow access in the browser, then paste "
                                            "the address the browser was "
                                            "sent to:"), QLineEdit.EchoMode.Password)
        if ok and pasted.strip():
            self._browser = (pasted.strip(), verifier, state)
            self.message.setText(_("Signed in through the browser; Save finishes the connection."))
            self.message.show()

    def save(self) -> None:
        draft = self.draft()
        needs_secret = self.existing is None
        if not self._show_problems(draft.problems(secret_required=needs_secret,
                                                  browser=self._browser is not None)):
            return
        connection = draft.connection(self.secret_ref, self.existing)
        secret, browser, remotes = draft.secret.strip(), self._browser, self.remotes

        def sign_in(_progress) -> None:
            if browser is not None:
                remotes.finish_browser_sign_in(connection, *browser, REDIRECT_URI)
            elif secret:
                remotes.sign_in(connection, secret)

        self.edits["secret"].clear()  # it is on its way to the keyring, not kept here
        self._browser = None
        run_in_background(self, _("Signing in to {label}…").format(
                                    label=connection.provider.label), sign_in,
                          lambda _: self._store(connection), self._refused)

    def _store(self, connection: Connection) -> None:
        try:
            if self.existing is None:
                connection = Connection(connection.provider, connection.base_url,
                                        connection.remote_ids, connection.options,
                                        connection.secret_ref,
                                        id=add_connection(self.session.book, connection))
            else:
                edit_connection(self.session.book, connection)
        except (NotAllowed, NotFound, BookFailure) as exc:
            self._refused(str(exc))
            return
        self.saved = connection
        self.accept()

    def _refused(self, message: str) -> None:
        self.message.setText(_("Not saved: {message}").format(message=message))
        self.message.show()
