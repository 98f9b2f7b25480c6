"""``LivePayments``: which payment now stands for one that an undo step names.

A void cannot be taken back and ids are never reused, so undoing a void, or redoing a
recorded payment, records a *new* payment.  Every step that named the old one must act on
the new one from then on: undoing "record payment" after the void was undone voids the
payment that is live now, not the one voided earlier (which the book would refuse).  One
``LivePayments`` per open book (``Session.live_payments``) keeps that chain.
"""

from __future__ import annotations


class LivePayments:
    def __init__(self) -> None:
        self._next: dict[int, int] = {}  # payment id -> the id recorded in its place

    def current(self, payment_id: int) -> int:
        """The payment that stands for ``payment_id`` now (itself, if never replaced)."""
        while payment_id in self._next:
            payment_id = self._next[payment_id]
        return payment_id

    def replaced(self, old: int, new: int) -> None:
        """``new`` was recorded in place of ``old`` (or of what ``old`` stands for now)."""
        self._next[self.current(old)] = new
