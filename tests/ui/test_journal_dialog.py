"""The journal editor in the window: typed with the keyboard alone, each problem beside its
cell, Save only when it balances, Esc asks before dropping what was typed, Void asks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from key_helpers import field_of, focused, key, settle, show_focused, tab_until, type_in
from PySide6.QtCore import Qt

from ledgerdesk.presentation.journal_editor import JournalEditor
from ledgerdesk.services.journals import load_journal
from ledgerdesk.ui.editors.journal_dialog import JournalDialog
from ledgerdesk.ui.models.journal_lines import JournalColumn

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def dialog(qtbot, ui_session):
    shown = JournalDialog(JournalEditor(ui_session))
    show_focused(qtbot, shown)
    return shown


def cell(dialog, row: int, column: JournalColumn, role=Qt.ItemDataRole.DisplayRole):
    return dialog.model.index(row, column).data(role)


def type_row(qtbot, dialog, *texts: str) -> None:
    """Account, debit, credit, description: each typed, then Tab to the next cell."""
    for text in texts:
        if text:
            type_in(qtbot, text)
            settle(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Tab)


def test_tab_follows_the_form_and_walks_every_cell(qtbot, dialog):
    d = dialog
    assert field_of(focused()) is d.date
    assert tab_until(qtbot, d.table) == [d.date, d.memo]
    cells = []
    while field_of(focused()) is d.table:
        index = d.table.currentIndex()
        cells.append((index.row(), index.column()))
        key(qtbot, Qt.Key.Key_Tab)
    assert cells == [(row, column) for row in (0, 1) for column in JournalColumn]
    assert focused() is d.add_line_button


def test_a_journal_typed_with_keys_only_and_saved_with_enter(qtbot, dialog, ui_session):
    tab_until(qtbot, dialog.memo)
    type_in(qtbot, "Owner's capital")
    tab_until(qtbot, dialog.table)
    type_row(qtbot, dialog, "1000", "5.000", "", "Transfer from the owner")
    type_row(qtbot, dialog, "equity", "", "5.000,00")  # the only account holding it
    assert field_of(focused()) is dialog.table  # still in the description of line 2
    assert dialog.balance.text().endswith("<b>Balanced</b>")
    assert dialog.save_button.isEnabled()
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    journal = load_journal(ui_session.book, dialog.editor.journal_id)
    assert (journal.number, journal.memo, journal.date) == ("JNL-00001", "Owner's capital",
                                                           TODAY)
    assert [(ln.account_code, ln.debit, ln.credit, ln.description) for ln in journal.lines] == [
        ("1000", Decimal("5000.00"), None, "Transfer from the owner"),
        ("3000", None, Decimal("5000.00"), "")]
    assert dialog.step is not None and dialog.step.text == "record journal JNL-00001"


def test_problems_sit_beside_their_cells_and_save_waits_for_the_balance(qtbot, dialog):
    dialog.memo.setText("Write-off")
    dialog.memo.textEdited.emit("Write-off")
    for column, text in ((JournalColumn.ACCOUNT, "1100"), (JournalColumn.CREDIT, "80")):
        dialog.model.setData(dialog.model.index(0, column), text)
    dialog.model.setData(dialog.model.index(1, JournalColumn.ACCOUNT), "6000")
    dialog.model.setData(dialog.model.index(1, JournalColumn.DEBIT), "70")
    assert cell(dialog, 0, JournalColumn.ACCOUNT) == "1100 Accounts Receivable"
    assert cell(dialog, 0, JournalColumn.ACCOUNT, Qt.ItemDataRole.ToolTipRole).startswith(
        "1100 Accounts Receivable moves only with invoices")
    assert cell(dialog, 0, JournalColumn.ACCOUNT, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(dialog, 1, JournalColumn.DEBIT, Qt.ItemDataRole.ToolTipRole) is None
    gap = "&nbsp;" * 5
    assert dialog.balance.text() == (f"Debits 70,00{gap}Credits 80,00{gap}"
                                     "<b>Difference 10,00: the credits are more</b>")
    assert cell(dialog, 1, JournalColumn.DEBIT) == "70,00"  # as the locale writes it
    assert cell(dialog, 1, JournalColumn.DEBIT, Qt.ItemDataRole.EditRole) == "70"
    assert dialog.message.text() == ("The debits (70,00) and credits (80,00) differ by 10,00: "
                                     "a journal must balance to the cent.")
    assert "1100 Accounts Receivable moves only" in dialog.cell_message.text()
    assert not dialog.save_button.isEnabled()
    dialog.model.setData(dialog.model.index(0, JournalColumn.ACCOUNT), "1000")
    dialog.model.setData(dialog.model.index(0, JournalColumn.CREDIT), "70")
    assert dialog.save_button.isEnabled() and not dialog.message.isVisibleTo(dialog)


def test_the_memo_problem_shows_beside_the_memo(qtbot, dialog):
    dialog.model.setData(dialog.model.index(0, JournalColumn.ACCOUNT), "6000")
    dialog.model.setData(dialog.model.index(0, JournalColumn.DEBIT), "5")
    dialog.model.setData(dialog.model.index(1, JournalColumn.ACCOUNT), "1000")
    dialog.model.setData(dialog.model.index(1, JournalColumn.CREDIT), "5")
    assert dialog.memo_error.text().startswith("Say what the journal is for")
    assert dialog.memo_error.isVisibleTo(dialog) and not dialog.save_button.isEnabled()


def test_escape_asks_before_dropping_what_was_typed(qtbot, dialog, answers, state):
    before = state()
    dialog.memo.setText("Half typed")
    dialog.memo.textEdited.emit("Half typed")
    answers.reply = False
    key(qtbot, Qt.Key.Key_Escape)
    assert answers and answers[-1][1] == "Discard this journal?"
    assert dialog.isVisible()
    answers.reply = True
    key(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected and not dialog.isVisible()
    assert state() == before


def test_a_recorded_journal_opens_read_only_and_void_asks_first(qtbot, ui_session, answers,
                                                                balances):
    editor = JournalEditor(ui_session)
    editor.set_memo("Depreciation")
    for row, (account, debit, credit) in enumerate((("6000", "75", ""), ("1500", "", "75"))):
        for name, text in (("account", account), ("debit", debit), ("credit", credit)):
            editor.set_line_text(row, name, text)
    journal_id = editor.save().journal_id
    dialog = JournalDialog(JournalEditor(ui_session, journal_id))
    show_focused(qtbot, dialog)
    assert dialog.windowTitle() == "Journal JNL-00001" and dialog.banner.isVisibleTo(dialog)
    assert not dialog.save_button.isVisibleTo(dialog) and not dialog.memo.isEnabled()
    answers.reply = False
    dialog.void_button.click()
    assert answers[-1][1] == "Void JNL-00001?"
    assert balances()["6000"] == Decimal("75.00")
    answers.reply = True
    dialog.void_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert balances().get("6000", 0) == 0
    assert dialog.voided_text == "JNL-00001 is void; a reversal was posted on 01.03.2024."
