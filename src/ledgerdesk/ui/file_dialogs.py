"""The window's file dialogs: each starts in the user's documents folder, then in the
folder they last chose a file in (for the rest of the session).

Every ``QFileDialog`` question goes through here, so no dialog starts beside the open book
(the demo book sits in a hidden data folder) or in the program's working directory.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ledgerdesk.presentation.dialog_folders import folder_of
from ledgerdesk.presentation.dialog_folders import start_folder as _start_folder

_last_chosen: list[Path] = []  # at most one: the folder of the user's last choice


def start_folder() -> Path:
    return _start_folder(_last_chosen[0] if _last_chosen else None)


def remember(chosen: Path) -> None:
    """The user chose ``chosen`` (typed or picked): the next dialog starts beside it."""
    _last_chosen[:] = [folder_of(chosen.expanduser().absolute())]


def forget() -> None:
    """Back to the documents folder (a new session; tests)."""
    _last_chosen.clear()


def open_file(parent: QWidget, title: str, name_filter: str, start: str = "") -> Path | None:
    """An existing file, or None when cancelled; ``start`` (a path already typed) wins over
    the remembered folder."""
    name, _ = QFileDialog.getOpenFileName(parent, title, start or str(start_folder()),
                                          name_filter)
    return _chosen(name)


def save_file(parent: QWidget, title: str, name_filter: str, suggested: str) -> Path | None:
    """Where to write; ``suggested`` is a file name (put in the start folder) or a path."""
    start = suggested if Path(suggested).is_absolute() else str(start_folder() / suggested)
    name, _ = QFileDialog.getSaveFileName(parent, title, start, name_filter)
    return _chosen(name)


def choose_folder(parent: QWidget, title: str, start: Path | None = None) -> Path | None:
    """An existing folder, or None when cancelled; starts in ``start`` when it exists."""
    begin = start if start is not None and start.is_dir() else start_folder()
    name = QFileDialog.getExistingDirectory(parent, title, str(begin))
    return Path(name) if name else None


def _chosen(name: str) -> Path | None:
    if not name:
        return None
    path = Path(name)
    remember(path)
    return path
