"""The settings dialog as a user drives it: typing, refusals that keep the text, Save, Esc,
and a new locale reaching the lists."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.settings import read_settings
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.settings_dialog import SettingsDialog
from ledgerdesk.ui.theme import wrong_field_style


@pytest.fixture
def settings_dialog(qtbot, ui_session):
    dialog = SettingsDialog(ui_session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_save(qtbot, dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_shows_the_book_and_a_read_only_currency(settings_dialog):
    assert settings_dialog.company.text() == "Test Co"
    assert settings_dialog.currency.text() == "EUR"
    assert settings_dialog.locale_box.currentData() == "de_DE"  # the session's, none stored


def test_typed_settings_are_saved(qtbot, settings_dialog, book):
    retype(qtbot, settings_dialog.company, "Blue Fox Studio")
    qtbot.keyClicks(settings_dialog.address, "12 Quay Street, Dublin")
    qtbot.keyClicks(settings_dialog.tax_number, "IE1234567T")
    retype(qtbot, settings_dialog.prefixes[DocumentKind.SALES_INVOICE], "BF-")
    press_save(qtbot, settings_dialog)
    assert settings_dialog.result() == settings_dialog.DialogCode.Accepted
    saved = read_settings(book)
    assert (saved.company, saved.address, saved.tax_number, saved.locale) == (
        "Blue Fox Studio", "12 Quay Street, Dublin", "IE1234567T", "de_DE")
    assert saved.prefixes[DocumentKind.SALES_INVOICE] == "BF-"


def test_a_bad_prefix_is_explained_keeps_the_text_and_saves_nothing(qtbot, settings_dialog,
                                                                   book):
    before = read_settings(book)
    retype(qtbot, settings_dialog.company, "Renamed")
    bill = settings_dialog.prefixes[DocumentKind.BILL]
    retype(qtbot, bill, "MY BILLS")
    press_save(qtbot, settings_dialog)
    assert settings_dialog.isVisible()
    assert settings_dialog.message.isVisible()
    assert "bill prefix must be 1 to 12 characters without spaces" in (
        settings_dialog.message.text())
    assert bill.text() == "MY BILLS" and bill.styleSheet() == wrong_field_style()
    assert settings_dialog.company.text() == "Renamed"
    assert read_settings(book) == before
    retype(qtbot, bill, "BILL-")  # corrected: saved, and the outline goes
    press_save(qtbot, settings_dialog)
    assert read_settings(book).prefixes[DocumentKind.BILL] == "BILL-"
    assert bill.styleSheet() == ""


def test_esc_asks_before_discarding_changes(qtbot, settings_dialog, answers, book):
    qtbot.keyClicks(settings_dialog.address, "Somewhere")
    answers.reply = False
    qtbot.keyClick(settings_dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and settings_dialog.isVisible()
    assert settings_dialog.address.toPlainText() == "Somewhere"
    answers.reply = True
    qtbot.keyClick(settings_dialog, Qt.Key.Key_Escape)
    assert len(answers) == 2 and not settings_dialog.isVisible()
    assert read_settings(book).address == ""


def test_esc_without_changes_closes_without_asking(qtbot, settings_dialog, answers):
    qtbot.keyClick(settings_dialog, Qt.Key.Key_Escape)
    assert answers == [] and not settings_dialog.isVisible()


def test_an_unlisted_system_locale_is_offered_and_kept(qtbot, ui_session, book):
    ui_session.locale = "de_AT"
    dialog = SettingsDialog(ui_session)
    qtbot.addWidget(dialog)
    assert dialog.locale_box.currentData() == "de_AT"
    press_save(qtbot, dialog)
    assert read_settings(book).locale == "de_AT"


def test_a_new_locale_takes_effect_in_the_lists(qtbot, tmp_path, book, customer, issue):
    issue(customer, "1234.5", issue_date=dt.date(2024, 2, 1))
    window = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                        clock=lambda: dt.date(2024, 3, 1), system_locale="en_US")
    qtbot.addWidget(window)
    window.show()
    path = book.path
    book.close()  # the window opens the file itself
    assert window.open_path(path)
    total = [c.key for c in window.book_view.invoices.presenter.columns].index("total")
    cell = window.book_view.invoices.model.index(0, total)
    assert cell.data() == "1,234.50"

    def choose_german() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.locale_box.setCurrentIndex(dialog.locale_box.findData("de_DE"))
        press_save(qtbot, dialog)

    QTimer.singleShot(0, choose_german)
    window.actions["settings"].trigger()
    page = window.book_view.invoices
    assert page.model.index(0, total).data() == "1.234,50"
    issued = [c.key for c in page.presenter.columns].index("issued")
    assert page.model.index(0, issued).data() == "01.02.2024"
    window.close()
