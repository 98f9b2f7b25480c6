"""Paged list queries agree with plain Python over the full lists of a small demo book.

Each test reads the whole list the slow way (the streamed ``list_*`` queries), filters and
sorts it here with the rules ``services.list_queries`` states, and checks that the SQL pages,
concatenated, give exactly that: same rows, same order, no duplicates or gaps.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable

import pytest

from ledgerdesk.domain.contacts import ContactRole
from ledgerdesk.domain.documents import DocumentKind, Lifecycle, is_overdue, is_partly_paid
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.services import queries
from ledgerdesk.services.demo import generate_demo
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
from ledgerdesk.services.read_models import ContactSummary, DocumentSummary, PaymentSummary

TODAY = dt.date(2025, 6, 30)
INVOICES = (DocumentKind.SALES_INVOICE,)
EVERY_KIND = tuple(DocumentKind)
_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def nocase(text: str) -> str:
    """SQLite's NOCASE: only ASCII letters fold."""
    return text.translate(_FOLD)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from ledgerdesk.services.setup import initialise_book
    from ledgerdesk.storage.book import create_book

    book = create_book(tmp_path_factory.mktemp("lists") / "demo.book")
    initialise_book(book, "Demo Co", "GBP")
    generate_demo(book, today=TODAY)
    yield book
    book.close()


def pages(count: Callable[[], int], page: Callable[[int, int], list], size: int = 37) -> list:
    """Every page of ``size`` rows, concatenated; checks the count and the end of the list."""
    rows: list = []
    while chunk := page(len(rows), size):
        assert len(chunk) <= size
        rows += chunk
    assert count() == len(rows)
    assert page(len(rows), size) == []
    assert len({row.id for row in rows}) == len(rows), "a row came twice"
    return rows


# documents -----------------------------------------------------------------------------

def document_pages(book, query: DocumentQuery) -> list[DocumentSummary]:
    return pages(lambda: queries.count_documents(book, query),
                 lambda offset, limit: queries.document_page(book, query, offset, limit))


def all_documents(book) -> list[DocumentSummary]:
    return list(book.queries().list_documents(EVERY_KIND))


DOCUMENT_KEYS = {
    DocumentSort.NUMBER: lambda d: d.number,
    DocumentSort.CONTACT: lambda d: nocase(d.contact_name),
    DocumentSort.ISSUE_DATE: lambda d: d.issue_date,
    DocumentSort.DUE_DATE: lambda d: d.due_date,
    DocumentSort.TOTAL: lambda d: d.total.amount,
    DocumentSort.OUTSTANDING: lambda d: d.outstanding.amount,
    DocumentSort.STATUS: lambda d: STATUS_ORDER.index(d.status(TODAY)),
}


def status_matches(d: DocumentSummary, status: StatusFilter) -> bool:
    authorised = d.lifecycle is Lifecycle.AUTHORISED
    return {
        StatusFilter.ALL: True,
        StatusFilter.DRAFT: d.lifecycle is Lifecycle.DRAFT,
        StatusFilter.VOIDED: d.lifecycle is Lifecycle.VOIDED,
        StatusFilter.OPEN: authorised and d.outstanding.is_positive,
        StatusFilter.OVERDUE: is_overdue(d.lifecycle, d.due_date, d.outstanding, TODAY,
                                         kind=d.kind),
        StatusFilter.PARTLY_PAID: is_partly_paid(d.lifecycle, d.total, d.outstanding),
        StatusFilter.PAID: authorised and d.outstanding.is_zero,
    }[status]


def document_matches(d: DocumentSummary, q: DocumentQuery) -> bool:
    text = q.text.lower()
    return (
        d.kind in q.kinds and status_matches(d, q.status)
        and (q.contact_id is None or d.contact_id == q.contact_id)
        and (q.date_from is None or d.issue_date >= q.date_from)
        and (q.date_to is None or d.issue_date <= q.date_to)
        and (not text or any(text in field.lower()
                             for field in (d.number, d.contact_name, d.reference)))
    )


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(DocumentSort))
def test_every_document_sort_matches_python(demo, sort, descending) -> None:
    everything = all_documents(demo)
    for kinds in (INVOICES, EVERY_KIND):
        query = DocumentQuery(kinds, TODAY, sort=sort, descending=descending)
        expected = sorted((d for d in everything if d.kind in kinds),
                          key=lambda d: (DOCUMENT_KEYS[sort](d), d.id), reverse=descending)
        assert document_pages(demo, query) == expected


@pytest.mark.parametrize("status", list(StatusFilter))
def test_every_status_filter_matches_python(demo, status) -> None:
    everything = all_documents(demo)
    for kinds in (INVOICES, (DocumentKind.BILL, DocumentKind.PURCHASE_CREDIT_NOTE)):
        query = DocumentQuery(kinds, TODAY, status=status, sort=DocumentSort.OUTSTANDING)
        got = document_pages(demo, query)
        assert got == sorted((d for d in everything if document_matches(d, query)),
                             key=lambda d: (d.outstanding.amount, d.id), reverse=True)
    if status is not StatusFilter.ALL:
        assert got or status is StatusFilter.DRAFT, f"the demo has no {status} bills"


def test_contact_date_and_text_filters_match_python(demo) -> None:
    everything = all_documents(demo)
    busiest = max({d.contact_id for d in everything},
                  key=lambda c: sum(d.contact_id == c for d in everything))
    name = next(d.contact_name for d in everything if d.contact_id == busiest)
    number = next(d.number for d in everything if d.number)
    cases = [
        DocumentQuery(EVERY_KIND, TODAY, contact_id=busiest),
        DocumentQuery(INVOICES, TODAY, date_from=TODAY - dt.timedelta(days=90)),
        DocumentQuery(INVOICES, TODAY, date_to=TODAY - dt.timedelta(days=200)),
        DocumentQuery(INVOICES, TODAY, date_from=TODAY - dt.timedelta(days=120),
                      date_to=TODAY - dt.timedelta(days=60), status=StatusFilter.PAID),
        DocumentQuery(EVERY_KIND, TODAY, text=name[2:7].upper()),  # case-insensitive
        DocumentQuery(EVERY_KIND, TODAY, text=number[-3:]),
        DocumentQuery(INVOICES, TODAY, text="  " + number + " "),  # trimmed
        DocumentQuery(INVOICES, TODAY, text="no such thing"),
    ]
    for query in cases:
        expected = [d for d in everything if document_matches(d, query)]
        expected.sort(key=lambda d: (d.issue_date, d.id), reverse=True)
        assert document_pages(demo, query) == expected, query
    assert sum(1 for query in cases if document_pages(demo, query)) >= len(cases) - 1


def test_document_summary_is_the_list_row(demo) -> None:
    for row in all_documents(demo)[::25]:
        assert queries.document_summary(demo, row.id) == row
    assert queries.document_summary(demo, 10**9) is None


def test_query_kinds_are_normalised(demo) -> None:
    query = DocumentQuery([DocumentKind.BILL, DocumentKind.SALES_INVOICE,  # type: ignore[arg-type]
                           DocumentKind.BILL], TODAY)
    assert query.kinds == (DocumentKind.SALES_INVOICE, DocumentKind.BILL)
    with pytest.raises(ValueError):
        DocumentQuery((), TODAY)


# payments ------------------------------------------------------------------------------

PAYMENT_KEYS = {
    PaymentSort.DATE: lambda p: p.date,
    PaymentSort.CONTACT: lambda p: nocase(p.contact_name),
    PaymentSort.AMOUNT: lambda p: p.amount.amount,
    PaymentSort.REFERENCE: lambda p: nocase(p.reference),
}


def payment_matches(p: PaymentSummary, q: PaymentQuery) -> bool:
    text = q.text.lower()
    numbers = [n.lower() for n in p.documents.split(", ")] if p.documents else []
    return (
        p.kind in q.kinds and (q.include_voided or not p.voided)
        and (q.contact_id is None or p.contact_id == q.contact_id)
        and (q.date_from is None or p.date >= q.date_from)
        and (q.date_to is None or p.date <= q.date_to)
        and (not text or text in p.reference.lower() or text in p.contact_name.lower()
             or any(text in n for n in numbers))
    )


def payment_pages(book, query: PaymentQuery) -> list[PaymentSummary]:
    return pages(lambda: queries.count_payments(book, query),
                 lambda offset, limit: queries.payment_page(book, query, offset, limit), 53)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(PaymentSort))
def test_every_payment_sort_matches_python(demo, sort, descending) -> None:
    everything = list(demo.queries().list_payments())
    for include_voided in (False, True):
        query = PaymentQuery(sort=sort, descending=descending, include_voided=include_voided)
        expected = sorted((p for p in everything if payment_matches(p, query)),
                          key=lambda p: (PAYMENT_KEYS[sort](p), p.id), reverse=descending)
        assert payment_pages(demo, query) == expected
    assert any(p.voided for p in everything)


def test_payment_filters_match_python(demo) -> None:
    everything = list(demo.queries().list_payments())
    sample = next(p for p in everything if p.documents and p.reference)
    other_number = next(p.documents.split(", ")[-1] for p in everything
                        if p.documents and p.documents.split(", ")[-1] not in p.reference)
    cases = [
        PaymentQuery(contact_id=sample.contact_id, include_voided=True),
        PaymentQuery(kinds=(PaymentKind.SUPPLIER_PAYMENT, PaymentKind.CUSTOMER_REFUND)),
        PaymentQuery(date_from=TODAY - dt.timedelta(days=60), date_to=TODAY - dt.timedelta(30)),
        PaymentQuery(text=sample.contact_name[1:6].lower()),
        PaymentQuery(text=sample.reference.upper()),
        PaymentQuery(text=other_number, include_voided=True),
    ]
    for query in cases:
        expected = sorted((p for p in everything if payment_matches(p, query)),
                          key=lambda p: (p.date, p.id), reverse=True)
        assert expected, query
        assert payment_pages(demo, query) == expected, query


# contacts ------------------------------------------------------------------------------

CONTACT_KEYS = {
    ContactSort.NAME: lambda c: nocase(c.name),
    ContactSort.RECEIVABLE: lambda c: c.receivable.amount,
    ContactSort.PAYABLE: lambda c: c.payable.amount,
}
ROLES = {
    ContactRole.CUSTOMER: {ContactRole.CUSTOMER, ContactRole.BOTH},
    ContactRole.SUPPLIER: {ContactRole.SUPPLIER, ContactRole.BOTH},
    ContactRole.BOTH: {ContactRole.BOTH},
}


def contact_pages(book, query: ContactQuery) -> list[ContactSummary]:
    return pages(lambda: queries.count_contacts(book, query),
                 lambda offset, limit: queries.contact_page(book, query, offset, limit), 7)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(ContactSort))
def test_every_contact_sort_and_filter_matches_python(demo, sort, descending) -> None:
    everything = list(demo.queries().list_contacts())
    text = everything[3].name[:3].upper()
    for role in (None, *ContactRole):
        for needle in ("", text, "example"):
            query = ContactQuery(role=role, text=needle, sort=sort, descending=descending)
            expected = sorted(
                (c for c in everything
                 if (role is None or c.role in ROLES[role])
                 and (needle.lower() in c.name.lower() or needle.lower() in c.email.lower())),
                key=lambda c: (CONTACT_KEYS[sort](c), c.id), reverse=descending,
            )
            assert contact_pages(demo, query) == expected, query
