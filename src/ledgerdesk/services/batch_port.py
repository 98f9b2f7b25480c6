"""``BatchTransaction``: a transaction that can also write many records at once.

Imports need to read through the transaction (contacts, the chart, open documents) and then
write thousands of records in the same ``BEGIN IMMEDIATE``; ``storage`` implements this on
``SqliteTransaction``.  Kept apart from ``ports.py`` so the core ports stay small.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Protocol, cast

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.services.ports import BulkWriter, Transaction


class BatchTransaction(Transaction, Protocol):
    def batch(self) -> AbstractContextManager[BulkWriter]: ...  # same transaction
    def take_numbers(self, kind: DocumentKind, count: int) -> list[str]: ...  # in order
    def payment_tokens_in(self, tokens: Iterable[str]) -> set[str]: ...  # already recorded


def batched(tx: Transaction) -> BatchTransaction:
    """``tx`` as a ``BatchTransaction``; a ``TypeError`` names what it lacks."""
    missing = [name for name in ("batch", "take_numbers", "payment_tokens_in")
               if not hasattr(tx, name)]
    if missing:
        raise TypeError(f"{type(tx).__name__} cannot write in batches (no {', '.join(missing)})")
    return cast(BatchTransaction, tx)
