"""Which language the words are in: the user's choice, else the system's, else English."""

from __future__ import annotations

import pytest

from ledgerdesk.domain import i18n
from ledgerdesk.presentation.language import chosen_language, system_language, use_language


@pytest.mark.parametrize(("environ", "qt", "expected"), [
    ({"LANG": "de_DE.UTF-8"}, None, "de"),
    ({"LANG": "C.UTF-8"}, "fr_FR", "en"),          # C: the system says "no preference"
    ({}, "es_MX", "es"),                             # Windows, macOS: only Qt knows
    ({}, None, "en"),
    ({"LANGUAGE": "pt_BR:es", "LANG": "de_DE"}, None, "es"),
    ({"LANGUAGE": "pt_BR", "LANG": "fr_CA.UTF-8"}, None, "fr"),
    ({"LC_ALL": "fr_BE", "LANG": "de_DE"}, None, "fr"),
    ({"LANG": "pt_BR.UTF-8"}, "de_DE", "en"),        # a language we lack: English
    ({"LEDGERDESK_LANGUAGE": "es", "LANG": "de_DE"}, None, "es"),
])
def test_the_systems_language(environ, qt, expected):
    assert system_language(environ, qt) == expected


def test_a_choice_in_settings_wins_over_the_system():
    assert chosen_language("fr", {"LANG": "de_DE"}) == "fr"
    assert chosen_language("", {"LANG": "de_DE"}) == "de"  # "System language"
    assert chosen_language("xx", {"LANG": "de_DE"}) == "de"


def test_using_a_language_changes_every_message_until_another_is_used():
    assert use_language("de_AT") == "de"
    assert (i18n.language(), i18n._("Cleared: {postings}")) == ("de", "Abgestimmt: {postings}")
    assert use_language("pt") == "en"
    assert i18n._("Cleared: {postings}") == "Cleared: {postings}"
