"""Opening book files for one command, and building demo books (create, set up, fill).

The command line is a composition root: this is where the SQLite storage meets the services.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from ledgerdesk.cli.errors import CliError
from ledgerdesk.domain.money import is_currency_code
from ledgerdesk.services.demo import DemoStats, generate_demo
from ledgerdesk.services.ports import Book
from ledgerdesk.services.setup import COMPANY_NAME, base_currency, initialise_book
from ledgerdesk.storage import create_book, open_book

#: SQLite's companions of a book file: the write-ahead log, its index and a rollback journal.
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
DEFAULT_COMPANY = "Northwind Design Studio"


@contextlib.contextmanager
def opened(path: str | Path) -> Iterator[Book]:
    """An existing book, closed again when the command is done."""
    book = open_book(Path(path))
    try:
        yield book
    finally:
        book.close()


def book_settings(book: Book) -> tuple[str, str]:
    """(company name, base currency)."""
    with book.read() as tx:
        return tx.get_setting(COMPANY_NAME) or "", base_currency(tx)


def remove_book_files(path: Path) -> None:
    """Delete a book and its SQLite sidecar files (for ``--force``)."""
    if path.is_dir():
        raise CliError(f"{path} is a folder, not a book file.")
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDECAR_SUFFIXES)):
        candidate.unlink(missing_ok=True)


def check_currency(currency: str) -> str:
    code = currency.strip().upper()
    if not is_currency_code(code):
        raise CliError(f"{currency!r} is not a currency code; use three letters, like EUR.")
    return code


def build_demo_book(
    path: Path,
    *,
    company: str,
    currency: str,
    size: int,
    seed: int,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
) -> DemoStats:
    """Create ``path``, set it up and fill it with demo data; nothing is left on failure."""
    book = create_book(path)
    try:
        initialise_book(book, company, currency)
        stats = generate_demo(book, size=size, seed=seed, today=today, progress=progress)
    except BaseException:
        book.close()
        remove_book_files(path)
        raise
    book.close()
    return stats
