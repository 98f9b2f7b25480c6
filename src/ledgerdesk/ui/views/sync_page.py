"""``SyncPage``: the outbox with each row's state and message; Sync now, Retry, Resolve.

Syncing runs off the GUI thread (``workers.run_in_background``) on its own book connection,
with progress and Cancel; the page only reads the book and writes the user's resolutions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.domain.problems import NotAllowed, NotFound
from ledgerdesk.presentation.session import Session
from ledgerdesk.presentation.sync_panel import OutboxRow, SyncPanel
from ledgerdesk.presentation.sync_run import sync_all
from ledgerdesk.services.ports import Book, BookFailure
from ledgerdesk.services.sync_admin import Remotes, Resolution, resolve
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.models.sync_rows import OutboxColumn, outbox_model
from ledgerdesk.ui.tables import read_only_table
from ledgerdesk.ui.workers import BackgroundTask, run_in_background

NO_REMOTES = N_("Sync is not available in this window (it was started without network access).")


class SyncPage(QWidget):
    def __init__(self, session: Session, remotes: Remotes | None,
                 open_book: Callable[[], Book], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.remotes, self.open_book = session, remotes, open_book
        self.panel = SyncPanel(session)
        self.task: BackgroundTask | None = None
        self.model = outbox_model(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setWordWrap(True)
        self.table = self._make_table()
        self.detail = QLabel()  # the chosen row's whole message: the column cuts it short
        self.detail.setObjectName("syncDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("padding: 6px; background: palette(base); "
                                  "border: 1px solid palette(mid);")
        self.sync_button = QPushButton(_("&Sync now"))
        described(self.sync_button, _("Sends the payments waiting in the outbox now"))
        self.retry_button = QPushButton(_("&Retry"))
        described(self.retry_button, _("Sends the selected payment again"))
        self.resolve_button = QPushButton(_("Res&olve…"))
        described(self.resolve_button, _("Decides what happens to the selected payment that needs "
                                         "you"))
        self.resolve_menu = QMenu(self)
        for resolution in Resolution:
            action = self.resolve_menu.addAction(resolution.value)
            action.setData(resolution.name)
        self.resolve_menu.triggered.connect(
            lambda action: self.resolve_current(Resolution[action.data()]))
        self.resolve_button.setMenu(self.resolve_menu)
        self.sync_button.clicked.connect(self.sync_now)
        self.retry_button.clicked.connect(lambda: self.resolve_current(Resolution.RETRY))
        self.sync_button.setEnabled(remotes is not None)
        self.sync_button.setToolTip("" if remotes else _(NO_REMOTES))
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.retry_button, self.resolve_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("<h2 style='margin:0'>Sync</h2>")))
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.status)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._enable()

    def _make_table(self) -> QTableView:
        table = read_only_table(
            self.model, _("Outbox"), _("Payments waiting to be sent to the connected services, "
            "and their state."))
        header = table.horizontalHeader()
        header.setSectionResizeMode(OutboxColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((OutboxColumn.STATE, 110), (OutboxColumn.SERVICE, 80),
                              (OutboxColumn.PAYMENT, 95), (OutboxColumn.DOCUMENT, 100),
                              (OutboxColumn.ACTION, 70), (OutboxColumn.AMOUNT, 100),
                              (OutboxColumn.DATE, 95)):
            header.resizeSection(column, width)
        return table

    def reload(self) -> None:
        current = self.current_row()
        self.model.set_rows(self.panel.reload())
        self.summary.setText(self.panel.summary())
        if current is not None:
            for row, shown in enumerate(self.panel.rows):
                if shown.id == current.id:
                    self.table.selectRow(row)
        self._enable()

    def current_row(self) -> OutboxRow | None:
        index = self.table.currentIndex()
        row = self.model.data(index, Role.ENTITY) if index.isValid() else None
        return row if isinstance(row, OutboxRow) else None

    def _enable(self) -> None:
        row = self.current_row()
        choices = row.resolutions if row is not None else ()
        self.detail.setText(_detail(row))
        self.detail.setVisible(row is not None)
        self.retry_button.setEnabled(Resolution.RETRY in choices)
        self.resolve_button.setEnabled(bool(choices))
        for action in self.resolve_menu.actions():
            action.setEnabled(Resolution[action.data()] in choices)

    def resolve_current(self, resolution: Resolution) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            resolve(self.session.book, row.id, resolution)
        except (NotAllowed, NotFound, BookFailure) as exc:
            dialogs.error(self, _("That could not be done"), str(exc))
        else:
            self.status.setText(_("{payment} on {document}: {value} — done.").format(
                payment=row.payment,
                document=row.document,
                value=resolution.value.lower()))
        self.reload()

    def sync_now(self) -> None:
        if self.remotes is None or self.task is not None:
            return
        remotes, open_book = self.remotes, self.open_book
        self.status.setText(_("Syncing…"))
        self.sync_button.setEnabled(False)
        self.task = run_in_background(
            self, _("Sending payments to the remote services…"),
            lambda progress: sync_all(open_book, remotes, progress),
            self._finished, self._failed)

    def _finished(self, message: str) -> None:
        self.task = None
        self.sync_button.setEnabled(True)
        self.status.setText(message)
        self.reload()

    def _failed(self, message: str) -> None:
        self._finished(_("Sync stopped: {message}").format(message=message))

    def stop(self) -> None:
        """Before the book closes: wait for a running sync (it stops at its next row); its
        answer is not delivered (the page would read the closed book)."""
        if self.task is not None:
            self.task.stop()
            self.task = None
            self.sync_button.setEnabled(self.remotes is not None)


def _detail(row: OutboxRow | None) -> str:
    if row is None:
        return ""
    what = _("{action} of {amount} on {document} ({payment}) to {service}").format(
               action=row.action,
               amount=row.amount,
               document=row.document,
               payment=row.payment,
               service=row.service)
    return f"{row.state} — {what}. {row.message}".strip()
