"""Rows to domain objects and back.  Money leaves a row only as ``Money.from_minor``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from ledgerdesk.domain.contacts import Contact, ContactRole
from ledgerdesk.domain.documents import Document, DocumentKind, Lifecycle, LineItem, TaxMode
from ledgerdesk.domain.ledger import (
    Account,
    AccountRole,
    AccountType,
    JournalEntry,
    JournalLine,
    SourceType,
)
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.payments import Allocation, OpenDocument, Payment, PaymentKind
from ledgerdesk.domain.tax_rounding import TaxRounding

Row = Any  # a SQLAlchemy Row; attribute access by column name


def account_from_row(row: Row) -> Account:
    role = AccountRole(row.role) if row.role is not None else None
    return Account(row.code, row.name, AccountType(row.type), role, bool(row.archived),
                   row.currency)


def contact_from_row(row: Row) -> Contact:
    return Contact(
        name=row.name, role=ContactRole(row.role), email=row.email, tax_number=row.tax_number,
        payment_terms_days=row.payment_terms_days, id=row.id, address=row.address,
        currency=row.currency,
    )


def contact_values(contact: Contact) -> dict[str, Any]:
    return {
        "name": contact.name, "role": contact.role.value, "email": contact.email,
        "tax_number": contact.tax_number, "payment_terms_days": contact.payment_terms_days,
        "address": contact.address, "currency": contact.currency,
    }


def line_from_row(row: Row) -> LineItem:
    return LineItem(
        description=row.description, quantity=row.quantity, unit_price=row.unit_price,
        account_code=row.account_code, tax_rate=row.tax_rate,
        discount_percent=row.discount_percent, tax_code_id=row.tax_code_id,
    )


def line_values(document_id: int, lines: Sequence[LineItem]) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id, "position": position, "description": line.description,
            "quantity": line.quantity, "unit_price": line.unit_price,
            "account_code": line.account_code, "tax_rate": line.tax_rate,
            "discount_percent": line.discount_percent, "tax_code_id": line.tax_code_id,
        }
        for position, line in enumerate(lines, start=1)
    ]


def document_total(doc: Document) -> Money:
    """The total stored with a document at save time (frozen once it is posted)."""
    total = doc.totals().total
    if total.currency != doc.currency:
        raise ValueError(f"a {doc.currency} document cannot total {total}")
    return total


def document_values(doc: Document) -> dict[str, Any]:
    """The ``documents`` row of ``doc`` except its id."""
    return {
        "kind": doc.kind.value, "contact_id": doc.contact_id, "number": doc.number,
        "reference": doc.reference, "issue_date": doc.issue_date, "due_date": doc.due_date,
        "currency": doc.currency, "exchange_rate": doc.exchange_rate,
        "tax_mode": doc.tax_mode.value, "lifecycle": doc.lifecycle.value,
        "total_minor": document_total(doc), "source_payment_id": doc.source_payment_id,
        "extra": dict(doc.extra), "tax_rounding": doc.tax_rounding.value,
    }


def document_from_row(row: Row, lines: Iterable[Row]) -> Document:
    kind = DocumentKind(row.kind)
    prepaid = Money.from_minor(row.total_minor, row.currency) if kind.is_prepayment else None
    return Document(
        kind=kind, contact_id=row.contact_id, issue_date=row.issue_date,
        due_date=row.due_date, currency=row.currency,
        lines=tuple(line_from_row(line) for line in lines), tax_mode=TaxMode(row.tax_mode),
        exchange_rate=row.exchange_rate, reference=row.reference, number=row.number,
        lifecycle=Lifecycle(row.lifecycle), prepayment_amount=prepaid,
        source_payment_id=row.source_payment_id, id=row.id, extra=dict(row.extra),
        tax_rounding=TaxRounding(row.tax_rounding),
    )


def open_document_from_row(row: Row) -> OpenDocument:
    """From a row with the document's columns plus ``outstanding_minor``."""
    return OpenDocument(
        id=row.id, kind=DocumentKind(row.kind), number=row.number or "",
        contact_id=row.contact_id, currency=row.currency,
        total=Money.from_minor(row.total_minor, row.currency),
        outstanding=Money.from_minor(row.outstanding_minor, row.currency),
        authorised=row.lifecycle == Lifecycle.AUTHORISED.value,
        due_date=as_date(row.due_date), issue_date=as_date(row.issue_date),
        rate=Decimal(row.exchange_rate), taken_home_minor=int(row.taken_minor),
    )


def as_date(value: dt.date | str) -> dt.date:
    """Dates read through raw SQL come back as ISO text; through the tables, as dates."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def payment_from_row(row: Row, allocations: Iterable[Row]) -> Payment:
    return Payment(
        kind=PaymentKind(row.kind), contact_id=row.contact_id, date=row.date,
        amount=Money.from_minor(row.amount_minor, row.currency),
        bank_account_code=row.bank_account_code,
        allocations=tuple(
            Allocation(a.document_id, Money.from_minor(a.amount_minor, a.currency))
            for a in allocations
        ),
        rate=row.exchange_rate,
        keep_excess_as_credit=bool(row.keep_excess_as_credit), reference=row.reference,
        client_token=row.client_token, voided=bool(row.voided), id=row.id,
    )


def entry_from_rows(row: Row, lines: Iterable[Row]) -> JournalEntry:
    return JournalEntry(
        date=as_date(row.date), memo=row.memo, source_type=SourceType(row.source_type),
        source_id=row.source_id,
        lines=tuple(
            JournalLine(ln.account_code, Money.from_minor(ln.amount_minor, ln.currency), ln.memo,
                        foreign_of(ln))
            for ln in lines
        ),
        reverses_id=row.reverses_id, id=row.id,
    )


def foreign_of(line: Row) -> Money | None:
    """A journal line's amount in its own currency, when it holds foreign money."""
    if line.foreign_currency is None:
        return None
    return Money.from_minor(line.foreign_minor, line.foreign_currency)


def check_balanced(entry: JournalEntry) -> None:
    """Refuse an entry whose debits and credits differ (per currency) or that has no lines."""
    if not entry.lines:
        raise ValueError(f"journal entry {entry.memo!r} has no lines")
    sums: dict[str, int] = {}
    for line in entry.lines:
        currency = line.amount.currency
        sums[currency] = sums.get(currency, 0) + line.amount.minor_units
    off = {currency: total for currency, total in sums.items() if total}
    if off:
        detail = ", ".join(f"{Money.from_minor(t, c)}" for c, t in off.items())
        raise ValueError(f"journal entry {entry.memo!r} does not balance: off by {detail}")
