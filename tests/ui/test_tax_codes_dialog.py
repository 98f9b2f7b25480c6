"""File > Tax codes… as a user drives it with the keyboard: Ctrl+Shift+T lists every code
with whether a posted document uses it, Alt+A adds one, Enter on a row changes an unused
code's rate, a used code's new rate is refused in the command line's words with the text
kept, and the list follows the book when it changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ledgerdesk.domain.documents import Side
from ledgerdesk.services.tax_codes import list_tax_codes
from ledgerdesk.ui.editors.tax_code_dialog import TaxCodeDialog
from ledgerdesk.ui.tax_codes_dialog import TaxCodeColumn, TaxCodesDialog

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def codes(book) -> list[tuple[str, str, Decimal, str]]:
    return [(c.side.value, c.name, c.rate, c.account_code) for c in list_tax_codes(book)]


def when_open(act, tries: int = 250) -> list:
    """Run ``act`` on the tax code editor once it is the modal dialog (a mnemonic clicks
    its button 100 ms after the key); the list it returns holds ``act``'s dialog when run."""
    ran: list = []

    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, TaxCodeDialog):
            ran.append(dialog)
            act(dialog)
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))
    QTimer.singleShot(0, lambda: poll(tries))
    return ran


def focused():
    return QApplication.focusWidget()


@pytest.fixture
def used_20(issue, customer) -> str:
    """Standard 20% (sales) on a posted invoice; its number."""
    return issue(customer, "100", tax_rate="20")[1]


@pytest.fixture
def dialog(qtbot, book_window) -> TaxCodesDialog:
    qtbot.keyClick(focused(), Qt.Key.Key_T, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(book_window.tax_codes_dialog, TaxCodesDialog)
                    and book_window.tax_codes_dialog.isVisible())
    opened = book_window.tax_codes_dialog
    qtbot.waitUntil(lambda: focused() is opened.table)
    return opened


def shown(dialog: TaxCodesDialog, name: str, side: str, column: TaxCodeColumn) -> str:
    model = dialog.model
    for r in range(model.rowCount()):
        if (model.index(r, TaxCodeColumn.NAME).data(), model.index(r, TaxCodeColumn.SIDE)
                .data()) == (name, side):
            return model.index(r, column).data()
    raise AssertionError(f"no row {name}, {side}")


def go_to(qtbot, dialog: TaxCodesDialog, name: str, side: str) -> None:
    """Arrow down from the first row to the code, as a user does."""
    qtbot.keyClick(dialog.table, Qt.Key.Key_Home)
    for _ in range(dialog.model.rowCount()):
        row = dialog.current_row()
        if row is not None and (row.name, row.side) == (name, side):
            return
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    raise AssertionError(f"no row {name}, {side}")


def test_ctrl_shift_t_lists_every_code_and_whether_it_can_change(qtbot, used_20, book_window,
                                                                 dialog):
    assert dialog.model.rowCount() == 6
    assert shown(dialog, "Standard 20%", "Sales", TaxCodeColumn.USED) == f"used on {used_20}"
    assert shown(dialog, "Standard 20%", "Purchases", TaxCodeColumn.USED) == "unused"
    assert shown(dialog, "Standard 20%", "Sales", TaxCodeColumn.ACCOUNT) == "2200 Sales Tax"
    assert shown(dialog, "Reduced 5%", "Sales", TaxCodeColumn.RATE) == "5"
    assert dialog.count_label.text() == "6 tax codes, 1 used on posted documents"
    assert ("Tax codes", "Ctrl+Shift+T") in book_window.shortcut_rows()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: book_window.tax_codes_dialog is None)


def test_alt_a_adds_a_code_typed_with_the_keyboard(qtbot, book, dialog):
    def add(editor: TaxCodeDialog) -> None:
        assert editor.windowTitle() == "New tax code"
        qtbot.waitUntil(lambda: focused() is editor.name)
        qtbot.keyClicks(focused(), "Books")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is editor.side_box
        qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Purchases
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is editor.rate
        qtbot.keyClicks(focused(), "5,5")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    ran = when_open(add)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: bool(ran) and not ran[0].isVisible())
    assert ("PURCHASES", "Books", Decimal("5.5"), "2200") in codes(book)
    assert dialog.current_row().name == "Books"
    assert shown(dialog, "Books", "Purchases", TaxCodeColumn.RATE) == "5,5"
    assert dialog.status.text() == ("Created purchases tax code Books at 5.5%, posting to "
                                    "2200 Sales Tax.")


def test_enter_on_an_unused_code_changes_its_rate(qtbot, book, dialog):
    go_to(qtbot, dialog, "Reduced 5%", "Sales")

    def change(editor: TaxCodeDialog) -> None:
        assert editor.windowTitle() == "Tax code Reduced 5% (sales)"
        assert not editor.name.isEnabled() and not editor.side_box.isEnabled()
        qtbot.waitUntil(lambda: focused() is editor.rate)
        assert editor.rate.selectedText() == "5"
        qtbot.keyClicks(focused(), "7")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    ran = when_open(change)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(ran) and not ran[0].isVisible())
    assert shown(dialog, "Reduced 5%", "Sales", TaxCodeColumn.RATE) == "7"
    assert ("SALES", "Reduced 5%", Decimal(7), "2200") in codes(book)
    assert dialog.status.text() == ("Changed sales tax code Reduced 5% at 7%, posting to 2200 "
                                    "Sales Tax.")


def test_a_used_codes_new_rate_is_refused_beside_the_field_and_kept(qtbot, book, used_20,
                                                                   dialog, answers):
    before = codes(book)
    go_to(qtbot, dialog, "Standard 20%", "Sales")
    seen: dict[str, object] = {}

    def change(editor: TaxCodeDialog) -> None:
        assert editor.note.text().startswith(f"Used on posted documents ({used_20})")
        qtbot.waitUntil(lambda: focused() is editor.rate)
        qtbot.keyClicks(focused(), "21")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        seen.update(visible=editor.isVisible(), rate=editor.rate.text(),
                    why=editor.errors["rate"].text(), shown=editor.errors["rate"].isVisible(),
                    focus=focused())
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    ran = when_open(change)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(ran) and not ran[0].isVisible())
    assert seen == {
        "visible": True, "rate": "21", "shown": True, "focus": ran[0].rate,
        "why": (f"Standard 20% is used on posted documents ({used_20}), so its rate stays "
                "20%: they were posted at it. Make a new code for 21% instead (e.g. "
                "“Tax 21%”)."),
    }
    assert answers and answers[-1][1] == "Discard changes?"
    assert codes(book) == before
    assert shown(dialog, "Standard 20%", "Sales", TaxCodeColumn.RATE) == "20"


def test_the_list_follows_the_book_when_it_changes(qtbot, dialog, issue, customer):
    assert shown(dialog, "Reduced 5%", "Sales", TaxCodeColumn.USED) == "unused"
    number = issue(customer, "100", tax_rate="5")[1]  # as another program might
    qtbot.waitUntil(lambda: shown(dialog, "Reduced 5%", "Sales", TaxCodeColumn.USED)
                    == f"used on {number}", timeout=5000)


def test_the_rate_field_says_what_is_wrong_as_it_is_typed(qtbot, ui_session, book):
    editor = TaxCodeDialog(ui_session, None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.rate, "abc")
    assert editor.errors["rate"].text() == "“abc” is not a percentage, like 20 or 5,5."
    assert editor.errors["rate"].isVisible()
    assert editor.errors["name"].isHidden()  # not typed in yet: nothing to say
    editor.rate.setText("-5")
    assert editor.errors["rate"].text() == "A tax rate is 0 to 100 percent, not -5%."
    editor.rate.setText("5")
    assert editor.errors["rate"].isHidden()
    editor.save()
    assert editor.errors["name"].text() == "A tax code needs a name."
    assert editor.result() != editor.DialogCode.Accepted and editor.editor.saved is None


def test_esc_closes_an_untouched_editor_without_asking(qtbot, ui_session, answers):
    editor = TaxCodeDialog(ui_session, None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClick(editor.name, Qt.Key.Key_Escape)
    assert not editor.isVisible() and not answers
    assert editor.typed()["side"] is Side.SALES


def test_the_screenshots_show_a_refusal_and_change_no_book(qtbot, ui_session, book, used_20):
    from ledgerdesk.ui.tax_code_screens import tax_code_dialogs

    before = codes(book)
    screens = dict(tax_code_dialogs(ui_session, None))
    for dialog in screens.values():
        qtbot.addWidget(dialog)
    assert list(screens) == ["73-tax-codes", "74-tax-code-used-refused",
                             "75-tax-code-new-not-a-percentage"]
    refused = screens["74-tax-code-used-refused"]
    assert (refused.rate.text(), refused.errors["rate"].text().split(",")[0]) == (
        "21", f"Standard 20% is used on posted documents ({used_20})")
    assert codes(book) == before


@pytest.mark.parametrize(("key", "modifier", "title"), [
    (Qt.Key.Key_H, ALT, "Tax code Reduced 5% (purchases)"),
    (Qt.Key.Key_N, CTRL, "New tax code"),
])
def test_alt_h_changes_and_ctrl_n_adds_and_esc_leaves_untouched(qtbot, dialog, answers, key,
                                                                modifier, title):
    go_to(qtbot, dialog, "Reduced 5%", "Purchases")
    titles = []

    def leave(editor: TaxCodeDialog) -> None:
        titles.append(editor.windowTitle())
        qtbot.waitUntil(lambda: focused() is not None and focused().window() is editor)
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    ran = when_open(leave)
    qtbot.keyClick(dialog.table, key, modifier)
    qtbot.waitUntil(lambda: bool(ran) and not ran[0].isVisible())
    assert titles == [title] and not answers
    assert dialog.isVisible() and dialog.focusWidget() is dialog.table
