"""File > Exchange rates… without Qt: the overview and one currency's history in the
locale, the Add form's live problems in the command line's words, the ECB import's summary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ledgerdesk.presentation.rate_editor import RateEditor
from ledgerdesk.presentation.rate_list import LATEST, RateList
from ledgerdesk.services.rate_import import EcbFileError
from ledgerdesk.services.rates import list_rates, rate_on, save_rate


def test_a_rate_typed_in_german_is_saved_with_the_command_lines_sentence(session, book):
    editor = RateEditor(session)
    assert editor.values["date"] == session_date(session)
    typed = {"date": "04.12.2026", "currency": "usd", "rate": "0,9485"}
    assert editor.problems(**typed) == {}
    assert editor.save(**typed) == {}
    assert editor.message == "Saved the rate of USD on 2026-12-04: 1 USD = 0.9485 EUR."
    assert rate_on(book, "USD", dt.date(2026, 12, 4)).rate == Decimal("0.9485")


def session_date(session) -> str:
    from ledgerdesk.presentation.dates import DateFormatter

    return DateFormatter(session.locale).short(session.clock())


def test_refusals_stay_by_field_in_the_domains_words(session, book):
    editor = RateEditor(session)
    problems = editor.save(date="31.02.2026", currency="EUR", rate="-1")
    assert set(problems) == {"date", "currency", "rate"}
    assert problems["currency"] == ("Rates are for foreign currencies: EUR is this book's own "
                                    "currency, always at 1.")
    assert problems["rate"] == "A rate must be more than 0."
    assert editor.problems(date="04.12.2026", currency="XYZ", rate="1,5") == {
        "currency": "'XYZ' is not an ISO 4217 currency code; use one like EUR, USD or GBP."}
    assert "rate" in editor.problems(date="04.12.2026", currency="USD", rate="abc")
    assert editor.saved is None and list(list_rates(book)) == []


def test_the_overview_shows_each_currencys_latest_and_a_currency_its_history(session, book):
    save_rate(book, "USD", Decimal("0.95"), dt.date(2026, 12, 1))
    save_rate(book, "USD", Decimal("0.9487"), dt.date(2026, 12, 4))
    save_rate(book, "GBP", Decimal("1.2"), dt.date(2026, 12, 2))
    rates = RateList(session)
    rows = rates.reload()
    assert [(r.date, r.currency, r.rate) for r in rows] == [
        ("02.12.2026", "GBP", "1,2"), ("04.12.2026", "USD", "0,9487")]
    assert rates.count_text() == "3 rates in 2 currencies"
    assert rates.choices() == [(LATEST, "Latest of each currency"), ("GBP", "GBP (1)"),
                               ("USD", "USD (2)")]
    rows = rates.reload("USD")
    assert [r.rate for r in rows] == ["0,9487", "0,95"]
    assert rates.count_text() == "2 USD rates"
    assert rates.index_of("USD", dt.date(2026, 12, 1)) == 1


def test_the_ecb_file_is_imported_with_the_command_lines_summary(session, book, ecb_file):
    rates = RateList(session)
    assert rates.import_file(ecb_file("daily", zipped=True)).startswith(
        "30 new rates, 0 already in the book.\n")
    assert rates.import_file(ecb_file("daily")) == "0 new rates, 30 already in the book."
    with pytest.raises(EcbFileError):
        rates.import_file(ecb_file("daily", text="nonsense\n"))
