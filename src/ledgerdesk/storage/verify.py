"""Whether a copy of a book can be trusted: it opens read-only as a Ledgerdesk book and
passes ``check`` (``services.queries.check_book``: SQLite's integrity and foreign key
checks, then every ledger invariant).

A copy taken before an upgrade has the older schema, which the invariants' queries do not
know; SQLite's own checks are what can be asked of it (the upgrade that follows is checked
by the migrations' tests, and the upgraded book by ``check``).  Reading changes nothing in the
file, not even its journal mode.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.services.queries import check_book
from ledgerdesk.storage import migrate
from ledgerdesk.storage.book import SqliteBook
from ledgerdesk.storage.engine import make_engine
from ledgerdesk.storage.errors import BookError, Damaged, NotABook, ReadOnly
from ledgerdesk.storage.failures import translated
from ledgerdesk.storage.probe import probe_book_file


def verify_backup(path: Path, *, wait: float = 5) -> str | None:
    """Why the book file at ``path`` cannot be trusted as a backup, in a few words (what
    ``check`` found first, and how many more), or None when it can."""
    try:
        problem = _reader(path, probe_book_file(path, wait=wait))
        engine = make_engine(path, wait=wait, read_only=problem)
        with translated(path, wait=wait), contextlib.closing(
                SqliteBook(path, engine, read_only=problem, wait=wait)) as book:
            return _findings(book, migrate.current_revision(engine))
    except BookError as exc:
        return _reason(exc)


def _reader(path: Path, read_only: ReadOnly | None) -> ReadOnly | None:
    """How to open the file so that reading it leaves it as it was.  A backup is in rollback
    mode: read-only then writes nothing.  A WAL book (any book offered as a backup) is read
    as the commands read it: a read-only connection would leave an empty ``-wal`` and
    ``-shm`` beside it, which the last normal connection removes as it closes."""
    with path.open("rb") as handle:
        header = handle.read(20)
    in_wal_mode = len(header) == 20 and header[18] == 2
    return read_only if in_wal_mode else (read_only or ReadOnly(path))


def _findings(book: SqliteBook, revision: str | None) -> str | None:
    if revision is None:
        return _("it has no tables")
    if not migrate.is_shipped_head(revision):
        if revision not in migrate.known_revisions():
            return _("it was saved by a newer version of Ledgerdesk (schema {revision})").format(
                       revision=revision)
        return _first(book.queries().integrity_problems())
    report = check_book(book)
    return _first(report.integrity or [f"{f.check}: {f.detail}" for f in report.invariants])


def _first(problems: list[str]) -> str | None:
    if not problems:
        return None
    first = " ".join(problems[0].split()).rstrip(".")
    more = len(problems) - 1
    return first + (ngettext("; and {count} more problem", "; and {count} more problems",
                             more).format(count=more) if more else "")


def _reason(problem: BookError) -> str:
    """A problem of the copy as a reason in a sentence about it ("it is damaged (…)")."""
    if isinstance(problem, Damaged):
        return _("it is damaged ({details})").format(details=problem.details['reason'])
    if isinstance(problem, NotABook):
        return _("it is not a Ledgerdesk book: {details}").format(
                   details=problem.details['reason'])
    return str(problem).rstrip(".")
