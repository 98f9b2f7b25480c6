"""The lock date: the last day of a closed period, on or before which nothing is written.

``locked_out`` is the one rule (a date on or before the lock is inside it) and its one
sentence, which the command line and the window both show; ``Locked`` carries it.  What
the audit log says about a change of the lock is ``lock_change``.
"""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.problems import NotAllowed


class Locked(NotAllowed):
    """A write dated inside the lock was refused; the message names the lock date."""


def locked_out(lock: dt.date | None, date: dt.date, what: str) -> str | None:
    """Why ``what``, dated ``date``, may not be written, or None when it may.

    ``what`` is how the sentence names the record: ``INV-00012``, ``the payment``, ``the
    void``.  The lock day itself is inside the lock ("locked through")."""
    if lock is None or date > lock:
        return None
    return _("The books are locked through {date}; {what} is dated {end_date}.").format(
               date=lock.isoformat(), what=what, end_date=date.isoformat())


def refuse_locked(lock: dt.date | None, date: dt.date, what: str) -> None:
    """Raise ``Locked`` when ``date`` is inside the lock."""
    if why := locked_out(lock, date, what):
        raise Locked(why)


def lock_change(was: dt.date | None, now: dt.date | None) -> str:
    """The audit log's words for moving the lock from ``was`` to ``now`` (None: no lock)."""
    if was == now:
        return _("Already locked through {date}").format(
            date=now.isoformat()) if now else _("Not locked")
    if now is None:
        assert was is not None
        return _("Lock cleared (was through {date})").format(date=was.isoformat())
    if was is None:
        return _("Locked through {date}").format(date=now.isoformat())
    return _("Lock moved from {date} to {end_date}").format(
               date=was.isoformat(), end_date=now.isoformat())


def parse_lock(text: str | None) -> dt.date | None:
    """A stored lock date (ISO), or None when unset or unreadable (only ``change_lock``
    writes it, and it writes ISO dates)."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
