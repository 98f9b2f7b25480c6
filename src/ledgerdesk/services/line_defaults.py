"""The account (and tax code) a new document line starts with: those this contact's last
document used.

A customer billed for services last month is most likely billed for services again, so a
new line follows the contact's latest invoice or credit note (bill or supplier credit on the
purchase side), by issue date; void documents are skipped.  Only the book's existing list
query and document read are used: no new port.
"""

from __future__ import annotations

import datetime as dt

from ledgerdesk.domain.documents import DocumentKind, Lifecycle, LineItem, Side
from ledgerdesk.services.list_queries import DocumentQuery, DocumentSort
from ledgerdesk.services.ports import Book

#: Documents whose lines look alike: a side's invoices and credit notes.
LINE_KINDS = {
    Side.SALES: (DocumentKind.SALES_INVOICE, DocumentKind.SALES_CREDIT_NOTE),
    Side.PURCHASES: (DocumentKind.BILL, DocumentKind.PURCHASE_CREDIT_NOTE),
}
_LOOK_AT = 5  # the latest few, in case the very last ones are void or have no lines


def last_used_account(book: Book, contact_id: int, side: Side, today: dt.date) -> str | None:
    """The first line's account of the contact's latest non-void document on ``side``."""
    line = _last_first_line(book, contact_id, side, today)
    return line.account_code if line is not None else None


def last_used_tax_code(book: Book, contact_id: int, side: Side, today: dt.date) -> int | None:
    """The first line's tax code of that document (a customer taxed at the standard rate
    last month most likely is again)."""
    line = _last_first_line(book, contact_id, side, today)
    return line.tax_code_id if line is not None else None


def _last_first_line(book: Book, contact_id: int, side: Side, today: dt.date) -> LineItem | None:
    query = DocumentQuery(kinds=LINE_KINDS[side], today=today, contact_id=contact_id,
                          sort=DocumentSort.ISSUE_DATE, descending=True)
    latest = [s.id for s in book.queries().document_page(query, 0, _LOOK_AT)
              if s.lifecycle is not Lifecycle.VOIDED]
    with book.read() as tx:
        for document_id in latest:
            document = tx.get_document(document_id)
            if document is not None and document.lines:
                return document.lines[0]
    return None
