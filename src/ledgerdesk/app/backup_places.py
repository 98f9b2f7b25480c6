"""Where each book's backups go: ``NAME.book.backups/`` beside the book, unless the user
picked a folder for it.

A picked folder is remembered per book (by its full path) in ``backup-folders.json`` in the
user's configuration folder, and nowhere else: not in the book, because the folder must be
found when the book itself is broken (that is when a backup is wanted); not in the window's
``QSettings``, because the command line must find it too, without Qt.  A book moved or
renamed is a new path, whose backups go beside it again until a folder is picked for it.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from platformdirs import user_config_dir

from ledgerdesk.domain.backups import default_folder

APP_NAME = "Ledgerdesk"
PLACES_FILE = "backup-folders.json"


def places_file() -> Path:
    # appauthor=False: %LOCALAPPDATA%\Ledgerdesk on Windows, as app.files' data folder.
    return Path(user_config_dir(APP_NAME, appauthor=False)) / PLACES_FILE


class BackupPlaces:
    """``file``: where the choices are kept (default: ``places_file()``, read when used, so
    ``XDG_CONFIG_HOME`` set later still counts)."""

    def __init__(self, file: Path | None = None) -> None:
        self._file = file

    @property
    def file(self) -> Path:
        return self._file or places_file()

    def chosen(self, book: Path) -> Path | None:
        """The folder picked for ``book``, or None: beside it."""
        value = self._read().get(_key(book))
        return Path(value) if isinstance(value, str) and value else None

    def folder(self, book: Path) -> Path:
        return self.chosen(book) or default_folder(_resolved(book))

    def choose(self, book: Path, folder: Path | None) -> None:
        """Remember ``folder`` for ``book``; None (or the folder beside it) forgets."""
        choices = self._read()
        if folder is None or _resolved(folder) == default_folder(_resolved(book)):
            choices.pop(_key(book), None)
        else:
            choices[_key(book)] = str(_resolved(folder))
        self._write(choices)

    def _read(self) -> dict[str, object]:
        """A missing or unreadable file is no choice made (backups go beside each book)."""
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, choices: dict[str, object]) -> None:
        file = self.file
        file.parent.mkdir(parents=True, exist_ok=True)
        beside = file.with_name(file.name + ".new")
        try:
            beside.write_text(json.dumps(choices, indent=2, sort_keys=True), encoding="utf-8")
            os.replace(beside, file)
        finally:
            with contextlib.suppress(OSError):
                beside.unlink()


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _key(book: Path) -> str:
    return os.path.realpath(_resolved(book))  # never raises, even on a loop of links
