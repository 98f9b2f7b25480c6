"""The settings dialog's data: the locales on offer, what changed, and saving.

``SettingsEditor`` is Qt-free: the dialog hands it what the fields say, and it answers
whether that differs from what was loaded (Esc asks before discarding only then) and what
the book refused, field by field, when saving.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from babel.localedata import locale_identifiers

from ledgerdesk.domain.problems import ValidationFailed
from ledgerdesk.presentation.locales import is_known_locale, locale_display_name
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.ports import BookFailure
from ledgerdesk.services.settings import CompanySettings, read_settings, update_settings

#: The locales offered in Settings (any Babel locale works from the book's setting).
LOCALES = {
    "en_US": "English (United States)", "en_GB": "English (United Kingdom)",
    "de_DE": "Deutsch (Deutschland)", "de_CH": "Deutsch (Schweiz)",
    "fr_FR": "Français (France)", "fr_CH": "Français (Suisse)", "nl_NL": "Nederlands",
    "es_ES": "Español (España)", "it_IT": "Italiano", "pt_BR": "Português (Brasil)",
    "sv_SE": "Svenska", "ja_JP": "日本語", "hi_IN": "हिन्दी (भारत)",
}


@cache
def known_locales() -> frozenset[str]:
    """Every locale tag Babel has data for (``de_CH``, ``fr``, ``sr_Latn_RS`` …)."""
    return frozenset(locale_identifiers())


def locale_choices(current: str) -> dict[str, str]:
    """``LOCALES``, plus the one in use when it is not among them (a system locale such as
    ``de_AT``), so that opening Settings and saving never switches the locale silently."""
    if current in LOCALES or not is_known_locale(current):
        return dict(LOCALES)
    native = locale_display_name(current, current)
    return {**LOCALES, current: native}


def load_settings(session: Session) -> CompanySettings:
    """The stored settings, with the locale the session really uses when none (or none that
    Babel knows) is stored."""
    stored = read_settings(session.book)
    usable = stored.locale and is_known_locale(stored.locale)
    return replace(stored, locale=stored.locale if usable else session.locale)


def save_settings(session: Session, wanted: CompanySettings) -> None:
    update_settings(session.book, wanted, known_locales())


class SettingsEditor:
    """What the settings dialog loads, compares and saves."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.loaded = load_settings(session)
        self.locales = locale_choices(self.loaded.locale)

    def changed(self, wanted: CompanySettings) -> bool:
        return wanted != self.loaded

    def save(self, wanted: CompanySettings) -> dict[str, str]:
        """Save ``wanted``; on refusal nothing is saved and the answer maps each field
        (``company``, ``locale``, ``prefixes.BILL`` …) to its message."""
        try:
            save_settings(self.session, wanted)
        except BookFailure as exc:
            return {"book": str(exc)}
        except ValidationFailed as exc:
            problems: dict[str, str] = {}
            for problem in exc.problems:
                problems[problem.field] = " ".join(
                    filter(None, (problems.get(problem.field), problem.message)))
            return problems
        self.loaded = wanted
        return {}
