"""``AccountsPage``: the chart of accounts with each account's type, role, status and
balance; Add…, Edit… (Enter on a row too) and Archive, which asks first (Restore on an
archived account).  The rows and every refusal come from ``presentation.chart``."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.chart import ROLE_LABELS, TYPE_LABELS, AccountRow, AccountsList
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.ui import dialogs
from ledgerdesk.ui.accessible import described
from ledgerdesk.ui.models.paged import Role
from ledgerdesk.ui.models.read_rows import ReadRowsModel
from ledgerdesk.ui.tables import opens_rows, read_only_table
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.views.column_fit import at_least_heading, at_least_texts


class AccountColumn(IntEnum):
    """The chart's rows (``presentation.chart.AccountRow``)."""

    CODE = 0
    NAME = 1
    TYPE = 2
    ROLE = 3
    STATUS = 4
    BALANCE = 5


WIDTHS = {AccountColumn.CODE: 90, AccountColumn.TYPE: 90, AccountColumn.ROLE: 130,
          AccountColumn.STATUS: 90, AccountColumn.BALANCE: 130}


def accounts_model(parent=None) -> ReadRowsModel:
    return ReadRowsModel(AccountColumn,
                         (_("Code"), _("Name"), _("Type"), _("Role"), _("Status"), _("Balance")),
                         frozenset({AccountColumn.BALANCE}), parent)


class AccountsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.presenter = AccountsList(session)
        self.model = accounts_model(self)
        self.table = self._make_table()
        self.count_label = QLabel()
        self.note = QLabel()
        self.note.setStyleSheet(tone_style(Tone.NOTE))
        self.status = QLabel()
        self.status.setObjectName("accountsStatus")
        self.status.setWordWrap(True)
        self.add_button = QPushButton(_("&Add account…"))
        described(self.add_button, _("Adds an account to the chart"))
        self.edit_button = QPushButton(_("E&dit…"))
        described(self.edit_button, _("Changes the selected account's code, name or type"))
        self.archive_button = QPushButton(_("A&rchive"))
        described(self.archive_button, _("Archives the selected account (its balance must be "
                                         "zero), or restores an archived one"))
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_current)
        self.archive_button.clicked.connect(self.archive_current)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("<h2 style='margin:0'>Accounts</h2>")))
        top.addStretch(1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._enable()

    def _make_table(self) -> QTableView:
        table = read_only_table(
            self.model, _("Accounts"),
            _("The chart of accounts with balances. Enter edits the account."))
        header = table.horizontalHeader()
        header.setSectionResizeMode(AccountColumn.NAME, QHeaderView.ResizeMode.Stretch)
        words = {AccountColumn.TYPE: TYPE_LABELS.values(), AccountColumn.ROLE: ROLE_LABELS.values()}
        for column, width in WIDTHS.items():
            fitted = at_least_texts(table, at_least_heading(table, column, width),
                                    words.get(column, ()))
            header.resizeSection(column, fitted)
        opens_rows(table, self.edit_current)
        return table

    # ---- rows ------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        current = self.current_row()
        wanted = select or (current.code if current is not None else None)
        try:
            rows = self.presenter.reload()
        except BookFailure as exc:
            self.status.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.presenter.count_text())
        self.note.setText(self.presenter.note)
        codes = [row.code for row in rows]
        if rows:
            self.table.selectRow(codes.index(wanted) if wanted in codes else 0)
        self._enable()

    def current_row(self) -> AccountRow | None:
        index = self.table.currentIndex()
        row = self.model.data(index, Role.ENTITY) if index.isValid() else None
        return row if isinstance(row, AccountRow) else None

    def _enable(self) -> None:
        row = self.current_row()
        self.edit_button.setEnabled(row is not None)
        archived = row is not None and row.archived
        self.archive_button.setText(_("Rest&ore") if archived else _("A&rchive"))
        self.archive_button.setEnabled(row is not None and not row.kept)
        self.archive_button.setToolTip(
            _("The books post to this account by themselves: it is never archived")
            if row is not None and row.kept else "")

    def open_current(self) -> None:
        self.edit_current()

    # ---- actions ---------------------------------------------------------------------

    def add_account(self) -> None:
        self._edit(None)

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._edit(row)

    def _edit(self, row: AccountRow | None) -> None:
        from ledgerdesk.ui.editors.account_dialog import AccountDialog

        dialog = AccountDialog(self.session, row.summary if row is not None else None, self)
        if dialog.exec() and dialog.editor.saved is not None:
            saved = dialog.editor.saved
            self.status.setText(_("Saved account {code} {name}.").format(
                                    code=saved.code,
                                    name=saved.name))
            self.reload(select=saved.code)

    def archive_current(self) -> None:
        row = self.current_row()
        if row is None or row.kept:
            return
        restoring = row.archived
        title = _("Restore account?") if restoring else _("Archive account?")
        button = _("&Restore") if restoring else _("&Archive")
        if not dialogs.confirm(self, title, self.presenter.archive_question(row), button):
            return
        problem = self.presenter.archive(row)
        if problem:
            dialogs.error(self, _("The account could not be restored") if restoring
                          else _("The account could not be archived"), problem)
            self.status.setText(problem)
        else:
            done = (_("Account {code} {name} restored from the archive.") if restoring
                    else _("Account {code} {name} archived."))
            self.status.setText(done.format(code=row.code, name=row.name))
        self.reload(select=row.code)
