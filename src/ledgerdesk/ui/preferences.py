"""What the window remembers between runs: recent books, the last book, window geometry, and
the language the user chose in Settings (empty: the system's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Preferences:
    """A thin layer over ``QSettings`` (an INI file), so tests can point it at a temp file."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def for_user(cls) -> Preferences:
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             "Ledgerdesk", "Ledgerdesk"))

    @classmethod
    def at(cls, path: Path) -> Preferences:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def recent_books(self) -> list[Path]:
        value = self._settings.value("books/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(item) for item in items if item]

    def remember_book(self, path: Path) -> None:
        """Put ``path`` first in the recent list and make it the book to reopen."""
        resolved = str(path.resolve())
        recent = [resolved] + [str(p) for p in self.recent_books() if str(p) != resolved]
        self._settings.setValue("books/recent", recent[:MAX_RECENT])
        self._settings.setValue("books/last", resolved)

    def forget_book(self, path: Path) -> None:
        resolved = str(path.resolve())
        self._settings.setValue(
            "books/recent", [str(p) for p in self.recent_books() if str(p) != resolved]
        )
        if self._settings.value("books/last") == resolved:
            self._settings.remove("books/last")

    def closed_book(self) -> None:
        """The user closed the book: start on the welcome screen next time."""
        self._settings.remove("books/last")

    def last_book(self) -> Path | None:
        value = self._settings.value("books/last")
        return Path(value) if value else None

    def language(self) -> str:
        """The language chosen in Settings (``"de"``), or ``""``: the system's."""
        value = self._settings.value("window/language", "")
        return value if isinstance(value, str) else ""

    def set_language(self, language: str) -> None:
        self._settings.setValue("window/language", language)

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)

    def sync(self) -> None:
        self._settings.sync()
