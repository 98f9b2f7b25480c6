"""The Accounts page as a user drives it with the keyboard: Ctrl+9 reaches it, arrows pick
an account, Enter edits it, Alt+R archives it after asking (Alt+O restores it), Ctrl+N adds
one; a refusal says what the command line says."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ledgerdesk.services.chart import list_accounts
from ledgerdesk.ui.editors.account_dialog import AccountDialog
from ledgerdesk.ui.views.accounts_page import AccountColumn

TODAY = dt.date(2024, 3, 1)  # the book window's (tests/ui/conftest.py)
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def in_the_dialog(kind, act) -> None:
    """Run ``act`` on the modal dialog of ``kind`` once it is open."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind), dialog
        act(dialog)
    QTimer.singleShot(0, run)


@pytest.fixture
def page(qtbot, book_window):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_9, CTRL)
    view = book_window.book_view
    assert view.current_page() is view.accounts
    qtbot.waitUntil(lambda: view.accounts.model.rowCount() == 16)
    return view.accounts


def go_to(qtbot, page, code: str) -> None:
    """Arrow down from the first row to ``code``, as a user does."""
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    while page.current_row().code != code:
        qtbot.keyClick(page.table, Qt.Key.Key_Down)


def shown(page, code: str, column: AccountColumn) -> str:
    row = [page.model.index(r, AccountColumn.CODE).data()
           for r in range(page.model.rowCount())].index(code)
    return page.model.index(row, column).data()


def test_ctrl_9_shows_every_account_and_help_lists_it(page, book_window):
    assert page.table.hasFocus()
    assert shown(page, "1100", AccountColumn.ROLE) == "Receivable"
    assert shown(page, "1100", AccountColumn.BALANCE) == "0,00"
    assert page.count_label.text() == "16 accounts"
    assert "fiscal year began on 01.01.2024" in page.note.text()
    assert ("Accounts", "Ctrl+9") in book_window.shortcut_rows()


def test_enter_edits_the_selected_account(qtbot, page, book):
    go_to(qtbot, page, "6000")

    def rename(dialog: AccountDialog) -> None:
        assert dialog.windowTitle() == "Account 6000 Rent"
        assert not dialog.type_box.isEnabled()
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Premises")
        dialog.code.selectAll()
        qtbot.keyClicks(dialog.code, "6050")
        dialog.save()

    in_the_dialog(AccountDialog, rename)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert shown(page, "6050", AccountColumn.NAME) == "Premises"
    assert page.current_row().code == "6050"
    assert page.status.text() == "Saved account 6050 Premises."
    assert "6000" not in {a.code for a in list_accounts(book, TODAY).rows}


def test_alt_r_archives_after_asking_and_alt_o_restores(qtbot, page, answers):
    go_to(qtbot, page, "6300")
    qtbot.keyClick(page.table, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: bool(page.status.text()))  # a mnemonic clicks after 100 ms
    assert answers[-1][1:3] == ("Archive account?", "Archive account 6300 Travel? It stays in "
                                "history and reports; nothing new can be posted to it until "
                                "it is restored.")
    assert shown(page, "6300", AccountColumn.STATUS) == "Archived"
    assert page.archive_button.text() == "Rest&ore"
    assert page.status.text() == "Account 6300 Travel archived."
    qtbot.keyClick(page.table, Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: shown(page, "6300", AccountColumn.STATUS) == "Active")
    assert page.status.text() == "Account 6300 Travel restored from the archive."


def test_answering_no_archives_nothing(qtbot, page, answers):
    answers.reply = False
    go_to(qtbot, page, "6300")
    qtbot.keyClick(page.table, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: len(answers) == 1)
    assert shown(page, "6300", AccountColumn.STATUS) == "Active"


def test_the_accounts_the_books_post_to_cannot_be_archived(qtbot, page):
    go_to(qtbot, page, "1100")
    assert not page.archive_button.isEnabled()
    assert "never archived" in page.archive_button.toolTip()
    go_to(qtbot, page, "1500")
    assert page.archive_button.isEnabled()


def test_a_refused_archive_is_shown_as_the_command_line_says_it(qtbot, page, issue, customer,
                                                               monkeypatch, run):
    issue(customer, "100")
    page.reload()
    errors = []
    monkeypatch.setattr("ledgerdesk.ui.dialogs.error", lambda *args: errors.append(args))
    go_to(qtbot, page, "4000")
    qtbot.keyClick(page.table, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: bool(errors))
    assert shown(page, "4000", AccountColumn.STATUS) == "Active"
    (_, title, message), = errors
    assert title == "The account could not be archived"
    assert message == ("Account 4000 Sales has a balance of 100.00 EUR this fiscal year; "
                       "only an account at zero can be archived.")
    assert page.status.text() == message


def test_ctrl_n_adds_an_account(qtbot, page):
    def add(dialog: AccountDialog) -> None:
        assert dialog.windowTitle() == "New account"
        qtbot.keyClicks(dialog.code, "1030")
        qtbot.keyClicks(dialog.name, "Cash box")
        dialog.type_box.setCurrentIndex(dialog.type_box.findText("Asset"))
        dialog.bank.setChecked(True)
        dialog.save()

    in_the_dialog(AccountDialog, add)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert page.current_row().code == "1030"
    assert shown(page, "1030", AccountColumn.ROLE) == "Bank"


def test_a_refused_field_is_outlined_and_kept(qtbot, ui_session):
    from ledgerdesk.ui.theme import wrong_field_style

    dialog = AccountDialog(ui_session)
    qtbot.addWidget(dialog)
    dialog.code.setText("4000")
    dialog.name.setText("Sales again")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.code.styleSheet() == wrong_field_style() and dialog.code.text() == "4000"
    assert dialog.message.text() == "Account 4000 already exists."
    dialog.type_box.setCurrentIndex(dialog.type_box.findText("Income"))
    assert not dialog.bank.isEnabled()  # only an asset can be a bank


def test_the_type_and_role_columns_fit_their_longest_word_in_german(qtbot, ui_session,
                                                                     speaking):
    """"Verbindlichkeit" (liability) was cut to "Verbindlich…" in a column sized for
    "Liability"."""
    from ledgerdesk.presentation.chart import ROLE_LABELS, TYPE_LABELS
    from ledgerdesk.ui.views.accounts_page import AccountColumn, AccountsPage

    speaking("de")
    page = AccountsPage(ui_session)
    qtbot.addWidget(page)
    header, metrics = page.table.horizontalHeader(), page.table.fontMetrics()
    for column, words in ((AccountColumn.TYPE, TYPE_LABELS.values()),
                          (AccountColumn.ROLE, ROLE_LABELS.values())):
        widest = max(metrics.horizontalAdvance(word) for word in words)
        assert header.sectionSize(column) >= widest + 12, words  # the cell's margins too


def test_a_new_bank_account_in_another_currency(qtbot, page):
    def add(dialog: AccountDialog) -> None:
        assert not dialog.currency.isEnabled()  # not a bank yet: no currency of its own
        qtbot.keyClicks(dialog.code, "1020")
        qtbot.keyClicks(dialog.name, "USD Account")
        dialog.type_box.setCurrentIndex(dialog.type_box.findText("Asset"))
        dialog.bank.setChecked(True)
        assert dialog.currency.isEnabled()
        dialog.currency.lineEdit().clear()
        qtbot.keyClicks(dialog.currency.lineEdit(), "usd")
        dialog.currency.lineEdit().editingFinished.emit()
        dialog.save()

    in_the_dialog(AccountDialog, add)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert shown(page, "1020", AccountColumn.ROLE) == "Bank (USD)"
    go_to(qtbot, page, "1020")

    def look(dialog: AccountDialog) -> None:
        assert dialog.currency.current_code() == "USD" and not dialog.currency.isEnabled()
        dialog.reject()

    in_the_dialog(AccountDialog, look)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
