"""``SqliteLineExports``: every document line of one kind, straight off one cursor.

One query joins each document to its contact and its lines in the lists' order: documents by
``ix_documents_kind_issue_date`` (issue date, then id), each document's lines by
``uq_document_lines_position``, so SQLite walks the two indexes and never sorts, and the
export holds one batch of rows at a time.
"""

from __future__ import annotations

from collections.abc import Iterator

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.reports.line_exports import DocumentLine
from ledgerdesk.storage.queries import SqliteQueries

_BATCH = 500

DOCUMENT_LINES = (
    "SELECT d.id, d.number, c.name, d.issue_date, d.due_date, d.reference, d.lifecycle,"
    " d.tax_mode, l.description, l.quantity, l.unit_price, l.discount_percent,"
    " l.account_code, l.tax_rate, COALESCE(t.name, ''), d.currency, d.exchange_rate"
    " FROM documents AS d INDEXED BY ix_documents_kind_issue_date"
    " JOIN contacts AS c ON c.id = d.contact_id"
    " JOIN document_lines AS l ON l.document_id = d.id"
    " LEFT JOIN tax_codes AS t ON t.id = l.tax_code_id"
    " WHERE d.kind = ? ORDER BY d.issue_date, d.id, l.position"
)


class SqliteLineExports(SqliteQueries):
    """The ``DocumentLineQueries`` port (``services.line_exports``)."""

    def document_lines(self, kind: DocumentKind) -> Iterator[DocumentLine]:
        # Plain tuples from the driver's cursor inside the read transaction, as
        # ``SqliteReports.payment_lines`` does: SQLAlchemy rows would cost more than SQLite.
        with self._reading() as conn:
            cursor = conn.connection.driver_connection.execute(DOCUMENT_LINES, (kind.value,))
            try:
                while batch := cursor.fetchmany(_BATCH):
                    yield from batch
            finally:
                cursor.close()
