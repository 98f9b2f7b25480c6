"""File > Exchange rates… as a user drives it: Ctrl+Shift+X lists the latest rate of each
currency, the picker shows one currency's history, Alt+A adds a rate typed in the locale,
a refused one keeps its text with the command line's words beside the field, and Import
ECB file… reads the ECB's zip off the GUI thread and says what it added."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ledgerdesk.services.rates import list_rates, rate_on, save_rate
from ledgerdesk.ui.editors.rate_dialog import RateDialog
from ledgerdesk.ui.rates_dialog import RateColumn, RatesDialog

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused():
    return QApplication.focusWidget()


def when_open(act, tries: int = 250) -> list:
    ran: list = []

    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RateDialog):
            ran.append(dialog)
            act(dialog)
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))
    QTimer.singleShot(0, lambda: poll(tries))
    return ran


def cells(dialog: RatesDialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [tuple(model.index(r, c).data() for c in RateColumn)  # type: ignore[misc]
            for r in range(model.rowCount())]


@pytest.fixture
def dialog(qtbot, book, book_window) -> RatesDialog:
    save_rate(book, "USD", Decimal("0.95"), dt.date(2024, 2, 1))
    save_rate(book, "USD", Decimal("0.9487"), dt.date(2024, 2, 29))
    save_rate(book, "GBP", Decimal("1.17"), dt.date(2024, 2, 29))
    qtbot.keyClick(focused(), Qt.Key.Key_X, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(book_window.book_dialogs.get("exchange_rates"),
                                       RatesDialog)
                    and book_window.book_dialogs["exchange_rates"].isVisible())
    opened = book_window.book_dialogs["exchange_rates"]
    qtbot.waitUntil(lambda: focused() is opened.table)
    return opened


def test_ctrl_shift_x_lists_each_currencys_latest_and_the_picker_a_history(qtbot, book_window,
                                                                           dialog):
    assert cells(dialog) == [("29.02.2024", "GBP", "1,17"), ("29.02.2024", "USD", "0,9487")]
    assert dialog.model.headerData(RateColumn.RATE, Qt.Orientation.Horizontal) == "EUR per unit"
    assert dialog.count_label.text() == "3 rates in 2 currencies"
    assert ("Exchange rates", "Ctrl+Shift+X") in book_window.shortcut_rows()
    dialog.picker.setCurrentIndex(dialog.picker.findData("USD"))
    assert cells(dialog) == [("29.02.2024", "USD", "0,9487"), ("01.02.2024", "USD", "0,95")]
    assert dialog.count_label.text() == "2 USD rates"


def test_alt_a_adds_a_rate_typed_in_the_locale(qtbot, book, dialog):
    def add(editor: RateDialog) -> None:
        qtbot.waitUntil(lambda: focused() is editor.currency)
        assert editor.date.text() == "01.03.2024"  # today, in the locale
        qtbot.keyClicks(focused(), "jpy")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is editor.rate
        qtbot.keyClicks(focused(), "0,00615")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    ran = when_open(add)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: bool(ran) and not ran[0].isVisible())
    assert rate_on(book, "JPY", dt.date(2024, 3, 1)).rate == Decimal("0.00615")
    assert dialog.status.text() == "Saved the rate of JPY on 2024-03-01: 1 JPY = 0.00615 EUR."
    assert dialog.current_row().currency == "JPY"


def test_a_refused_rate_keeps_its_text_and_says_why_beside_the_field(qtbot, book, dialog):
    def refuse(editor: RateDialog) -> None:
        qtbot.waitUntil(lambda: focused() is editor.currency)
        qtbot.keyClicks(focused(), "EUR")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "-1")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert editor.isVisible()
        assert editor.errors["currency"].text() == (
            "Rates are for foreign currencies: EUR is this book's own currency, always at 1.")
        assert editor.errors["rate"].text() == "A rate must be more than 0."
        assert (editor.currency.text(), editor.rate.text()) == ("EUR", "-1")
        editor.done(0)

    ran = when_open(refuse)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: bool(ran) and not ran[0].isVisible())
    assert len(list(list_rates(book))) == 3


def test_the_ecb_file_is_imported_off_the_gui_thread_and_said(qtbot, book, dialog, ecb_file):
    dialog.import_file(ecb_file("daily", zipped=True))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.status.text().startswith("30 new rates, 0 already in the book.")
    assert dialog.count_label.text() == "33 rates in 30 currencies"
    dialog.import_file(ecb_file("daily", text="Name,Amount\n"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert "is not an ECB rates file" in dialog.status.text()


def test_the_screenshots_show_rates_of_a_scratch_book_and_change_no_book(qtbot, ui_session,
                                                                         book, tmp_path):
    from ledgerdesk.app.book_files import StorageBookFiles
    from ledgerdesk.ui.rate_screens import rate_dialogs

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    names = []
    for name, shown in rate_dialogs(ui_session, StorageBookFiles(), scratch, None):
        qtbot.addWidget(shown)
        names.append(name)
        if name == "82-exchange-rates":
            assert shown.model.rowCount() == 5 and shown.status.text().startswith("25 new rates")
        if name == "84-exchange-rate-refused":
            assert shown.errors["rate"].text() == "A rate must be more than 0."
    assert names == ["82-exchange-rates", "83-exchange-rates-one-currency",
                     "84-exchange-rate-refused"]
    assert list(list_rates(book)) == []


def test_the_list_follows_the_book_when_it_changes(qtbot, book, dialog):
    save_rate(book, "CHF", Decimal("1.05"), dt.date(2024, 2, 29))  # as another program might
    qtbot.waitUntil(lambda: ("29.02.2024", "CHF", "1,05") in cells(dialog), timeout=5000)
    assert dialog.count_label.text() == "4 rates in 3 currencies"
