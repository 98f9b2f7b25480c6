"""What a screen reader is given for a cell: words, never a glyph that reads as noise or
as nothing (a status's ✓ or ⚠, a minus sign some readers skip)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledgerdesk.domain.sync import OutboxState
from ledgerdesk.presentation.amount_format import AmountFormatter
from ledgerdesk.presentation.lists import STATUS_TEXT
from ledgerdesk.presentation.spoken import spoken
from ledgerdesk.presentation.sync_panel import state_words


@pytest.mark.parametrize("locale", ["en_US", "de_DE", "fr_FR", "de_CH"])
def test_a_negative_amount_is_read_with_the_word_minus(locale):
    money = AmountFormatter(locale, "EUR")
    shown = money.format(Decimal("-1234.5"))
    assert spoken(shown) == "minus " + money.format(Decimal("1234.5"))
    assert spoken(money.format(Decimal("1234.5"))) == money.format(Decimal("1234.5"))


def test_an_amount_in_parentheses_is_read_as_negative():
    assert spoken("(1,234.50)") == "minus 1,234.50"


@pytest.mark.parametrize("status", sorted(STATUS_TEXT))
def test_every_status_is_read_as_its_word_alone(status):
    assert spoken(STATUS_TEXT[status]).lower() == status


@pytest.mark.parametrize("state", list(OutboxState))
def test_a_sync_state_is_read_without_its_mark(state):
    said = spoken(state_words(state))
    assert said.isascii() and said[0].isalpha(), said


def test_a_warning_on_a_lower_case_note_says_there_is_a_problem():
    assert spoken("⚠ at most 50.00") == "problem: at most 50.00"
    assert spoken("✓ paid in full") == "paid in full"


def test_a_lone_dash_is_read_as_none_and_dates_and_ranges_keep_their_hyphens():
    assert spoken("—") == "none"
    assert spoken("2024-01-15") == "2024-01-15"
    assert spoken("30-60 days") == "30-60 days"
