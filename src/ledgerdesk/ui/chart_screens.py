"""The chart of accounts for ``screenshots``: the Accounts page with an account selected,
an account being edited, and a new account the book refuses (the field outlined)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QDialog, QWidget

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.ledger import AccountType
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui.editors.account_dialog import AccountDialog

Screen = tuple[str, QWidget]


def accounts_page(window: QWidget, view) -> Iterator[Screen]:
    """The page (yielded as the whole window) with the first income account selected."""
    page = view.accounts
    view.show_page(view.pages.indexOf(page))
    page.reload()
    rows = page.presenter.rows
    income = next((i for i, row in enumerate(rows) if row.type == _("Income")), 0)
    page.table.selectRow(income)
    yield "64-accounts", window


def account_dialogs(session: Session, view, parent: QWidget) -> Iterator[tuple[str, QDialog]]:
    rows = view.accounts.presenter.rows
    rent = next((row for row in rows if row.code == "6000"), rows[0])
    editing = AccountDialog(session, rent.summary, parent)
    editing.name.setText(_("{name} and premises").format(name=rent.name))
    yield "65-account-editor", editing
    refused = AccountDialog(session, None, parent)
    refused.code.setText(rows[0].code)
    refused.name.setText(_("Second current account"))
    refused.type_box.setCurrentIndex(refused.type_box.findData(AccountType.ASSET))
    refused.bank.setChecked(True)
    refused.save()
    yield "66-new-account-refused", refused
