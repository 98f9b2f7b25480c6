"""Derived statuses: paid, partly paid, overdue and the one-word list label."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.documents import (
    DocumentKind,
    DocumentStatus,
    Lifecycle,
    derive_status,
    is_overdue,
    is_partly_paid,
    status_label,
)
from ledgerdesk.domain.money import Money

TODAY = dt.date(2024, 6, 15)
YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)
A, D, V = Lifecycle.AUTHORISED, Lifecycle.DRAFT, Lifecycle.VOIDED


def eur(amount) -> Money:
    return Money(Decimal(amount), "EUR")


@pytest.mark.parametrize(
    ("lifecycle", "outstanding", "expected"),
    [
        (D, "100", DocumentStatus.DRAFT),
        (D, "0", DocumentStatus.DRAFT),
        (V, "100", DocumentStatus.VOIDED),
        (V, "0", DocumentStatus.VOIDED),
        (A, "100", DocumentStatus.AUTHORISED),
        (A, "0.01", DocumentStatus.AUTHORISED),
        (A, "0", DocumentStatus.PAID),
    ],
)
def test_derive_status(lifecycle, outstanding, expected):
    assert derive_status(lifecycle, eur(outstanding)) is expected


@pytest.mark.parametrize(
    ("lifecycle", "outstanding", "expected"),
    [(A, "40", True), (A, "99.99", True), (A, "0.01", True), (A, "100", False),
     (A, "0", False), (D, "40", False), (V, "40", False)],
)
def test_partly_paid(lifecycle, outstanding, expected):
    assert is_partly_paid(lifecycle, eur("100"), eur(outstanding)) is expected


@pytest.mark.parametrize(
    ("lifecycle", "due", "outstanding", "expected"),
    [
        (A, YESTERDAY, "10", True),
        (A, TODAY, "10", False),  # due today is not yet overdue
        (A, TOMORROW, "10", False),
        (A, YESTERDAY, "0", False),  # paid
        (D, YESTERDAY, "10", False),
        (V, YESTERDAY, "10", False),
    ],
)
def test_overdue(lifecycle, due, outstanding, expected):
    assert is_overdue(lifecycle, due, eur(outstanding), TODAY,
                      kind=DocumentKind.SALES_INVOICE) is expected


@pytest.mark.parametrize(
    ("lifecycle", "outstanding", "due", "expected"),
    [
        (D, "100", TOMORROW, "draft"),
        (D, "100", YESTERDAY, "draft"),
        (A, "100", TOMORROW, "open"),
        (A, "100", TODAY, "open"),
        (A, "40", TOMORROW, "partly paid"),
        (A, "40", YESTERDAY, "overdue"),  # overdue wins over partly paid
        (A, "100", YESTERDAY, "overdue"),
        (A, "0", YESTERDAY, "paid"),
        (A, "0", TOMORROW, "paid"),
        (V, "100", YESTERDAY, "void"),
    ],
)
def test_status_label(lifecycle, outstanding, due, expected):
    for kind in (DocumentKind.SALES_INVOICE, DocumentKind.BILL):
        assert status_label(lifecycle, eur("100"), eur(outstanding), due, TODAY,
                            kind=kind) == expected


@pytest.mark.parametrize("kind", [k for k in DocumentKind if k.is_credit])
def test_a_credit_is_never_overdue(kind):
    assert not is_overdue(A, YESTERDAY, eur("10"), TODAY, kind=kind)
    assert status_label(A, eur("100"), eur("100"), YESTERDAY, TODAY, kind=kind) == "open"
    assert status_label(A, eur("100"), eur("40"), YESTERDAY, TODAY, kind=kind) == "partly paid"

