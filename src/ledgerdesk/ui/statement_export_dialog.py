"""Bank > Export statement…: a bank account and two dates (last month by default), then
the file, written as ``ledgerdesk export-statement`` writes it (the columns ``import bank``
reads), through File > Export…'s own dialog and background writing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.presentation.exports import Export, statement_export
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.reconciliation import bank_accounts
from ledgerdesk.ui.accessible import described, described_buttons
from ledgerdesk.ui.export_dialog import export_to_csv
from ledgerdesk.ui.widgets import date_edit, error_label, form_row, to_date


def last_month(today: dt.date) -> tuple[dt.date, dt.date]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


class StatementExportDialog(QDialog):
    """Which account and which days; ``export`` is what to write once accepted."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_("Export a bank statement"))
        self.account = QComboBox()
        described(self.account, _("The bank account whose statement is exported"))
        self.account.setAccessibleName(_("Bank account"))
        for account in bank_accounts(session.book):
            self.account.addItem(f"{account.code} {account.name}", account.code)
        start, end = last_month(session.today)
        self.start = date_edit(start, session.locale)
        described(self.start, _("The first day of the statement"))
        self.start.setAccessibleName(_("From"))
        self.end = date_edit(end, session.locale)
        described(self.end, _("The last day of the statement"))
        self.end.setAccessibleName(_("To"))
        self.message = error_label()
        form = QFormLayout()
        form_row(form, _("Bank &account:"), self.account, self.account)
        form_row(form, _("&From:"), self.start, self.start)
        form_row(form, _("&To:"), self.end, self.end)
        buttons = described_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        described(buttons.addButton(_("&Next…"), QDialogButtonBox.ButtonRole.AcceptRole),
                  _("Goes on to choose the file the statement is written to"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.export: Export | None = None

    def _check(self) -> None:
        try:
            self.export = statement_export(self.session, self.account.currentData() or "",
                                           to_date(self.start.date()), to_date(self.end.date()))
        except (NotAllowed, BookFailure) as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.accept()


def export_statement(parent: QWidget, session: Session, folder: Path,
                     report: Callable[[str, bool], None]) -> None:
    """Ask which statement, then where, then write it in the background."""
    dialog = StatementExportDialog(session, parent)
    if dialog.exec() and dialog.export is not None:
        export_to_csv(parent, dialog.export, folder, report)
