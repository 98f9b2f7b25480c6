"""Gap-free document numbers: one series per document kind.

A number is taken only when a document is authorised, inside the same transaction, so a
rolled-back or discarded draft never leaves a hole.  Voided documents keep their number.
"""

from __future__ import annotations

from ledgerdesk.domain.documents import DocumentKind

DEFAULT_PREFIXES: dict[DocumentKind, str] = {
    DocumentKind.SALES_INVOICE: "INV-",
    DocumentKind.SALES_CREDIT_NOTE: "CN-",
    DocumentKind.CUSTOMER_PREPAYMENT: "CC-",
    DocumentKind.BILL: "BILL-",
    DocumentKind.PURCHASE_CREDIT_NOTE: "SCN-",
    DocumentKind.SUPPLIER_PREPAYMENT: "SC-",
}

NUMBER_WIDTH = 5


def format_number(prefix: str, sequence: int, width: int = NUMBER_WIDTH) -> str:
    if sequence < 1:
        raise ValueError("document numbers start at 1")
    return f"{prefix}{sequence:0{width}d}"


def payment_number(payment_id: int) -> str:
    """How a payment is named to the user ("PAY-00042"): payments are numbered by their id,
    which the book never reuses, so a voided payment keeps its name too."""
    return format_number("PAY-", payment_id)
