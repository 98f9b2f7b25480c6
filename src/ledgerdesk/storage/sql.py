"""SQL fragments shared by transactions, queries and checks.

The outstanding amount of a document is computed here and nowhere else in SQL: its total
less the active allocations on it, read from the partial covering index
``ix_allocations_open (document_id, amount_minor) WHERE voided = 0``.
"""

from __future__ import annotations

from ledgerdesk.domain.documents import DocumentKind, Side

#: Outstanding minor units of the document aliased ``d``.
OUTSTANDING = (
    "(d.total_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocations AS a"
    " WHERE a.document_id = d.id AND a.voided = 0), 0))"
)

#: What a document is still owed or owes: only an authorised one; a draft or a void one, nothing.
OWED = f"(CASE WHEN d.lifecycle = 'AUTHORISED' THEN {OUTSTANDING} ELSE 0 END)"

#: The columns an ``OpenDocument`` is built from, for a query over ``documents AS d``.
OPEN_DOCUMENT_COLUMNS = (
    "d.id, d.kind, d.number, d.contact_id, d.currency, d.exchange_rate, d.total_minor,"
    " d.lifecycle,"
    f" d.due_date, d.issue_date, {OUTSTANDING} AS outstanding_minor,"
    " COALESCE((SELECT SUM(COALESCE(a.home_minor, a.amount_minor)) FROM allocations AS a"
    " WHERE a.document_id = d.id AND a.voided = 0), 0) AS taken_minor"
)


def kinds_list(kinds: frozenset[DocumentKind] | tuple[DocumentKind, ...]) -> str:
    """``'A', 'B'`` for an IN (...) of enum values we control (never user input)."""
    return ", ".join(f"'{kind.value}'" for kind in kinds)


def signed_kind(side: Side) -> str:
    """+1 for the side's invoice or bill, -1 for its credit notes and prepayments."""
    debit = DocumentKind.SALES_INVOICE if side is Side.SALES else DocumentKind.BILL
    return f"(CASE WHEN d.kind = '{debit.value}' THEN 1 ELSE -1 END)"


SALES_KINDS = tuple(kind for kind in DocumentKind if kind.side is Side.SALES)
PURCHASE_KINDS = tuple(kind for kind in DocumentKind if kind.side is Side.PURCHASES)
