"""Fresh book load: a faster ``bulk(new_book=True)`` for a book that has no documents yet.

Filling a new book (the demo, a benchmark) is the one time when nothing in it is worth
protecting: ``cli.books.build_demo_book`` deletes the file if the build fails, and only a
caller that promises that (``new_book=True``) gets this path.  So for the
length of one ``bulk()`` transaction the connection takes the file for itself
(``locking_mode = EXCLUSIVE``), keeps its rollback journal in memory and does not sync
(``journal_mode = MEMORY``, ``synchronous = OFF``: a rollback still works, a power cut
would not be survived), and drops the secondary indexes and the INSERT triggers of the
tables it fills.  Before commit the indexes are built again in one pass each (or, when rows
arrive staged from another process, as soon as the first batch does: then this process has
time to keep them up to date while the other one generates), the triggers re-created from
their stored SQL, and what the dropped allocation triggers would have refused is checked
for the whole table at once.  Afterwards ``synchronous = FULL`` and WAL are back, in that
order, so that switching to WAL syncs the file and the finished book is durable.  Any
other call gets the ordinary, fully durable ``bulk()``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed
from ledgerdesk.storage.balance_sql import REBUILD_ACCOUNT_DAYS
from ledgerdesk.storage.settlement_sql import REBUILD_SETTLEMENTS

#: The tables a load fills; their explicit indexes and INSERT triggers wait until the end.
LOADED_TABLES = (
    "documents", "document_lines", "payments", "allocations", "credit_applications",
    "journal_entries", "journal_lines",
)

# Every active allocation's document, summed: what trg_allocations_within_outstanding and
# trg_allocations_authorised_only check row by row.
_REFUSED_ALLOCATION = """
SELECT SUM(a.amount_minor) > d.total_minor, d.lifecycle <> 'AUTHORISED'
FROM allocations AS a JOIN documents AS d ON d.id = a.document_id
WHERE a.voided = 0 GROUP BY a.document_id
HAVING SUM(a.amount_minor) > d.total_minor OR d.lifecycle <> 'AUTHORISED' LIMIT 1"""


def is_fresh(raw: sqlite3.Connection) -> bool:
    """True when the book has no documents yet (read before the load's transaction)."""
    return raw.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0] == 1


@contextmanager
def unsafe_journal(raw: sqlite3.Connection) -> Iterator[bool]:
    """Exclusive lock, in-memory journal, no syncs; yields False if SQLite would not switch.

    When it does switch, foreign keys are not enforced row by row either (a quarter of the
    cost of a big load): the load must call ``check_foreign_keys`` before it commits.
    """
    raw.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        mode = raw.execute("PRAGMA journal_mode = MEMORY").fetchone()[0]
    except sqlite3.OperationalError:  # another connection holds the file: no fast path
        mode = None
    switched = mode == "memory"
    if switched:
        raw.execute("PRAGMA synchronous = OFF")
        raw.execute("PRAGMA foreign_keys = OFF")  # only outside a transaction
    try:
        yield switched
    finally:
        # FULL before the switch to WAL: that switch commits a header change, and the
        # fdatasync of that commit flushes everything the load wrote unsynced, so the
        # finished book is durable once ``bulk()`` returns.
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("PRAGMA locking_mode = NORMAL")
        raw.execute("PRAGMA journal_mode = WAL")  # also releases the exclusive lock
        raw.execute("PRAGMA foreign_keys = ON")


def check_foreign_keys(raw: sqlite3.Connection) -> None:
    """Refuse the load if any row of the loaded tables points at a row that does not exist.

    What SQLite would have refused row by row, checked table by table in one pass each.
    """
    for table in LOADED_TABLES:
        if raw.execute(f"PRAGMA foreign_key_check({table})").fetchone() is not None:
            raise NotAllowed(_("The book refused the change: a {table} row refers to a record "
                               "that does not exist.").format(table=table))


class DeferredSchema:
    """Drops the loaded tables' indexes and INSERT triggers, and puts them back."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self._raw = raw
        self._indexes: list[tuple[str, str]] = []
        self._triggers: list[tuple[str, str]] = []

    def drop(self) -> None:
        """Inside the load's transaction (a rollback brings everything back)."""
        marks = ", ".join("?" * len(LOADED_TABLES))
        rows = self._raw.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            f" AND type IN ('index', 'trigger') AND tbl_name IN ({marks})", LOADED_TABLES,
        ).fetchall()
        for kind, name, sql in rows:
            if kind == "index":
                self._indexes.append((name, sql))
            elif " INSERT ON " in sql.upper():
                self._triggers.append((name, sql))
        for name, _sql in self._indexes:
            self._raw.execute(f'DROP INDEX "{name}"')
        for name, _sql in self._triggers:
            self._raw.execute(f'DROP TRIGGER "{name}"')

    def restore_indexes(self) -> None:
        """Build the indexes now (at once, if the tables are still empty), and keep them."""
        for _name, sql in self._indexes:
            self._raw.execute(sql)
        self._indexes.clear()

    def restore(self) -> None:
        """Rebuild the indexes, refuse what the triggers would have, re-create them."""
        self.restore_indexes()
        refused = self._raw.execute(_REFUSED_ALLOCATION).fetchone()
        if refused is not None:
            reason = ("allocation exceeds the outstanding amount of its document" if refused[0]
                      else "only an authorised document can take an allocation")
            raise NotAllowed(f"The book refused the change: {reason}.")
        # The running balances the journal lines' dropped trigger did not keep, at once.
        self._raw.execute("DELETE FROM account_days")
        self._raw.execute(REBUILD_ACCOUNT_DAYS)
        # So are the settlement days the documents', allocations' and entries' triggers.
        self._raw.execute("DELETE FROM document_settlements")
        self._raw.execute(REBUILD_SETTLEMENTS)
        for _name, sql in self._triggers:
            self._raw.execute(sql)
        self._triggers.clear()
