"""``ConnectionsDialog`` (File > Connections…): list, add, test, edit and remove connections.

The list shows each service, its base URL, remote ids and what the remote last said; never
a secret.  Testing asks the remote "who am I" off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.domain.sync import Connection
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.sync_panel import ConnectionRow, connection_row
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.sync import connections
from ledgerdesk.services.sync_admin import (
    Remotes,
    label_connection,
    removal_consequences,
    remove_connection,
)
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.connection_form import ConnectionFormDialog
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.models.sync_rows import ConnectionColumn, connections_model
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.workers import run_in_background

#: What each of the list's buttons does, for a screen reader.
BUTTON_DESCRIPTIONS = {
    "add": N_("Connects the book to a new service"),
    "test": N_("Signs in to the selected service to check that the connection works"),
    "edit": N_("Changes the selected connection's address, ids or secret"),
    "remove": N_("Removes the selected connection and its secrets"),
}


class ConnectionsDialog(QDialog):
    def __init__(self, session: Session, remotes: Remotes | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.remotes = session, remotes
        self.setWindowTitle(_("Connections"))
        self.model = connections_model(self)
        self.table = read_only_table(
            self.model, _("Connections"), _("The services this book sends payments to."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ConnectionColumn.REMOTE_IDS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ConnectionColumn.SERVICE, 90), (ConnectionColumn.BASE_URL, 260),
                              (ConnectionColumn.STATE, 330)):
            header.resizeSection(column, width)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (("add", _("&Add…"), self.add), ("test", _("&Test connection"),
                                                              self.test),
                                 ("edit", _("&Edit…"), self.edit), ("remove", _("&Remove…"),
                                                                  self.remove)):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            described(button, _(BUTTON_DESCRIPTIONS[name]))
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Payments on linked invoices and bills are pushed to these "
                                  "services. Their secrets are "
                                  "in the system keyring only.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.reload()
        self.resize(1120, 380)

    def reload(self, select: int | None = None) -> None:
        rows = [connection_row(c) for c in connections(self.session.book)]
        self.model.set_rows(rows)
        for index, row in enumerate(rows):
            if row.connection.id == select or (select is None and index == 0):
                self.table.selectRow(index)
        self._enable()

    def current(self) -> Connection | None:
        index = self.table.currentIndex()
        row = self.model.data(index, Role.ENTITY) if index.isValid() else None
        return row.connection if isinstance(row, ConnectionRow) else None

    def _enable(self) -> None:
        chosen = self.current() is not None
        self.buttons["add"].setEnabled(self.remotes is not None)
        for name in ("test", "edit"):
            self.buttons[name].setEnabled(chosen and self.remotes is not None)
        self.buttons["remove"].setEnabled(chosen)

    def add(self) -> None:
        self._form(None)

    def edit(self) -> None:
        if (connection := self.current()) is not None:
            self._form(connection)

    def _form(self, existing: Connection | None) -> None:
        assert self.remotes is not None
        form = ConnectionFormDialog(self.session, self.remotes, self, existing)
        if form.exec() and form.saved is not None:
            self.status.setText(_("Saved {label} at {base_url}.").format(
                                    label=form.saved.provider.label,
                                    base_url=form.saved.base_url))
            self.reload(form.saved.id)

    def test(self) -> None:
        connection, remotes = self.current(), self.remotes
        if connection is None or remotes is None or connection.id is None:
            return
        self.status.setText(_("Asking {label}…").format(label=connection.provider.label))
        run_in_background(self, _("Asking {label}…").format(label=connection.provider.label),
                          lambda _progress: remotes.who(connection),
                          lambda said: self._tested(connection, said),
                          lambda why: self._tested(connection, _("Not connected: {why}").format(
                                                                   why=why)))

    def _tested(self, connection: Connection, said: str) -> None:
        assert connection.id is not None
        label_connection(self.session.book, connection.id, said)
        self.status.setText(f"{connection.provider.label}: {said}")
        self.reload(connection.id)

    def remove(self) -> None:
        connection = self.current()
        if connection is None or connection.id is None:
            return
        question = (_("Remove the {label} connection at {base_url}? {removal_consequences}").format(
            label=connection.provider.label,
            base_url=connection.base_url,
            removal_consequences=removal_consequences(self.session.book, connection)))
        if not dialogs.confirm(self, _("Remove connection?"), question, _("&Remove")):
            return
        try:
            remove_connection(self.session.book, connection.id)
        except (NotAllowed, NotFound, BookFailure) as exc:
            dialogs.error(self, _("The connection was not removed"), str(exc))
            return
        left = self.remotes.forget(connection) if self.remotes is not None else ""
        self.status.setText(_("Removed the {label} connection.").format(
                                label=connection.provider.label))
        self.reload()
        if left:
            dialogs.error(self, _("The keyring could not be changed"), left)
