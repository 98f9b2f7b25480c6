"""The Journals page: in the navigation with its own Ctrl+ number and shortcut entry,
Ctrl+N writes a new journal, Enter opens one, Void asks first, and undoing a recorded
journal voids it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import load_journal, record_journal
from ledgerdesk.ui.editors.journal_dialog import JournalDialog
from ledgerdesk.ui.models.journal_lines import JournalColumn

DAY = dt.date(2024, 2, 1)


def record(book, memo: str, amount: str = "100") -> int:
    return record_journal(book, RecordJournal(date=DAY, memo=memo, lines=[
        JournalLineInput(account_code="6000", debit=Decimal(amount)),
        JournalLineInput(account_code="1000", credit=Decimal(amount)),
    ])).journal_id


def in_the_dialog(act) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, JournalDialog), dialog
        act(dialog)
    QTimer.singleShot(0, run)


@pytest.fixture
def journals(qtbot, book_window):
    view = book_window.book_view
    qtbot.keyClick(book_window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.current_page() is view.journals
    return view.journals


def test_journals_are_in_the_navigation_with_ctrl_0(book_window, journals):
    nav = book_window.book_view.nav
    assert nav.currentItem().text() == "Journals"
    shortcuts = dict(book_window.shortcut_rows())
    assert shortcuts["Journals"] == "Ctrl+0"
    assert journals.count_label.text() == "0 journals"
    assert "Ctrl+N records one" in journals.empty.label.text()


def test_the_page_lists_each_journal(book, book_window, journals):
    record(book, "Rent, February")
    record(book, "Loan repayment", "250")
    journals.reload()
    assert journals.count_label.text() == "2 journals"
    model = journals.model
    assert [model.index(0, c).data() for c in range(5)] == [
        "JNL-00002", "01.02.2024", "Loan repayment", "250,00", "Posted"]


def test_ctrl_n_writes_a_new_journal_and_undo_voids_it(qtbot, book, book_window, journals,
                                                       balances):
    def write(dialog) -> None:
        dialog.memo.setText("Owner's capital")
        dialog.memo.textEdited.emit("Owner's capital")
        for row, account, column in ((0, "1000", JournalColumn.DEBIT),
                                     (1, "3000", JournalColumn.CREDIT)):
            dialog.model.setData(dialog.model.index(row, JournalColumn.ACCOUNT), account)
            dialog.model.setData(dialog.model.index(row, column), "2.500")
        dialog.save()

    in_the_dialog(write)
    qtbot.keyClick(journals.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert balances()["1000"] == Decimal("2500.00")
    assert journals.count_label.text() == "1 journal"
    stack = book_window.undo_stack
    assert stack.undoText() == "Record journal JNL-00001"
    stack.undo()
    assert balances().get("1000", 0) == 0
    assert journals.model.index(0, 4).data() == "⊘ Void"
    assert "it is void and a reversal was posted" in book_window.statusBar().currentMessage()


def test_enter_opens_the_selected_journal(qtbot, book, book_window, journals):
    record(book, "Rent, February")
    journals.reload()
    seen = []
    in_the_dialog(lambda dialog: (seen.append(dialog.windowTitle()), dialog.reject()))
    journals.table.setFocus()
    journals.table.selectRow(0)
    qtbot.keyClick(journals.table, Qt.Key.Key_Return)
    assert seen == ["Journal JNL-00001"]


def test_void_from_the_list_asks_first(book, book_window, journals, answers):
    journal_id = record(book, "Rent, February")
    journals.reload()
    journals.table.selectRow(0)
    answers.reply = False
    journals.void_button.click()
    assert answers[-1][1] == "Void JNL-00001?" and not load_journal(book, journal_id).voided
    answers.reply = True
    journals.void_button.click()
    assert load_journal(book, journal_id).voided
    assert journals.model.index(0, 4).data() == "⊘ Void"
    assert not journals.void_button.isEnabled()  # the selected journal is void now
