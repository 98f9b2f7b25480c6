"""The batch half of a transaction: many records at once inside an ordinary ``write()``.

An import reads the book through the transaction (contacts, the chart, open documents) and
writes thousands of records; one statement per record costs ~0.2 ms of SQLAlchemy each.
Here the numbers for a whole import are taken with one statement, tokens are looked up in
one query, and ``batch()`` lends the bulk writer (``executemany``, one summary audit row)
on the same connection, so everything still commits or rolls back together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.numbering import DEFAULT_PREFIXES, format_number
from ledgerdesk.storage.tx_base import TransactionBase

if TYPE_CHECKING:  # the bulk writer loads with the first import, not with every book
    from ledgerdesk.storage.bulk import SqliteBulkWriter

_TAKE = (
    "INSERT INTO number_series (kind, prefix, next_number) VALUES (?, ?, ? + 1)"
    " ON CONFLICT (kind) DO UPDATE SET next_number = next_number + ?"
    " RETURNING prefix, next_number"
)
#: Tokens per query: well under SQLite's limit on bound parameters.
_CHUNK = 500


class BatchStore(TransactionBase):
    @contextmanager
    def batch(self) -> Iterator[SqliteBulkWriter]:
        """The bulk writer on this transaction; its suspended trigger is restored on exit
        (and by the rollback if the block raises)."""
        from ledgerdesk.storage.bulk import SqliteBulkWriter

        writer = SqliteBulkWriter(self._conn, who=self._who)
        yield writer
        writer.finish()

    def take_numbers(self, kind: DocumentKind, count: int) -> list[str]:
        """The next ``count`` numbers of the gap-free series, in order, in one statement."""
        if count <= 0:
            return []
        prefix, following = self._conn.exec_driver_sql(
            _TAKE, (kind.value, DEFAULT_PREFIXES[kind], count, count)
        ).one()
        numbers = [format_number(prefix, n) for n in range(following - count, following)]
        self._audit("take_numbers", "number_series", None,
                    {"kind": kind.value, "first": numbers[0], "last": numbers[-1]})
        return numbers

    def payment_tokens_in(self, tokens: Iterable[str]) -> set[str]:
        """Which of ``tokens`` a payment in the book already carries."""
        wanted = sorted(set(tokens))
        found: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            found.update(token for (token,) in self._conn.exec_driver_sql(
                f"SELECT client_token FROM payments WHERE client_token IN ({marks})",
                tuple(chunk),
            ))
        return found
