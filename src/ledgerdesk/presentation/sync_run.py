"""Draining the outbox for the window, on a worker thread, with its own book connection.

``sync_all`` opens the book again (SQLite connections stay on the thread that opened them),
drains each connection through the ``Remotes`` port and returns one sentence for the user.
"""

from __future__ import annotations

from collections.abc import Callable

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.presentation.sync_panel import STATE_TEXT
from ledgerdesk.services import sync as sync_service
from ledgerdesk.services.ports import Book
from ledgerdesk.services.sync_admin import Remotes
from ledgerdesk.services.sync_drain import OPEN_STATES, drain

Progress = Callable[[int, int], None]  # may raise to cancel


def sync_all(open_book: Callable[[], Book], remotes: Remotes, progress: Progress) -> str:
    """Push every pending or failed row of every connection; what happened, in a sentence."""
    book = open_book()
    try:
        total = len(sync_service.outbox(book, None, OPEN_STATES))
        if not total:
            return _("Nothing to send: every queued payment is sent or waits for you.")
        done = 0
        progress(done, total)
        results: dict[OutboxState, int] = {}
        stopped = []

        def step(_line) -> None:
            nonlocal done
            done += 1
            results[_line.item.state] = results.get(_line.item.state, 0) + 1
            progress(done, total)

        for connection in sync_service.connections(book):
            report = drain(book, remotes.gateway(connection), progress=step)
            if report.stopped:
                stopped.append(_("{label} stopped: {stopped}").format(
                                   label=connection.provider.label, stopped=report.stopped))
        counts = ", ".join(f"{results[s]} {STATE_TEXT[s].lower()}" for s in OutboxState
                           if results.get(s))
        return " ".join([f"Synced: {counts or 'nothing sent'}.", *stopped])
    finally:
        book.close()
