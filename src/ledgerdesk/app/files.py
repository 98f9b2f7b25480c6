"""Book files: open, create, fill with the demo, and delete, for the CLI and the window.

This is where the SQLite storage meets the services; the window reaches it only through
the ``BookFiles`` port of ``ledgerdesk.presentation.session``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ledgerdesk.domain.i18n import _

if TYPE_CHECKING:  # the services are imported when a book is opened, not on every start
    from ledgerdesk.services.demo import DemoStats
    from ledgerdesk.services.ports import Book

APP_NAME = "Ledgerdesk"
#: SQLite's companions of a book file: the write-ahead log, its index and a rollback journal.
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
DEFAULT_COMPANY = "Northwind Design Studio"
DEMO_FILE = "demo.book"
DEMO_CURRENCY = "EUR"


def os_user() -> str:
    """Who the audit log says makes this process's changes: the system's user name, or ''
    when the system cannot say (no login name, no password entry)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


@contextlib.contextmanager
def opened(path: str | Path) -> Iterator[Book]:
    """An existing book, closed again when the caller is done."""
    from ledgerdesk.storage import open_book  # here: a command's --help needs no SQLAlchemy

    book = open_book(Path(path), user=os_user(), backup_folder=chosen_backup_folder(path))
    try:
        yield book
    finally:
        book.close()


def chosen_backup_folder(path: str | Path) -> Path | None:
    """The folder the user chose for the book's backups (the one before an upgrade too), or
    None: beside the book."""
    from ledgerdesk.app.backup_places import BackupPlaces

    return BackupPlaces().chosen(Path(path))


def book_settings(book: Book) -> tuple[str, str]:
    """(company name, base currency)."""
    from ledgerdesk.services.setup import COMPANY_NAME, base_currency

    with book.read() as tx:
        return tx.get_setting(COMPANY_NAME) or "", base_currency(tx)


def remove_book_files(path: Path) -> None:
    """Delete a book and its SQLite sidecar files."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, _("is a folder, not a book file"), str(path))
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDECAR_SUFFIXES)):
        candidate.unlink(missing_ok=True)


def new_book(path: Path, *, company: str, currency: str,
             fiscal_year_start: str = "01-01") -> Book:
    """Create and set up an empty book; nothing is left behind on failure."""
    from ledgerdesk.storage import create_book

    book = create_book(path, user=os_user())
    try:
        from ledgerdesk.services.setup import initialise_book

        initialise_book(book, company, currency, fiscal_year_start)
    except BaseException:
        book.close()
        remove_book_files(path)
        raise
    return book


def build_demo_book(
    path: Path,
    *,
    company: str,
    currency: str,
    size: int,
    seed: int,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
    foreign: bool = False,
) -> DemoStats:
    """Build a demo book beside ``path`` and move it there when complete, replacing any book
    there; on failure nothing is left and the old book is kept.

    ``progress`` may raise (a cancel button does) to stop the build.  A storage failure is
    told about ``path``, the file the user asked for, not the one being built.
    """
    from ledgerdesk.services.demo import generate_demo
    from ledgerdesk.storage.errors import NOT_CREATED, FileProblem
    from ledgerdesk.storage.failures import os_problem

    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, _("is a folder, not a book file"), str(path))
    building = path.with_name(path.name + ".building")
    with contextlib.suppress(OSError):  # left by a build that was killed; else create says
        remove_book_files(building)
    try:
        book = new_book(building, company=company, currency=currency)
        try:
            stats = generate_demo(book, size=size, seed=seed, today=today, progress=progress,
                                  foreign=foreign)
        finally:
            book.close()
        for suffix in SIDECAR_SUFFIXES:  # an old log beside the new book would be read into it
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        building.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):  # what stopped the build may stop this too
            remove_book_files(building)
        if isinstance(exc, FileProblem):
            raise exc.restated(path=path, outcome=NOT_CREATED) from exc
        if isinstance(exc, OSError):
            raise os_problem(exc, path, outcome=NOT_CREATED) from exc
        raise
    return stats


def demo_book_path() -> Path:
    # appauthor=False: %LOCALAPPDATA%\Ledgerdesk on Windows, as the README says.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DEMO_FILE


def ensure_demo_book(
    today: dt.date, progress: Callable[[int, int], None] | None = None
) -> tuple[Path, bool]:
    """The demo book in the user data folder, built the first time; (path, just created)."""
    path = demo_book_path()
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    build_demo_book(path, company=DEFAULT_COMPANY, currency=DEMO_CURRENCY, size=0, seed=7,
                    today=today, progress=progress)
    return path, True
