"""The port a line-level export needs: every line of every invoice (or bill), streamed.

``ledgerdesk list invoice-lines`` writes one CSV row per document line
(``reports.line_exports``) so the file imports back without loss.  Kept apart from
``ports.py``: a book that can do this is a ``Book`` with ``line_exports()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.reports.line_exports import DocumentLine
from ledgerdesk.services.ports import Book

#: ``list KIND`` names of the line exports, and the kind each lists.
LINE_LISTS: dict[str, DocumentKind] = {
    "invoice-lines": DocumentKind.SALES_INVOICE,
    "bill-lines": DocumentKind.BILL,
}


class DocumentLineQueries(Protocol):
    def document_lines(self, kind: DocumentKind) -> Iterator[DocumentLine]:
        """Every line of every document of ``kind`` in one read snapshot, documents in the
        lists' order (issue date, then id) and each one's lines in their order."""
        ...


class LineExportBook(Book, Protocol):
    def line_exports(self) -> DocumentLineQueries: ...


def document_lines(book: LineExportBook, name: str) -> Iterator[DocumentLine]:
    """The lines of the ``LINE_LISTS`` list ``name``."""
    return book.line_exports().document_lines(LINE_LISTS[name])
