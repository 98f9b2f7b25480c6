"""The port a list export needs: every row a list query selects, in the list's order.

A window's list shows ~200-row pages of a ``DocumentQuery``/``PaymentQuery``/``ContactQuery``;
its export writes every row of the same query, with the same filters and sort, streamed
from the book (``storage.list_streams``) so a 100,000-row export runs in constant memory.
Kept apart from ``ports.py``: a book that streams lists is a ``Book`` with ``list_streams()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ledgerdesk.services.list_queries import ContactQuery, DocumentQuery, PaymentQuery
from ledgerdesk.services.ports import Book
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary


class ListStreams(Protocol):
    """Each stream is one read transaction (one snapshot), held until it is exhausted or
    closed; rows come in exactly the order the list's pages give them."""

    def stream_documents(self, query: DocumentQuery) -> Iterator[DocumentSummary]: ...
    def stream_payments(self, query: PaymentQuery) -> Iterator[PaymentSummary]: ...
    def stream_contacts(self, query: ContactQuery) -> Iterator[ContactSummary]: ...


class ListStreamBook(Book, Protocol):
    def list_streams(self) -> ListStreams: ...
