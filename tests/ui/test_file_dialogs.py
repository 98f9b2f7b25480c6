"""Where the file dialogs start: in the user's documents folder, not beside the book (the
demo book lives in a hidden data folder), and then in the folder the user last chose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from ledgerdesk.app.files import demo_book_path, ensure_demo_book
from ledgerdesk.presentation.session import Session
from ledgerdesk.storage import open_book
from ledgerdesk.ui import dialogs, export_dialog
from ledgerdesk.ui.book_view import BookView
from ledgerdesk.ui.import_pages import SourcePage
from ledgerdesk.ui.logo import LogoPicker

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def documents(monkeypatch, tmp_path) -> Path:
    """The user's documents folder and data folder, both in ``tmp_path`` (platformdirs reads
    the XDG variables), so the machine's own folders play no part."""
    folder = tmp_path / "home" / "Documents"
    folder.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    return folder


@pytest.fixture
def demo_view(qtbot, documents):
    path, _ = ensure_demo_book(TODAY)
    assert path == demo_book_path() and documents.parent / ".local" in path.parents
    book = open_book(path)
    window = QMainWindow()
    qtbot.addWidget(window)
    view = BookView(Session.of(book, path, fallback_locale="en_US", clock=lambda: TODAY),
                    QUndoStack(window), window)
    window.setCentralWidget(view)
    yield view
    view.close()
    book.close()


@pytest.fixture
def asked(monkeypatch):
    """QFileDialog's questions, recorded (title, starting place) and answered with
    ``asked.answer`` (empty: cancelled) instead of a modal dialog."""
    class Asked(list):
        answer = ""

    asked = Asked()

    def question(parent, title, start, *rest, **options):
        asked.append((title, Path(start)))
        return asked.answer, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(question))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(question))
    return asked


def test_the_export_dialog_starts_in_documents_not_beside_the_demo_book(demo_view, documents,
                                                                        monkeypatch):
    shown: list[str] = []

    def exec_(dialog) -> int:
        shown.append(dialog.path.text())
        return 0

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", exec_)
    demo_view.show_page(1)
    demo_view.export_current()
    assert [Path(text).parent for text in shown] == [documents]


def test_every_file_dialog_starts_in_documents(demo_view, documents, asked, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs.choose_book_to_open(parent)
    new_book = dialogs.NewBookDialog(parent)
    assert Path(new_book.path_edit.text()).parent == documents
    new_book._browse()
    SourcePage(parent)._browse()
    LogoPicker(None, lambda text: None).choose()
    demo_view.show_page(1)
    demo_view.invoices.table.selectRow(0)
    demo_view.print_pdf()
    assert [title for title, _ in asked] == ["Open a book", "New book", "Import a CSV file",
                                             "Choose the company logo", "Print to PDF"]
    assert [start if start.is_dir() else start.parent for _, start in asked] == [documents] * 5


def test_after_a_choice_the_dialogs_start_where_the_user_went(demo_view, documents, asked,
                                                               qtbot, tmp_path):
    elsewhere = tmp_path / "accounts"
    elsewhere.mkdir()
    asked.answer = str(elsewhere / "statement.csv")
    parent = QWidget()
    qtbot.addWidget(parent)
    SourcePage(parent)._browse()
    asked.answer = ""
    dialogs.choose_book_to_open(parent)
    assert asked[-1] == ("Open a book", elsewhere)
