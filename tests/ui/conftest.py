"""UI fixtures: the real window and editors on the test book, offscreen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ledgerdesk.presentation.session import Session

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def ui_session(book) -> Session:
    return Session.of(book, Path(book.path), fallback_locale="de_DE", clock=lambda: TODAY)


@pytest.fixture
def two_invoices(issue, customer):
    """Acme Retail owes 100.00 (due first) and 50.00."""
    return (issue(customer, "100", issue_date=dt.date(2024, 1, 1))[0],
            issue(customer, "50", issue_date=dt.date(2024, 1, 20))[0])


@pytest.fixture(autouse=True)
def no_machine_locale(monkeypatch) -> None:
    """A window in a test is given its locale (``system_locale=``): reading the machine's
    would make a result depend on ``LANG`` (``C.UTF-8`` on CI, ``de_CH.UTF-8`` elsewhere)."""
    def refuse() -> str:
        raise AssertionError("pass system_locale= to MainWindow: tests never read the machine's")

    monkeypatch.setattr("ledgerdesk.ui.main_window.system_locale_name", refuse)


@pytest.fixture(autouse=True)
def answers(monkeypatch) -> _Answers:
    """Questions the app asks (``dialogs.confirm``) are answered "yes" without a modal box,
    so closing a window at teardown never blocks; a test can set ``answers.reply``."""
    asked = _Answers()

    def confirm(*args) -> bool:
        asked.append(args)
        return asked.reply

    monkeypatch.setattr("ledgerdesk.ui.dialogs.confirm", confirm)
    return asked


class _Answers(list):
    reply = True


@pytest.fixture(autouse=True)
def fresh_dialog_folder():
    """Each test's file dialogs start afresh, not where an earlier test's export went."""
    from ledgerdesk.ui import file_dialogs

    file_dialogs.forget()
    yield
    file_dialogs.forget()


@pytest.fixture
def book_window(qtbot, tmp_path, book):
    """The real main window with the test book open (German, "today" is ``TODAY``), shown
    and active, so window shortcuts reach it."""
    from PySide6.QtWidgets import QApplication

    from ledgerdesk.app.book_files import StorageBookFiles
    from ledgerdesk.ui.main_window import MainWindow
    from ledgerdesk.ui.preferences import Preferences

    window = MainWindow(StorageBookFiles(), Preferences.at(tmp_path / "prefs.ini"),
                        clock=lambda: TODAY, system_locale="de_DE")
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(Path(book.path))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def dark(qapp):
    """The application in dark mode (as when the system asks for it), light again after."""
    from PySide6.QtCore import Qt

    from ledgerdesk.ui.theme import use_scheme

    use_scheme(qapp, Qt.ColorScheme.Dark)
    qapp.processEvents()  # widgets hear of the new palette from the event loop
    yield qapp.palette()
    use_scheme(qapp, Qt.ColorScheme.Light)
    qapp.processEvents()
