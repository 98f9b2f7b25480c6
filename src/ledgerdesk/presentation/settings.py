"""Settings as the dialog shows them: the locales on offer, loading and saving."""

from __future__ import annotations

from ledgerdesk.presentation.session import Session
from ledgerdesk.services.settings import CompanySettings, read_settings, update_settings

#: The locales offered in Settings (any Babel locale works from the book's setting).
LOCALES = {
    "en_US": "English (United States)", "en_GB": "English (United Kingdom)",
    "de_DE": "Deutsch (Deutschland)", "de_CH": "Deutsch (Schweiz)",
    "fr_FR": "Français (France)", "fr_CH": "Français (Suisse)", "nl_NL": "Nederlands",
    "es_ES": "Español (España)", "it_IT": "Italiano", "pt_BR": "Português (Brasil)",
    "sv_SE": "Svenska", "ja_JP": "日本語", "hi_IN": "हिन्दी (भारत)",
}


def load_settings(session: Session) -> CompanySettings:
    stored = read_settings(session.book)
    return CompanySettings(stored.company, stored.address, stored.tax_number,
                           stored.locale or session.locale, stored.currency, stored.prefixes,
                           stored.logo)


def save_settings(session: Session, wanted: CompanySettings) -> None:
    update_settings(session.book, wanted)
