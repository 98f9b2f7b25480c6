"""The SELECTs behind the dashboard (parameters ``:start``, ``:end``, ``:as_of``, ``:today``).

Money in and out per month sums the bank line of every payment's journal entries, the
payment's own and its reversal's, so a voided payment counts in its month and is taken back
in the month it was voided.  The aging totals reuse the aging report's "outstanding on a
date" (``report_sql.open_on``), so they equal its bucket totals on any date.
"""

from __future__ import annotations

from ledgerdesk.domain.documents import DocumentKind, Side
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.reports.periods import AgingBuckets
from ledgerdesk.services.dashboard import AttentionKind
from ledgerdesk.storage.report_sql import aged_bucket, open_documents, open_on
from ledgerdesk.storage.sql import OUTSTANDING, kinds_list, signed_kind

_CUSTOMER = ", ".join(f"'{k.value}'" for k in PaymentKind if k.side is Side.SALES)

#: Bank debits are money in: customers' net in, suppliers' net out (as a positive amount).
CASH_BY_MONTH = (
    "SELECT substr(e.date, 1, 7) AS month,"
    f" SUM(CASE WHEN p.kind IN ({_CUSTOMER}) THEN l.amount_minor ELSE 0 END) AS money_in,"
    f" -SUM(CASE WHEN p.kind IN ({_CUSTOMER}) THEN 0 ELSE l.amount_minor END) AS money_out"
    " FROM journal_entries AS e"
    " JOIN payments AS p ON p.id = e.source_id"
    " JOIN journal_lines AS l ON l.entry_id = e.id AND l.account_code = p.bank_account_code"
    " WHERE e.date >= :start AND e.date <= :end AND e.source_type = 'PAYMENT'"
    " GROUP BY month ORDER BY month"
)


def aging_totals_sql(side: Side, buckets: AgingBuckets, every_document: bool = False) -> str:
    """(bucket, owed minor units, invoices or bills owing) per bucket on :as_of of the
    documents in the home currency (``:home``; foreign ones are valued one by one, see
    ``storage.fx_aging``); the unapplied credits in ``CREDIT_BUCKET``, as the aging report
    has them."""
    return (
        f"{open_on(side, False, every_document)}"
        f" SELECT {aged_bucket(side, buckets)} AS bucket,"
        f" SUM({signed_kind(side)} * d.outstanding) AS owed,"
        f" SUM({signed_kind(side)} = 1 AND d.outstanding > 0) AS owing"
        f" FROM {open_documents(every_document)} WHERE d.currency = :home GROUP BY bucket"
    )


_CREDITS = kinds_list(tuple(k for k in DocumentKind if k.is_credit))
_PAYABLE = kinds_list((DocumentKind.SALES_INVOICE, DocumentKind.BILL))
_OPEN = f"d.lifecycle = 'AUTHORISED' AND {OUTSTANDING} > 0"

#: Per kind: FROM and WHERE, the payment column, the date shown, and the order.
_ATTENTION = {
    AttentionKind.OVERDUE: (
        "documents AS d INDEXED BY ix_documents_kind_lifecycle_due_date"
        f" WHERE d.kind IN ({_PAYABLE}) AND d.due_date < :today AND {_OPEN}",
        "NULL", "d.due_date", "d.due_date, d.id",
    ),
    AttentionKind.UNALLOCATED: (
        "documents AS d JOIN payments AS p ON p.id = d.source_payment_id"
        f" WHERE d.kind IN ({_CREDITS}) AND {_OPEN}",
        "p.id", "p.date", "p.date, p.id",
    ),
    AttentionKind.CREDIT: (
        f"documents AS d WHERE d.kind IN ({_CREDITS}) AND d.source_payment_id IS NULL"
        f" AND {_OPEN}",
        "NULL", "d.issue_date", "d.issue_date, d.id",
    ),
}


def attention_count_sql(kind: AttentionKind) -> str:
    return f"SELECT COUNT(*) FROM {_ATTENTION[kind][0]}"


def attention_page_sql(kind: AttentionKind) -> str:
    where, payment, date, order = _ATTENTION[kind]
    return (
        f"SELECT d.id, d.kind, {payment} AS payment_id, COALESCE(d.number, '') AS number,"
        f" (SELECT c.name FROM contacts AS c WHERE c.id = d.contact_id) AS contact_name,"
        f" {date} AS date, {OUTSTANDING} AS amount, d.currency"
        f" FROM {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    )
