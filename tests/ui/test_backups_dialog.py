"""File > Backups… (Ctrl+Shift+B): the book's backups with date, kind, size and verified;
Back up now; Restore… (asked first, naming the date; the window reopens the restored book);
the folder they go to.  And the daily backup the window takes on opening a book: in the
background, said in the status bar, a failure one line there and the book open anyway."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ledgerdesk.app.backup_places import BackupPlaces
from ledgerdesk.app.backups import StorageBackups
from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.domain.backups import BackupKind
from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.services.commands import NewContact
from ledgerdesk.services.contacts import add_contact
from ledgerdesk.ui import dialogs, file_dialogs
from ledgerdesk.ui.backups_dialog import BackupColumn, BackupsDialog
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences
from ledgerdesk.ui.workers import running_tasks

TODAY = dt.date(2024, 3, 1)
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def own_config(monkeypatch, tmp_path: Path) -> None:
    """Folders chosen here are remembered in the test's own folder, never the machine's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def errors(monkeypatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, title, message:
                        said.append((title, message)))
    return said


def names(window: MainWindow) -> list[str]:
    from ledgerdesk.services.contact_names import contact_names

    return sorted(c.name for c in contact_names(window.session.book))


def open_dialog(qtbot, window: MainWindow) -> BackupsDialog:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.findChild(BackupsDialog) is not None
                    and window.findChild(BackupsDialog).isVisible())
    return window.findChild(BackupsDialog)


def back_up_now(qtbot, dialog: BackupsDialog) -> None:
    count = dialog.model.rowCount()
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == count + 1 and not running_tasks(),
                    timeout=20_000)


def test_ctrl_shift_b_lists_the_backups_and_backs_up_now(qtbot, book_window, book):
    dialog = open_dialog(qtbot, book_window)
    assert ("Backups", "Ctrl+Shift+B") in book_window.shortcut_rows()
    assert dialog.model.rowCount() == 0 and dialog.count_label.text() == "0 backups"
    assert dialog.folder_label.text() == (f"Backups go to {book.path}.backups, beside the "
                                          "book.")
    back_up_now(qtbot, dialog)
    row = dialog.presenter.rows[0]
    assert dialog.model.index(0, BackupColumn.WHEN).data() == row.when
    assert [dialog.model.index(0, c).data() for c in (BackupColumn.KIND,
                                                      BackupColumn.VERIFIED)] == [
        "Manual", "Verified"]
    assert dialog.status.text() == dialog.presenter.backed_up_text(row.backup)
    assert row.backup.path.parent == Path(f"{book.path}.backups")


def test_restore_asks_naming_the_date_and_reopens_the_restored_book(qtbot, book_window, book,
                                                                     answers, errors):
    book.close()  # the test's own connection: only the window has the book open
    dialog = open_dialog(qtbot, book_window)
    back_up_now(qtbot, dialog)
    when = dialog.presenter.rows[0].when
    add_contact(book_window.session.book, NewContact(name="Mistake", role=ContactRole.CUSTOMER))
    assert names(book_window) == ["Mistake"]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert answers[-1][2].startswith(f"Restore the backup of {when}?")
    qtbot.waitUntil(lambda: book_window.session is not None and not running_tasks(),
                    timeout=20_000)
    assert errors == []
    assert names(book_window) == []
    assert book_window.statusBar().currentMessage().startswith(
        f"Restored the backup of {when}.")
    kinds = [b.kind for b in book_window.files.backups.list(book_window.session.path)]
    assert kinds == [BackupKind.BEFORE_RESTORE, BackupKind.MANUAL]


def test_a_restore_not_wanted_changes_nothing(qtbot, book_window, answers):
    dialog = open_dialog(qtbot, book_window)
    back_up_now(qtbot, dialog)
    add_contact(book_window.session.book, NewContact(name="Kept", role=ContactRole.CUSTOMER))
    answers.reply = False
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and names(book_window) == ["Kept"]


def test_a_refused_restore_says_why_and_the_book_stays_open(qtbot, book_window, book, errors):
    book.close()  # the test's own connection: the other program below is what refuses
    dialog = open_dialog(qtbot, book_window)
    back_up_now(qtbot, dialog)
    add_contact(book_window.session.book, NewContact(name="Kept", role=ContactRole.CUSTOMER))
    dialog.table.selectRow(0)
    with contextlib.closing(sqlite3.connect(book.path)) as other:  # another program
        other.execute("SELECT count(*) FROM contacts").fetchone()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: errors != [] and book_window.session is not None,
                        timeout=20_000)
    assert errors[0][0] == "The book was not restored"
    assert errors[0][1].startswith(f"{book.path} is open in another program")
    assert names(book_window) == ["Kept"]


def test_the_folder_can_be_chosen_and_put_back_beside_the_book(qtbot, book_window, book,
                                                               tmp_path, monkeypatch):
    chosen = tmp_path / "usb"
    chosen.mkdir()
    monkeypatch.setattr(file_dialogs, "choose_folder", lambda *_: chosen)
    dialog = open_dialog(qtbot, book_window)
    assert not dialog.beside_button.isEnabled()
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_label.text() == (f"Backups go to {chosen}, the folder chosen for "
                                          "this book.")
    back_up_now(qtbot, dialog)
    assert dialog.presenter.rows[0].backup.path.parent == chosen
    assert BackupPlaces().chosen(Path(book.path)) == chosen  # the command line sees it too
    qtbot.mouseClick(dialog.beside_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_label.text().endswith(", beside the book.")


def daily_window(qtbot, tmp_path: Path, backups: StorageBackups) -> MainWindow:
    window = MainWindow(StorageBookFiles(backups=backups), Preferences.at(tmp_path / "p.ini"),
                        clock=lambda: TODAY, system_locale="de_DE")
    qtbot.addWidget(window)
    window.show()
    return window


def test_opening_a_book_backs_it_up_once_a_day_in_the_background(qtbot, tmp_path, book):
    window = daily_window(qtbot, tmp_path, StorageBackups(daily=True))
    path = Path(book.path)
    assert window.open_path(path)
    # Opened at once: the backup is still running, and the status bar says so.
    assert window.session is not None and running_tasks()
    assert window.statusBar().currentMessage() == "Backing up the book…"
    qtbot.waitUntil(lambda: not running_tasks(), timeout=20_000)
    assert window.statusBar().currentMessage() == "Backed up for today, verified."
    (made,) = window.files.backups.list(path)
    assert made.kind is BackupKind.DAILY and made.verified
    window.close_book()
    assert window.open_path(path)
    assert not running_tasks() and len(window.files.backups.list(path)) == 1


def test_a_failed_daily_backup_is_one_line_and_the_book_opens(qtbot, tmp_path, book):
    backups = StorageBackups(daily=True)
    path = Path(book.path)
    gone = tmp_path / "unplugged"
    gone.mkdir()
    backups.choose_folder(path, gone)
    gone.rmdir()
    window = daily_window(qtbot, tmp_path, backups)
    assert window.open_path(path)
    qtbot.waitUntil(lambda: not running_tasks(), timeout=20_000)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Today's backup failed: The backup folder {gone} does not exist")
    assert "\n" not in message and window.session is not None


def test_the_application_takes_the_daily_backup(monkeypatch):
    """``ledgerdesk open`` (and ``--demo``) hand the window backups with the daily one on."""
    import ledgerdesk.ui.application as application
    from ledgerdesk.app.window import run_window

    given = {}
    monkeypatch.setattr(application, "run_app", lambda files, **_: given.setdefault("f", files)
                        and 0)
    assert run_window() == 0
    assert given["f"].backups.daily is True
