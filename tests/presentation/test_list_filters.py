"""The lists' filter bar without Qt: dates typed in the locale, refusals that change
nothing, the filters in words, the count, and Clear."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from babel.numbers import get_group_symbol

from ledgerdesk.domain.documents import DocumentKind
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.presentation.contacts import contact_choices
from ledgerdesk.presentation.list_filters import ListFilters
from ledgerdesk.presentation.lists import DocumentList, PaymentList
from ledgerdesk.services.list_queries import DocumentSort, StatusFilter

INVOICES = (DocumentKind.SALES_INVOICE,)


@pytest.fixture
def invoices(book, issue, draft, add_contact):
    """Two customers' invoices over three months, one of them still a draft."""
    acme, brio = add_contact("Acme Retail"), add_contact("Brio Cafés")
    for contact, day in ((acme, dt.date(2024, 1, 5)), (acme, dt.date(2024, 2, 10)),
                         (brio, dt.date(2024, 2, 20)), (acme, dt.date(2024, 3, 15))):
        issue(contact, "100", issue_date=day)
    draft(acme, "50", issue_date=dt.date(2024, 2, 12))
    return acme, brio


def filters_for(session, noun=("invoice", "invoices")) -> ListFilters:
    filters = ListFilters(DocumentList(session, INVOICES), noun, date_label="Issued")
    filters.set_contact_choices(contact_choices(session, None))
    return filters


def rows(filters: ListFilters) -> list:
    return filters.presenter.page(0, 100)


def test_dates_typed_in_german_filter_the_issue_date(session, invoices):
    filters = filters_for(session)
    assert filters.set_dates("1.2.2024", "29.02.2024") == ""
    assert {r.issue_date for r in rows(filters)} == {
        dt.date(2024, 2, 10), dt.date(2024, 2, 12), dt.date(2024, 2, 20)}
    assert filters.active() == ["Issued: 01.02.2024 – 29.02.2024"]
    assert filters.set_dates("", "2024-01-31") == ""  # ISO works in every locale
    assert [r.issue_date for r in rows(filters)] == [dt.date(2024, 1, 5)]
    assert filters.active() == ["Issued: until 31.01.2024"]


@pytest.mark.parametrize(("first", "last", "words"), [
    ("32.01.2024", "", "From: “32.01.2024” is not a date"),
    ("", "yesterday", "To: “yesterday” is not a date"),
    ("1.3.2024", "1.2.2024", "The range ends before it starts: 01.02.2024 is before 01.03.2024"),
])
def test_a_bad_range_is_refused_and_the_filter_stays(session, invoices, first, last, words):
    filters = filters_for(session)
    filters.set_dates("1.2.2024", "")
    before = filters.presenter.query
    message = filters.set_dates(first, last)
    assert message.startswith(words)
    assert filters.presenter.query == before


def test_every_filter_together_and_in_words(session_for, invoices):
    acme, _ = invoices
    filters = filters_for(session_for("en_US"))
    filters.set_contact(acme)
    filters.set_status(StatusFilter.OPEN)
    filters.set_dates("2/1/2024", "3/31/2024")
    filters.set_text("INV")
    assert [(r.contact_id, r.issue_date) for r in rows(filters)] == [
        (acme, dt.date(2024, 3, 15)), (acme, dt.date(2024, 2, 10))]
    assert filters.active() == ["Status: Open", "Contact: Acme Retail",
                                "Issued: 2/1/2024 – 3/31/2024", "Text: “INV”"]
    assert filters.count_text(2) == "2 of 5 invoices"


def test_clear_drops_every_filter_but_keeps_the_sort(session, invoices):
    filters = filters_for(session)
    filters.presenter.sort_by(filters.presenter.sort_keys.index(DocumentSort.TOTAL), True)
    unfiltered = filters.presenter.query
    filters.set_contact(invoices[1])
    filters.set_dates("1.1.2024", "")
    filters.set_status(StatusFilter.DRAFT)
    assert filters.is_filtered and filters.presenter.count() == 0
    filters.clear()
    assert filters.presenter.query == unfiltered and not filters.is_filtered
    assert filters.active() == [] and filters.count_text(5) == "5 invoices"
    assert filters.presenter.query.sort is DocumentSort.TOTAL


def test_counts_are_written_in_the_users_locale(session_for, invoices):
    g = get_group_symbol("de_CH")  # ’ before CLDR 49, ' since
    assert filters_for(session_for("de_CH")).count_text(1234567) == f"1{g}234{g}567 invoices"
    assert filters_for(session_for("en_US")).count_text(1) == "1 invoice"


def test_payments_filter_by_contact_and_date(session, invoices, pay):
    acme, brio = invoices
    pay(acme, "10", date=dt.date(2024, 2, 1), keep=True)
    pay(brio, "20", date=dt.date(2024, 2, 2), kind=PaymentKind.CUSTOMER_RECEIPT, keep=True)
    pay(acme, "30", date=dt.date(2024, 3, 1), keep=True)
    filters = ListFilters(PaymentList(session), ("payment", "payments"))
    assert not filters.offers("status") and filters.offers("contact_id")
    filters.set_contact(acme)
    assert filters.set_dates("", "15.02.2024") == ""
    assert [p.amount.amount for p in filters.presenter.page(0, 10)] == [10]
    assert filters.count_text(1) == "1 of 3 payments"


def test_an_unknown_contact_name_is_explained(session):
    message = filters_for(session).no_such_contact("Acme Retial")
    assert message.startswith("No contact is called “Acme Retial”")


def test_the_date_hint_is_written_the_users_way(session_for):
    assert filters_for(session_for("de_DE")).date_hint == "31.12.2024"
    assert filters_for(session_for("en_US")).date_hint == "12/31/2024"  # four-digit year


def test_filters_only_replace_filter_fields(session):
    filters = filters_for(session)
    query = filters.presenter.query
    filters.set_text("  x ")
    assert dataclasses.replace(filters.presenter.query, text="") == query


def test_an_empty_list_says_whether_filters_hide_everything_or_nothing_is_there(
        session, invoices):
    filters = filters_for(session)
    assert filters.empty_text(5) == ""
    filters.set_text("no such invoice")
    assert rows(filters) == []
    assert filters.empty_text(0) == "No invoices match these filters."
    filters.clear()
    empty = ListFilters(DocumentList(session, (DocumentKind.BILL,)), ("bill", "bills"),
                        create_hint="Ctrl+N creates one.")
    assert empty.presenter.count() == 0
    assert empty.empty_text(0) == "No bills yet — Ctrl+N creates one."
