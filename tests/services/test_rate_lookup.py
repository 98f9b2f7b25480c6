"""Exchange rates kept in the book: a typed rate (replacing that day's), the rate of a day
(the latest on or before it, the home currency at 1, else a named problem), the list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.domain.rates import ExchangeRate, NoRate
from ledgerdesk.services.audit import audit_log
from ledgerdesk.services.lock import change_lock
from ledgerdesk.services.rates import list_rates, rate_on, rate_on_in, save_rate

DEC_1, DEC_4, DEC_10 = dt.date(2026, 12, 1), dt.date(2026, 12, 4), dt.date(2026, 12, 10)


def test_the_rate_of_a_day_is_the_latest_on_or_before_it(book) -> None:
    save_rate(book, "USD", Decimal("0.95"), DEC_1)
    save_rate(book, "USD", Decimal("0.94"), DEC_4)
    save_rate(book, "GBP", Decimal("1.19"), DEC_10)
    assert rate_on(book, "USD", DEC_4) == ExchangeRate(DEC_4, "USD", Decimal("0.94"))  # the day
    assert rate_on(book, "usd", dt.date(2026, 12, 3)) == ExchangeRate(DEC_1, "USD",
                                                                      Decimal("0.95"))
    assert rate_on(book, "USD", dt.date(2027, 6, 1)).rate == Decimal("0.94")  # long after
    with pytest.raises(NoRate) as before_first:
        rate_on(book, "USD", dt.date(2026, 11, 30))
    assert str(before_first.value) == (
        "The book has no USD rate on or before 2026-11-30 (its first USD rate is of "
        "2026-12-01): add one, or import the ECB's rates file.")
    with pytest.raises(NoRate) as never:
        rate_on(book, "JPY", DEC_10)
    assert never.value.problem.code == "no_rate" and never.value.first is None
    with pytest.raises(NoRate):  # GBP's only rate is later: never USD's, never 1
        rate_on(book, "GBP", DEC_4)


def test_the_home_currency_is_always_1_and_the_answer_works_inside_a_write(book) -> None:
    assert rate_on(book, "EUR", DEC_4) == ExchangeRate(DEC_4, "EUR", Decimal(1))
    save_rate(book, "USD", Decimal("0.94"), DEC_1)
    with book.write() as tx:  # as a document's or payment's save will ask
        assert rate_on_in(tx, "USD", DEC_4).rate == Decimal("0.94")


def test_a_rate_for_a_day_that_has_one_replaces_it_and_the_audit_log_keeps_the_old(book):
    first = save_rate(book, "USD", Decimal("0.9500"), DEC_4)
    assert first.words == "Saved the rate of USD on 2026-12-04: 1 USD = 0.95 EUR."
    again = save_rate(book, "USD", Decimal("0.95"), DEC_4)
    assert again.unchanged and again.words == (
        "Already in the book: USD on 2026-12-04: 1 USD = 0.95 EUR; nothing changed.")
    replaced = save_rate(book, "USD", Decimal("0.9487"), DEC_4)
    assert replaced.words == ("Replaced the rate of USD on 2026-12-04: 1 USD = 0.9487 EUR "
                              "(was 0.95).")
    assert [r.rate for r in list_rates(book)] == [Decimal("0.9487")]
    said = [row.what for row in audit_log(book) if "exchange rate" in row.what]
    assert len(said) == 2 and "0.95" in said[1] and "0.9487" in said[1]


def test_a_refused_rate_names_every_problem_and_changes_nothing(book) -> None:
    with pytest.raises(ValidationFailed) as refused:
        save_rate(book, "EUR", Decimal("-2"), DEC_4)
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("currency", "home_currency"), ("rate", "not_positive")]
    with pytest.raises(ValidationFailed):
        save_rate(book, "US", Decimal("1"), DEC_4)
    assert list(list_rates(book)) == []


def test_a_rate_is_kept_to_twelve_places(book) -> None:
    save_rate(book, "USD", Decimal(1) / Decimal(3), DEC_4)
    assert rate_on(book, "USD", DEC_4).rate == Decimal("0.333333333333")


def test_a_rate_inside_the_lock_date_is_fine_as_rates_post_nothing(book) -> None:
    change_lock(book, DEC_10)
    assert not save_rate(book, "USD", Decimal("0.94"), DEC_4).unchanged
    assert rate_on(book, "USD", DEC_10).rate == Decimal("0.94")


def test_the_list_is_newest_first_then_by_currency_or_one_currency(book) -> None:
    save_rate(book, "USD", Decimal("0.95"), DEC_1)
    save_rate(book, "GBP", Decimal("1.2"), DEC_4)
    save_rate(book, "USD", Decimal("0.94"), DEC_4)
    assert [(r.date, r.currency) for r in list_rates(book)] == [
        (DEC_4, "GBP"), (DEC_4, "USD"), (DEC_1, "USD")]
    assert [r.rate for r in list_rates(book, "usd")] == [Decimal("0.94"), Decimal("0.95")]
    with pytest.raises(ValidationFailed):
        list_rates(book, "DOLLARS")
