"""``ledgerdesk-gui``: the window without a terminal, as a desktop launcher or a double-clicked
``.book`` starts it."""

from __future__ import annotations

import io
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from ledgerdesk.app.window import WindowUnavailable
from ledgerdesk.cli import gui


@pytest.fixture
def opened_on(monkeypatch) -> list:
    """The book each ``run_window`` call was asked to open (the window is not started)."""
    calls: list = []

    def run_window(path=None):
        calls.append(path)
        return 0

    monkeypatch.setattr(gui, "run_window", run_window)
    return calls


def test_it_is_installed_as_a_gui_script():
    scripts = {e.name: e.value for e in entry_points(group="gui_scripts")}
    assert scripts.get("ledgerdesk-gui") == "ledgerdesk.cli.gui:main"


def test_a_double_clicked_book_opens_in_the_window(opened_on, tmp_path):
    book = tmp_path / "acme.book"
    assert gui.main([str(book)]) == 0
    assert opened_on == [book]


def test_a_file_uri_from_a_launcher_is_the_file_it_names(opened_on):
    assert gui.main(["file:///home/ann/Company%20books/acme.book"]) == 0
    assert opened_on == [Path("/home/ann/Company books/acme.book")]


def test_without_a_book_the_window_opens_on_the_last_one(opened_on):
    assert gui.main([]) == 0
    assert opened_on == [None]


def test_a_damaged_book_is_for_the_window_to_say_not_a_terminal(opened_on, tmp_path):
    """``ledgerdesk open`` checks the book first and prints a line; from a launcher nobody
    would read it, so the window is started and says it in a message box."""
    damaged = tmp_path / "damaged.book"
    damaged.write_bytes(b"not a database")
    assert gui.main([str(damaged)]) == 0
    assert opened_on == [damaged]


def test_no_display_is_said_where_it_can_be_and_nowhere_else(monkeypatch):
    def refuse(path=None):
        raise WindowUnavailable("no display found")

    monkeypatch.setattr(gui, "run_window", refuse)
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert gui.main([]) == 2
    import sys

    assert "no display found" in sys.stderr.getvalue()
    monkeypatch.setattr("sys.stderr", None)  # pythonw on Windows: no stream at all
    assert gui.main([]) == 2
