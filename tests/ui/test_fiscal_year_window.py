"""The fiscal year start in the window: a Settings field (refusals kept beside it, as the
command line words them), File > New book passing it on, and the Reports page's default
period following it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ledgerdesk.domain.fiscal_year import FiscalYearStart
from ledgerdesk.services.fiscal_year import read_fiscal_year_start
from ledgerdesk.services.settings import read_settings
from ledgerdesk.ui.settings_dialog import SettingsDialog
from ledgerdesk.ui.theme import wrong_field_style


@pytest.fixture
def settings_dialog(qtbot, ui_session):
    dialog = SettingsDialog(ui_session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def press_save(qtbot, dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_the_field_shows_the_start_and_alt_y_reaches_it(qtbot, settings_dialog):
    assert settings_dialog.year_start.text() == "01-01"
    settings_dialog.company.setFocus()
    qtbot.keyClick(settings_dialog.company, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert settings_dialog.year_start.hasFocus()


def test_a_typed_start_is_saved(qtbot, settings_dialog, book):
    retype(qtbot, settings_dialog.year_start, "4-1")
    press_save(qtbot, settings_dialog)
    assert settings_dialog.result() == settings_dialog.DialogCode.Accepted
    assert read_fiscal_year_start(book) == FiscalYearStart(4, 1)


def test_29_february_is_refused_beside_the_field_and_kept(qtbot, settings_dialog, book, run):
    retype(qtbot, settings_dialog.year_start, "02-29")
    press_save(qtbot, settings_dialog)
    assert settings_dialog.result() != settings_dialog.DialogCode.Accepted
    assert settings_dialog.year_start.text() == "02-29"
    assert settings_dialog.year_start.styleSheet() == wrong_field_style()
    shown = settings_dialog.message.text()
    _, _, err = run("settings", book.path, "--fiscal-year-start", "02-29")
    assert shown and shown in err  # the same sentence as the command line's
    assert read_settings(book).fiscal_year_start == "01-01"


def test_new_book_passes_the_year_start_on(book_window, tmp_path, monkeypatch):
    path = tmp_path / "shop.book"
    monkeypatch.setattr("ledgerdesk.ui.dialogs.ask_new_book",
                        lambda parent: (path, "Corner Shop", "GBP", "04-06"))
    book_window.new_book()
    assert book_window.session is not None and book_window.session.path == path
    assert read_fiscal_year_start(book_window.session.book) == FiscalYearStart(4, 6)


def test_the_reports_page_starts_on_the_fiscal_year_to_date(qtbot, tmp_path, book,
                                                           monkeypatch):
    from ledgerdesk.presentation.report_params import Preset
    from ledgerdesk.presentation.session import Session
    from ledgerdesk.services.fiscal_year import FISCAL_YEAR_START
    from ledgerdesk.ui.views.reports_page import ReportsPage

    with book.write() as tx:
        tx.set_setting(FISCAL_YEAR_START, "04-01")
    session = Session.of(book, tmp_path / "t.book", fallback_locale="en_US",
                         clock=lambda: dt.date(2024, 3, 1))
    page = ReportsPage(session)
    qtbot.addWidget(page)
    assert page.form.preset is Preset.FISCAL_YEAR_TO_DATE
    assert (page.form.start_text, page.form.end_text) == ("4/1/2023", "3/1/2024")
    assert page.bar.preset.currentText() == "Fiscal year to date"
