"""Bank > Reconcile… as a user drives it with the keyboard: Ctrl+Shift+R opens it, the
statement's balance typed in the book's locale, Enter goes to the list, Space ticks the
selected rows, the difference follows live, Finish is enabled only at zero and records the
reconciliation in the command line's words; a balance that cannot be read is refused beside
the field with the text kept; Undo last… frees the postings; the report prints to PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.services.journal_commands import JournalLineInput, RecordJournal
from ledgerdesk.services.journals import record_journal
from ledgerdesk.services.reconciliation import list_reconciliations
from ledgerdesk.ui import print_flow
from ledgerdesk.ui.reconcile_dialog import ReconcileDialog

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
FEB_END = dt.date(2024, 2, 29)


def capital(book, day: dt.date, amount: str) -> None:
    value = Decimal(amount)
    debit, credit = ("1000", "3000") if value > 0 else ("3000", "1000")
    record_journal(book, RecordJournal(date=day, memo="Owner's capital", lines=[
        JournalLineInput(account_code=debit, debit=abs(value)),
        JournalLineInput(account_code=credit, credit=abs(value))]))


def euros(value: str) -> str:
    return AmountFormatter("de_DE", "EUR").format(Decimal(value))


def focused():
    return QApplication.focusWidget()


@pytest.fixture
def february(book):
    """In: 500.00 on the 2nd and 300.00 on the 10th; out: 120.00 on the 20th."""
    capital(book, dt.date(2024, 2, 2), "500")
    capital(book, dt.date(2024, 2, 10), "300")
    capital(book, dt.date(2024, 2, 20), "-120")


@pytest.fixture
def page(qtbot, book_window, february) -> ReconcileDialog:
    qtbot.keyClick(focused(), Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(book_window.book_dialogs.get("reconcile"),
                                       ReconcileDialog)
                    and book_window.book_dialogs["reconcile"].isVisible())
    opened = book_window.book_dialogs["reconcile"]
    qtbot.waitUntil(lambda: focused() is opened.balance)
    opened.date.setDate(FEB_END)
    return opened


def difference(page) -> str:
    return page.figures.values["difference"].text()


def test_a_month_reconciled_with_the_keyboard_alone(qtbot, page, book):
    assert page.account.currentText() == "1000 Bank"
    qtbot.keyClicks(page.balance, "380,00")  # the statement shows 500 in and 120 out
    qtbot.keyClick(page.balance, Qt.Key.Key_Return)
    assert focused() is page.table and page.isVisible()
    assert difference(page) == euros("380") and not page.finish_button.isEnabled()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert difference(page) == euros("-120")
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, SHIFT)  # the 300.00 and the 120.00 out
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert difference(page) == euros("-300")
    assert "Would make it zero: JNL-00002 Owner's capital" in page.hint.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Up)  # the 300.00 alone: the bank has not shown it
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert difference(page) == euros("0") and page.finish_button.isEnabled()
    assert page.figures.labels["cleared"].text() == "Cleared: 2 postings"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter in the list never closes the page
    assert page.isVisible() and list_reconciliations(book) == []
    qtbot.keyClick(page, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: list_reconciliations(book) != [])
    assert page.status.text() == ("Finished reconciliation 1 of 1000 Bank (statement "
                                  "2024-02-29): 2 postings cleared.")
    [done] = list_reconciliations(book)
    assert (done.cleared, done.statement_balance.amount) == (2, Decimal("380.00"))
    assert page.balance.text() == "" and focused() is page.balance


def test_the_check_box_column_ticks_with_the_mouse_too_and_reads_as_words(qtbot, page):
    page.balance.setText("800")
    page.restart()
    model = page.model
    first = model.index(0, 0)
    assert model.data(first, Qt.ItemDataRole.AccessibleTextRole) == "not cleared"
    assert model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(first, Qt.ItemDataRole.AccessibleTextRole) == "cleared"
    assert difference(page) == euros("300")


def test_tick_all_and_untick_all(qtbot, page):
    qtbot.keyClicks(page.balance, "680")
    qtbot.keyClick(page, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: page.figures.labels["cleared"].text() == "Cleared: 3 postings")
    assert difference(page) == euros("0")
    qtbot.keyClick(page, Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: page.figures.labels["cleared"].text() == "Cleared: 0 postings")
    assert not page.finish_button.isEnabled()


def test_a_balance_that_is_not_an_amount_is_refused_beside_it_and_kept(qtbot, page, book):
    qtbot.keyClicks(page.balance, "12,3,4")
    error = page.errors["statement_balance"]
    assert not error.isHidden() and "12,3,4" in error.text()
    assert page.balance.text() == "12,3,4"
    assert page.model.rowCount() == 0 and not page.finish_button.isEnabled()
    page.balance.clear()
    qtbot.keyClicks(page.balance, "680")
    assert error.isHidden() and page.model.rowCount() == 3


def test_undo_last_frees_the_postings_after_asking(qtbot, page, book, answers):
    qtbot.keyClicks(page.balance, "680")
    page.tick_all()
    assert not page.undo_button.isEnabled()
    page.finish()
    assert page.undo_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: list_reconciliations(book)[0].undone)
    assert answers[-1][2].startswith("Undo reconciliation 1 of 1000 Bank (statement "
                                     "2024-02-29)? Its 3 postings become uncleared again")
    assert page.status.text() == "Undid reconciliation 1 of 1000 Bank (statement 2024-02-29)."
    assert not page.undo_button.isEnabled()


def test_the_ticks_stay_when_the_book_changes_elsewhere(qtbot, page, book, book_window):
    qtbot.keyClicks(page.balance, "680")
    page.model.toggle_rows([0])
    capital(book, dt.date(2024, 2, 25), "10")  # another window records a deposit
    book_window.book_changed.emit()
    assert page.model.rowCount() == 4
    assert page.form.ticked == {page.model.rows[0].line_id}


def test_the_report_prints_the_statement_the_uncleared_and_the_book_balance(
        qtbot, page, monkeypatch, tmp_path):
    target = tmp_path / "rec.pdf"
    monkeypatch.setattr(print_flow, "choose_pdf_path", lambda parent, suggested: target)
    qtbot.keyClicks(page.balance, "380")
    page.model.toggle_rows([0, 2])
    qtbot.keyClick(page, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(target.exists)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    for words in ("Bank reconciliation", "1000 Bank", "Statement balance", euros("380"),
                  "Add: uncleared money in", euros("300"), "Book balance", euros("680"),
                  "JNL-00002 Owner's capital", "DRAFT"):
        assert words in text
    assert page.status.text().startswith(f"Saved to {target}")


def test_the_selected_bank_account_on_the_accounts_page_comes_first(qtbot, book_window):
    view = book_window.book_view
    view.show_page(view.pages.indexOf(view.accounts))
    view.accounts.reload(select="1010")
    book_window.show_reconcile()
    page = book_window.book_dialogs["reconcile"]
    assert page.account.currentData() == "1010"


def test_the_banks_statement_file_ticks_what_it_shows_and_records_the_rest(
        qtbot, page, book, tmp_path):
    from ledgerdesk.services.bank_rules import add_bank_rule

    add_bank_rule(book, "card fee", "6000", "Card fees")
    path = tmp_path / "feb.csv"
    path.write_text("Date,Amount,Reference,Counterparty\n"
                    "2024-02-02,500.00,Owner's capital,\n"
                    "2024-02-20,-120.00,Owner's capital,\n"
                    "2024-02-28,-7.50,Card fee,The Bank\n", encoding="utf-8")
    qtbot.keyClicks(page.balance, "372,50")
    row = page.statement_row
    assert not row.accepting.isEnabled()
    qtbot.keyClicks(row.path, str(path))
    qtbot.keyClick(row.path, Qt.Key.Key_Return)
    assert [r.ticked for r in page.model.rows] == [True, False, True]
    assert row.note.text().startswith("CSV file: 3 lines up to 2024-02-29, 2 in the book. "
                                      "Not in the book: line 4")
    assert difference(page) == euros("-7.5") and not page.finish_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_S, ALT)  # Record the suggestions
    qtbot.waitUntil(lambda: len(page.model.rows) == 4)
    assert page.model.rows[-1].what == "To record: line 4: Card fee"
    assert difference(page) == euros("0") and page.finish_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: list_reconciliations(book) != [])
    assert "3 postings cleared. Recorded: line 4: journal JNL-00004" in page.status.text()
    assert row.path.text() == "" and row.note.isHidden()


def test_a_statement_file_that_cannot_be_read_is_refused_under_it(qtbot, page, tmp_path):
    path = tmp_path / "feb.ofx"
    path.write_text("no", encoding="utf-8")
    qtbot.keyClicks(page.balance, "380")
    page.statement_row.path.setText(str(path))
    page.statement_row._path_changed()
    error = page.statement_row.error
    assert not error.isHidden()
    assert error.text() == "feb.ofx is not an OFX file: it has no OFX header."
    assert page.model.rowCount() == 0 and page.statement_row.path.text() == str(path)


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_every_heading_of_the_list_fits_in_the_chosen_language(qtbot, ui_session, february,
                                                               speaking, language):
    """"Cleared" fitted its narrow tick column; "Abgestimmt" was cut to "bgestimn"."""
    speaking(language)
    dialog = ReconcileDialog(ui_session)
    qtbot.addWidget(dialog)
    dialog.show()
    header = dialog.table.horizontalHeader()
    for column in range(dialog.model.columnCount()):
        title = dialog.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) > header.fontMetrics().horizontalAdvance(title), title
