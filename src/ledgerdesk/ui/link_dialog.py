"""Linking an invoice or bill to its remote twin, and the "Remote:" row of its editor.

"Find by number" asks the remote off the GUI thread; the remote's id may also be typed.
Only the link is written, on the GUI thread's book connection, once the answer is in.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.domain.sync import Connection
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.sync import LINKABLE, connections, link_document_to
from ledgerdesk.services.sync_admin import Remotes
from ledgerdesk.services.sync_ports import RemoteDocument
from ledgerdesk.services.sync_status import document_links
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.widgets import error_label
from ledgerdesk.ui.workers import run_in_background


def link_state(session: Session, document_id: int | None) -> str:
    if document_id is None:
        return _("Not linked (save it first).")
    links = document_links(session.book, document_id)
    if not links:
        return _("Not linked to a remote service.")
    return "; ".join(f"Linked to {c.provider.label} {link.remote_number or link.remote_id}"
                     + (f" ({link.remote_id})" if link.remote_number else "")
                     for c, link in links)


class LinkDialog(QDialog):
    def __init__(self, session: Session, remotes: Remotes | None, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.remotes, self.number = session, remotes, number
        self.linked = False
        self.setWindowTitle(_("Link {number} to a remote service").format(number=number))
        self.connection = QComboBox()
        described(self.connection, _("The service the document is linked in"))
        for connection in connections(session.book):
            self.connection.addItem(f"{connection.provider.label} — {connection.base_url}",
                                    connection)
        self.find_button = QPushButton(_("&Find {number} there").format(number=number))
        described(self.find_button, _("Looks the document up in the service by its number"))
        self.find_button.clicked.connect(self.find)
        self.remote_id = QLineEdit()
        self.remote_id.setPlaceholderText(_("the remote's own id of this invoice or bill"))
        self.message = error_label()
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.link_button = buttons.addButton(_("&Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        described(self.link_button, _("Links the document to that id and closes the form"))
        buttons.accepted.connect(self.link)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Service:"), self.connection)
        form.addRow("", self.find_button)
        form.addRow(_("Remote &id:"), self.remote_id)
        form.addRow(self.message)
        form.addRow(buttons)
        if self.connection.count() == 0:
            self._say(_("This book has no connections: add one in File > Connections first."))
            self.link_button.setEnabled(False)
        self.find_button.setEnabled(self.connection.count() > 0 and remotes is not None)
        self.resize(620, self.sizeHint().height())

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def find(self) -> None:
        chosen: Connection = self.connection.currentData()
        remotes, number = self.remotes, self.number
        assert remotes is not None
        self._say(_("Asking {label}…").format(label=chosen.provider.label))
        run_in_background(self, _("Looking for {number} in {label}…").format(
                                    number=number,
                                    label=chosen.provider.label),
                          lambda _p: remotes.gateway(chosen).find_document(number),
                          lambda found: self._found(chosen, found),
                          lambda why: self._say(_("No answer: {why}").format(why=why)))

    def _found(self, chosen: Connection, found: RemoteDocument | None) -> None:
        if found is None:
            self._say(_("{label} has no invoice or bill numbered {number}; enter its id "
                        "instead.").format(
                label=chosen.provider.label,
                number=self.number))
            return
        self.remote_id.setText(found.remote_id)
        due = (_(", {money} due").format(money=self._money(found.amount_due))
               if found.amount_due is not None else "")
        self._say(_("Found {number} ({status}{due}). Link saves it.").format(
                      number=found.number,
                      status=found.status,
                      due=due))

    def _money(self, amount: Money) -> str:
        """In the book's locale; the currency named when it is not the book's."""
        text = AmountFormatter(self.session.locale, amount.currency).format(amount.amount)
        return text if amount.currency == self.session.currency else f"{text} {amount.currency}"

    def link(self) -> None:
        chosen: Connection | None = self.connection.currentData()
        remote = self.remote_id.text().strip()
        if chosen is None or chosen.id is None or not remote:
            self._say(_("Find it by number, or enter the remote id."))
            return
        try:
            link_document_to(self.session.book, chosen.id, self.number, remote)
        except (NotAllowed, NotFound, BookFailure) as exc:
            self._say(str(exc))
            return
        self.linked = True
        self.accept()


def add_link_row(form: QFormLayout, dialog: QWidget, editor) -> QLabel | None:
    """The "Remote:" row of an invoice or bill editor: its links, and "Link to remote…"."""
    if editor.kind not in LINKABLE:
        return None
    state = QLabel(link_state(editor.session, editor.document_id))
    state.setObjectName("linkState")
    button = QPushButton(_("Lin&k to remote…"))
    described(button, _("Links this document to its twin in a connected service"))
    button.setAutoDefault(False)
    button.setEnabled(editor.document_id is not None and bool(editor.number))
    button.setToolTip("" if button.isEnabled() else _("Authorise it first: links go by number."))

    def link() -> None:
        chooser = LinkDialog(editor.session, _window_remotes(dialog), editor.number, dialog)
        if chooser.exec() and chooser.linked:
            state.setText(link_state(editor.session, editor.document_id))

    button.clicked.connect(link)
    row = QHBoxLayout()
    row.addWidget(state, 1)
    row.addWidget(button)
    form.addRow(_("Remote:"), row)
    return state


def _window_remotes(widget: QWidget) -> Remotes | None:
    parent = widget.parentWidget()
    return getattr(parent.window(), "remotes", None) if parent is not None else None
