"""Which locale an open book is shown in: its own setting, else the system's, else en_US."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ledgerdesk.presentation.amount_format import AmountFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.settings import read_settings, update_settings


def opened(book, system: str) -> Session:
    return Session.of(book, Path(book.path), fallback_locale=system)


@pytest.mark.parametrize("system", ["fr_CH", "de_DE", "ja_JP", "pt-BR"])
def test_a_book_without_a_locale_follows_the_system(book, system):
    assert opened(book, system).locale == system


@pytest.mark.parametrize("system", ["", "xx_YY", "de_XY"])
def test_a_system_locale_babel_does_not_know_falls_back_to_en_us(book, system):
    assert opened(book, system).locale == "en_US"


@pytest.mark.parametrize("system", ["C", "POSIX", "en_US_POSIX", "C.UTF-8", "C.utf8"])
def test_the_c_librarys_neutral_locale_means_en_us(book, system):
    """Babel 2.19 reads ``C`` as en_US_POSIX (``€ 12824.11``, nothing grouped): a machine on
    ``LANG=C.UTF-8`` states no preference, so its amounts are written as in en_US."""
    session = opened(book, system)
    assert session.locale == "en_US"
    money = AmountFormatter(session.locale, "EUR", with_symbol=True)
    assert money(Decimal("12824.11")) == "€12,824.11"
    assert AmountFormatter(system, "EUR", with_symbol=True)(Decimal("12824.11")) == "€12,824.11"


def test_the_books_own_locale_wins_over_the_system(book):
    from dataclasses import replace

    from ledgerdesk.presentation.settings import known_locales

    update_settings(book, replace(read_settings(book), locale="de_CH"), known_locales())
    assert opened(book, "fr_FR").locale == "de_CH"
