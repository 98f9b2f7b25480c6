r"""List queries (``services.list_queries``) turned into parameterised SQL.

Each builder returns a ``Filtered``: the FROM and WHERE that select the query's rows, the
ORDER BY that sorts them, and the named parameters.  Only enum values and fixed fragments are
written into the SQL text; everything the user typed or picked (text, ids, dates) travels as
a parameter.  Free text becomes ``LIKE :text ESCAPE '\'`` with its own ``\``, ``%`` and ``_``
escaped, so they match literally.

The pages fetch ids first (``SELECT d.id ... ORDER BY ... LIMIT ... OFFSET``), then the full
rows for those ids: skipped and unsorted rows never pay for joins or outstanding amounts that
their sort or filter does not need.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services.list_queries import (
    STATUS_ORDER,
    ContactQuery,
    ContactSort,
    DocumentQuery,
    DocumentSort,
    PaymentQuery,
    PaymentSort,
    StatusFilter,
)
from ledgerdesk.storage.sql import OUTSTANDING, OWED, kinds_list

_LIKE = "LIKE :text ESCAPE '\\'"
_AUTHORISED = f"d.lifecycle = '{Lifecycle.AUTHORISED.value}'"
#: Only an invoice or a bill falls due: a credit note or a kept credit is never overdue.
_FALLS_DUE = f"d.kind IN ({kinds_list(tuple(k for k in DocumentKind if not k.is_credit))})"


def like_pattern(text: str) -> str:
    """``%text%`` for ``_LIKE``, with the user's ``\\``, ``%`` and ``_`` taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass
class Filtered:
    """``SELECT ... {source}{where} ORDER BY {order}`` with ``params``."""

    source: str
    order: str = ""
    conditions: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""

    def count_sql(self) -> str:
        return f"SELECT count(*) FROM {self.source}{self.where}"

    def ids_sql(self, key: str) -> str:
        return (
            f"SELECT {key} FROM {self.source}{self.where} ORDER BY {self.order}"
            " LIMIT :limit OFFSET :offset"
        )

    def one_of(self, column: str, chosen: tuple[enum.Enum, ...], every: type[enum.Enum]) -> None:
        """``column`` is one of ``chosen`` (no condition when that is every value)."""
        if len(chosen) == len(every):
            return
        names = [f"{column.split('.')[-1]}_{i}" for i in range(len(chosen))]
        self.params.update(zip(names, (kind.value for kind in chosen), strict=True))
        self.conditions.append(f"{column} IN ({', '.join(':' + n for n in names)})")

    def add(self, condition: str, **params: Any) -> None:
        self.conditions.append(condition)
        self.params.update(params)


def _order(key: str, table: str, descending: bool) -> str:
    direction = " DESC" if descending else ""
    return f"{key}{direction}, {table}.id{direction}"


def _date_range(f: Filtered, column: str, date_from, date_to) -> None:
    if date_from is not None:
        f.add(f"{column} >= :date_from", date_from=date_from.isoformat())
    if date_to is not None:
        f.add(f"{column} <= :date_to", date_to=date_to.isoformat())


def _contact_named(column: str) -> str:
    return f"{column} IN (SELECT n.id FROM contacts AS n WHERE n.name {_LIKE})"


# documents -----------------------------------------------------------------------------

_STATUS_CONDITIONS = {
    StatusFilter.DRAFT: f"d.lifecycle = '{Lifecycle.DRAFT.value}'",
    StatusFilter.VOIDED: f"d.lifecycle = '{Lifecycle.VOIDED.value}'",
    StatusFilter.OPEN: f"{_AUTHORISED} AND {OUTSTANDING} > 0",
    StatusFilter.OVERDUE: (
        f"{_AUTHORISED} AND {_FALLS_DUE} AND d.due_date < :today AND {OUTSTANDING} > 0"),
    # Minor units are integers: 0 < outstanding < total, with one evaluation.
    StatusFilter.PARTLY_PAID: f"{_AUTHORISED} AND {OUTSTANDING} BETWEEN 1 AND d.total_minor - 1",
    StatusFilter.PAID: f"{_AUTHORISED} AND {OUTSTANDING} = 0",
}


def _rank(label: str) -> int:
    return STATUS_ORDER.index(label)


#: ``DocumentSummary.status(today)`` as its place in ``STATUS_ORDER``.
_STATUS_RANK = (
    f"(CASE d.lifecycle WHEN '{Lifecycle.DRAFT.value}' THEN {_rank('draft')}"
    f" WHEN '{Lifecycle.VOIDED.value}' THEN {_rank('void')}"
    f" ELSE CASE WHEN {OUTSTANDING} = 0 THEN {_rank('paid')}"
    f" WHEN {_FALLS_DUE} AND d.due_date < :today THEN {_rank('overdue')}"
    f" WHEN {OUTSTANDING} < d.total_minor THEN {_rank('partly paid')}"
    f" ELSE {_rank('open')} END END)"
)

_DOCUMENT_KEYS = {
    DocumentSort.NUMBER: "d.number",  # NULL for drafts: first ascending, as "" would be
    DocumentSort.CONTACT: "c.name",  # COLLATE NOCASE, from the column
    DocumentSort.ISSUE_DATE: "d.issue_date",
    DocumentSort.DUE_DATE: "d.due_date",
    DocumentSort.TOTAL: "d.total_minor",
    DocumentSort.OUTSTANDING: OWED,
    DocumentSort.STATUS: _STATUS_RANK,
}

_DOCUMENTS = "documents AS d"
_DOCUMENTS_WITH_CONTACT = "documents AS d JOIN contacts AS c ON c.id = d.contact_id"


def documents(q: DocumentQuery, *, for_count: bool = False) -> Filtered:
    joined = q.sort is DocumentSort.CONTACT and not for_count
    f = Filtered(
        _DOCUMENTS_WITH_CONTACT if joined else _DOCUMENTS,
        _order(_DOCUMENT_KEYS[q.sort], "d", q.descending),
    )
    if q.sort is DocumentSort.STATUS or q.status is StatusFilter.OVERDUE:
        f.params["today"] = q.today.isoformat()
    f.one_of("d.kind", q.kinds, DocumentKind)
    if q.status is not StatusFilter.ALL:
        f.add(_STATUS_CONDITIONS[q.status])
    if q.contact_id is not None:
        f.add("d.contact_id = :contact_id", contact_id=q.contact_id)
    _date_range(f, "d.issue_date", q.date_from, q.date_to)
    if q.text:
        f.add(
            f"(d.number {_LIKE} OR d.reference {_LIKE} OR {_contact_named('d.contact_id')})",
            text=like_pattern(q.text),
        )
    return f


# payments ------------------------------------------------------------------------------

_PAYMENT_KEYS = {
    PaymentSort.DATE: "p.date",
    PaymentSort.CONTACT: "c.name",
    PaymentSort.AMOUNT: "p.amount_minor",
    PaymentSort.REFERENCE: "p.reference COLLATE NOCASE",
}
_PAYMENTS = "payments AS p"
_PAYMENTS_WITH_CONTACT = "payments AS p JOIN contacts AS c ON c.id = p.contact_id"

#: Payments with an allocation (live or voided) on a document whose number matches.
_PAYMENT_OF_DOCUMENT = (
    "p.id IN (SELECT a.payment_id FROM allocations AS a"
    " JOIN documents AS ad ON ad.id = a.document_id"
    f" WHERE a.payment_id IS NOT NULL AND ad.number {_LIKE})"
)


def payments(q: PaymentQuery, *, for_count: bool = False) -> Filtered:
    joined = q.sort is PaymentSort.CONTACT and not for_count
    key = _PAYMENT_KEYS[q.sort]
    if q.text and q.sort is PaymentSort.DATE:
        # Text usually matches few payments: sorting those beats reading every row in
        # ix_payments_date order to find them (the unary + keeps the index out of ORDER BY).
        key = "+" + key
    f = Filtered(
        _PAYMENTS_WITH_CONTACT if joined else _PAYMENTS, _order(key, "p", q.descending)
    )
    f.one_of("p.kind", q.kinds, PaymentKind)
    if not q.include_voided:
        f.add("p.voided = 0")
    if q.contact_id is not None:
        f.add("p.contact_id = :contact_id", contact_id=q.contact_id)
    _date_range(f, "p.date", q.date_from, q.date_to)
    if q.text:
        f.add(
            f"(p.reference {_LIKE} OR {_contact_named('p.contact_id')}"
            f" OR {_PAYMENT_OF_DOCUMENT})",
            text=like_pattern(q.text),
        )
    return f


# contacts ------------------------------------------------------------------------------

_ROLES = {
    ContactRole.CUSTOMER: (ContactRole.CUSTOMER, ContactRole.BOTH),
    ContactRole.SUPPLIER: (ContactRole.SUPPLIER, ContactRole.BOTH),
    ContactRole.BOTH: (ContactRole.BOTH,),
}


def contacts(q: ContactQuery, *, for_count: bool = False) -> Filtered:
    """Over ``contacts AS c``; a balance sort also needs the CTE ``shown`` (see ``pages``)."""
    if q.sort is ContactSort.NAME or for_count:
        f = Filtered("contacts AS c", _order("c.name", "c", q.descending))
    else:
        column = "receivable" if q.sort is ContactSort.RECEIVABLE else "payable"
        f = Filtered(
            "contacts AS c LEFT JOIN shown AS s ON s.contact_id = c.id",
            _order(f"COALESCE(s.{column}, 0)", "c", q.descending),
        )
    if q.role is not None:
        f.one_of("c.role", _ROLES[q.role], ContactRole)
    if q.text:
        f.add(f"(c.name {_LIKE} OR c.email {_LIKE})", text=like_pattern(q.text))
    return f
