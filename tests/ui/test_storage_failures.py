"""The window when the book's file fails: a damaged, locked or read-only book says the
storage's one sentence in a message box; a payment the full disk refused leaves the dialog
open with what the user typed and the sentence under it."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from fault_injection import flip_page_byte
from file_systems import read_only_file
from ledgerdesk.app.book_files import StorageBookFiles
from ledgerdesk.app.files import build_demo_book
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.payment_editor import PaymentEditor
from ledgerdesk.ui.editors.payment_dialog import PaymentDialog
from ledgerdesk.ui.main_window import MainWindow
from ledgerdesk.ui.preferences import Preferences

TODAY = dt.date(2024, 6, 30)
WAIT = 0.2


@pytest.fixture(scope="module")
def small_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.book"
    build_demo_book(path, company="Demo Co", currency="EUR", size=24, seed=3, today=TODAY)
    return path


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str]]:
    """(title, message) of every message box the window shows."""
    boxes: list[tuple[str, str]] = []
    for name in ("error", "inform"):
        monkeypatch.setattr(f"ledgerdesk.ui.dialogs.{name}",
                            lambda _parent, title, message: boxes.append((title, message)))
    return boxes


@pytest.fixture
def window(qtbot, tmp_path):
    main = MainWindow(StorageBookFiles(busy_timeout=WAIT), Preferences.at(tmp_path / "p.ini"),
                      clock=lambda: TODAY, system_locale="en_US")
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


@pytest.fixture
def copy(small_book, tmp_path) -> Path:
    path = tmp_path / "copy.book"
    shutil.copyfile(small_book, path)
    return path


def test_a_damaged_book_is_refused_with_the_sentence(window, shown, copy):
    flip_page_byte(copy, "settings")
    assert not window.open_path(copy)
    ((title, message),) = shown
    assert title == "The book could not be opened"
    assert message.startswith(f"{copy} is damaged (SQLite: ")
    assert message.endswith(f"`ledgerdesk check {copy}` explains.")
    assert window.stack.currentWidget() is window.welcome


def test_a_locked_book_is_refused_with_the_sentence(window, shown, copy):
    with contextlib.closing(sqlite3.connect(copy, isolation_level=None)) as other:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")  # holds the whole file, readers too
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE settings SET value = value")
        assert not window.open_path(copy)
        other.execute("ROLLBACK")
    ((title, message),) = shown
    assert title == "The book could not be opened"
    assert message == (f"Another program is writing to {copy}; Ledgerdesk waited {WAIT} "
                       "seconds for it to finish. Close the other program, or try again when "
                       "it is done.")


def test_a_read_only_book_opens_and_says_it_cannot_be_changed(as_root, window, shown, copy):
    with read_only_file(copy):
        assert window.open_path(copy)
        ((title, message),) = shown
        assert title == "This book is read-only"
        assert message.startswith(f"{copy} is read-only: Ledgerdesk can show it but not")
        assert "read-only" in window.windowTitle()
        form = PaymentEditor(window.session, PaymentKind.CUSTOMER_RECEIPT)
        contact = next(c for c in window.session.book.queries().list_contacts()
                       if c.role.is_customer)
        form.set_contact(contact.id, contact.name)
        form.set_amount_text("1.00")
        form.set_keep_excess_as_credit(True)
        assert form.save() is None and form.save_error == message
        window.close_book()


def test_a_payment_the_full_disk_refused_keeps_the_dialog_open(qtbot, faults, ui_session,
                                                               customer, two_invoices):
    dialog = PaymentDialog(PaymentEditor(ui_session, PaymentKind.CUSTOMER_RECEIPT))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.contact.select_id(customer)
    qtbot.keyClicks(dialog.amount_edit, "120,00")
    faults.fail_at(1, "full")  # BEGIN IMMEDIATE: the first step of the write
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    faults.count()
    assert dialog.isVisible() and dialog.result_payment is None
    assert dialog.save_message.text() == (
        f"The disk holding {ui_session.path} is full, so nothing was saved. Free some space on "
        "it and try again.")
    assert dialog.save_message.isVisible()
    assert dialog.amount_edit.text() == "120,00"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # room again
    assert dialog.result_payment is not None and not dialog.isVisible()
