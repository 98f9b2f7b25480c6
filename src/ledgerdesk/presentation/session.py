"""An open book as the window sees it, and the port through which it opens book files.

``BookFiles`` is implemented in ``ledgerdesk.app.book_files`` (storage); the window only
sees this protocol, so presenters are tested with a real book but never import storage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ledgerdesk.presentation.live_payments import LivePayments
from ledgerdesk.presentation.locales import is_known_locale, normal_locale
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import BASE_CURRENCY, COMPANY_NAME

if TYPE_CHECKING:
    from ledgerdesk.presentation.backups import BookBackups

Progress = Callable[[int, int], None]  # (done, total); may raise to cancel
LOCALE_SETTING = "locale"
DEFAULT_LOCALE = "en_US"


class BookFileError(Exception):
    """A book file could not be opened or created; ``str()`` is one line for the user."""


class BookFiles(Protocol):
    #: Backing up, listing and restoring book files (File > Backups…, the daily backup).
    backups: BookBackups

    def open(self, path: Path) -> Book: ...
    def create(self, path: Path, *, company: str, currency: str,
               fiscal_year_start: str = "01-01") -> Book: ...
    def demo(self, today: dt.date, progress: Progress | None = None) -> Path: ...


@dataclass
class Session:
    """The open book, its company, currency and locale, and what "today" is."""

    book: Book
    path: Path
    company: str
    currency: str
    locale: str
    clock: Callable[[], dt.date] = field(default=dt.date.today)
    # Undo steps share it: which payment stands for one recorded again since.
    live_payments: LivePayments = field(default_factory=LivePayments, compare=False,
                                        repr=False)

    @classmethod
    def of(cls, book: Book, path: Path, *, fallback_locale: str = DEFAULT_LOCALE,
           clock: Callable[[], dt.date] = dt.date.today) -> Session:
        """The session of an open book.  Its locale is the book's setting; a book without a
        usable one uses ``fallback_locale`` (the window passes the system's), and ``en_US`` stands
        in for any tag Babel has no data for and for the C library's ``C`` and ``POSIX``."""
        with book.read() as tx:
            company = tx.get_setting(COMPANY_NAME) or ""
            currency = tx.get_setting(BASE_CURRENCY) or "XXX"
            stored = tx.get_setting(LOCALE_SETTING) or ""
        locale = next((normal_locale(tag) for tag in (stored, fallback_locale)
                       if tag and is_known_locale(tag)), DEFAULT_LOCALE)
        return cls(book, path, company, currency, locale, clock)

    @property
    def today(self) -> dt.date:
        return self.clock()

    @property
    def title(self) -> str:
        return self.company or self.path.stem

    def close(self) -> None:
        self.book.close()
