"""The window speaks the language chosen in Settings, else the system's; the choice is the
user's (the window's preferences), not the book's, and amounts keep the book's locale."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.settings_dialog import SettingsDialog

# A menu, an action, a navigation entry and a list's column title, in each language.
WORDS = {
    "en": ("&File", "Record &payment…", "Sales invoices", "Outstanding"),
    "de": ("&Datei", "&Zahlung erfassen…", "Ausgangsrechnungen", "Offen"),
    "fr": ("&Fichier", "Enregistrer un &paiement…", "Factures de vente", "Restant dû"),
    "es": ("&Archivo", "Registrar &pago…", "Facturas de venta", "Pendiente"),
}


def window_in(qtbot, tmp_path, book, language: str | None = None,
              system_locale: str = "en_US") -> MainWindow:
    prefs = Preferences.at(tmp_path / "prefs.ini")
    if language is not None:
        prefs.set_language(language)
    window = MainWindow(StorageBookFiles(), prefs, system_locale=system_locale)
    qtbot.addWidget(window)
    assert window.open_path(Path(book.path))
    return window


def words_of(window: MainWindow) -> tuple[str, str, str, str]:
    invoices = window.book_view.pages.widget(1)
    column = invoices.presenter.columns[6]
    return (window.menuBar().actions()[0].text(), window.actions["record_payment"].text(),
            window.book_view.nav.item(1).text(), column.title)


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_the_window_speaks_the_language_chosen_in_settings(qtbot, tmp_path, book, language):
    assert words_of(window_in(qtbot, tmp_path, book, language)) == WORDS[language]


def test_without_a_choice_the_window_follows_the_system(qtbot, tmp_path, book, monkeypatch):
    for name in ("LEDGERDESK_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    window = window_in(qtbot, tmp_path, book, system_locale="fr_CH")  # Qt's, as on Windows
    assert words_of(window) == WORDS["fr"]


def test_the_language_is_chosen_in_settings_and_kept_for_the_next_start(
        qtbot, tmp_path, book, ui_session):
    prefs = Preferences.at(tmp_path / "prefs.ini")
    dialog = SettingsDialog(ui_session, prefs=prefs)
    qtbot.addWidget(dialog)
    box = dialog.language_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "System language", "English", "Deutsch", "Français", "Español"]
    box.setCurrentIndex(box.findData("es"))
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert prefs.language() == "es"
    assert words_of(window_in(qtbot, tmp_path, book)) == WORDS["es"]


def test_german_words_keep_the_books_amounts(qtbot, tmp_path, book, issue, customer):
    """The language is only the words: an en_US book still writes 1,234.50 in German."""
    from dataclasses import replace

    from ledgerdesk.services.settings import read_settings, update_settings

    settings = read_settings(book)
    update_settings(book, replace(settings, locale="en_US"), {"en_US"})
    issue(customer, "1234.50")
    window = window_in(qtbot, tmp_path, book, "de")
    invoices = window.book_view.pages.widget(1)
    invoices.presenter.count()
    row = invoices.presenter.page(0, 1)[0]
    assert invoices.presenter.columns[5].text(row) == "1,234.50"  # not 1.234,50
    assert invoices.presenter.columns[5].title == "Summe"


def test_qts_own_buttons_follow_and_leave_no_german_behind(qtbot, tmp_path, book, ui_session):
    """Save and Cancel are Qt's words: its catalogue for the language is installed with the
    window's, and taken out again when the next window speaks English."""
    def save_text() -> str:
        dialog = SettingsDialog(ui_session)
        qtbot.addWidget(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        return buttons.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "")

    window_in(qtbot, tmp_path, book, "de")
    assert save_text() == "Speichern"
    window_in(qtbot, tmp_path / "en", book, "en")
    assert save_text() == "Save"
