"""The lock date: read it, change it (audited), and refuse a write dated inside it.

The lock is a plain setting (``lock_date``, ISO, '' when there is none).  Every use case
that writes something dated calls ``refuse_inside_lock`` inside its own write transaction
(``BEGIN IMMEDIATE``), reading the lock there, so a lock set by another window or program
a moment before is obeyed; the rule and its sentence are ``domain.lock``'s.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from ledgerdesk.domain.lock import lock_change, parse_lock, refuse_locked
from ledgerdesk.services.ports import Book, Transaction

LOCK_DATE = "lock_date"


class EntryIds(Protocol):
    def last_entry_id(self) -> int: ...


def lock_date(tx: Transaction) -> dt.date | None:
    """The last locked day, or None when the books are not locked."""
    return parse_lock(tx.get_setting(LOCK_DATE))


def refuse_inside_lock(tx: Transaction, date: dt.date, what: str) -> None:
    """Raise ``domain.lock.Locked`` (one sentence naming the lock date) when ``date`` is on
    or before the lock; ``what`` names the record: ``INV-00012``, ``the payment``."""
    refuse_locked(lock_date(tx), date, what)


def read_lock_date(book: Book) -> dt.date | None:
    with book.read() as tx:
        return lock_date(tx)


def change_lock(book: Book, through: dt.date | None) -> str:
    """Lock the books through ``through`` (None: clear the lock), in one transaction with
    its audit row; returns what the audit log says ("Locked through 2025-12-31").  An
    accountant may move the lock either way: every move is recorded, none is refused."""
    with book.write() as tx:
        return change_lock_in(tx, through)


def change_lock_in(tx: Transaction, through: dt.date | None) -> str:
    """``change_lock`` inside the caller's transaction (the Settings dialog saves it with
    the other settings).  An unchanged lock writes nothing."""
    was = lock_date(tx)
    words = lock_change(was, through)
    if was != through:
        tx.set_setting(LOCK_DATE, through.isoformat() if through else "")
        tx.audit("lock", "book", None, {
            "what": words, "was": was.isoformat() if was else None,
            "through": through.isoformat() if through else None,
            # What ``check`` needs to tell entries posted while this lock stood from earlier
            # ones (storage.lock_checks).
            "last_entry": _entries(tx).last_entry_id(),
        })
    return words


def _entries(tx: Any) -> EntryIds:
    return tx  # storage's transaction; the Transaction port does not ask for ids
