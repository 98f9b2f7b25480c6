"""Which language the words are in, and loading its catalogue.

The language is the user's, not the book's: a book keeps a *locale* (how amounts and dates
are written, the Settings dialog's "Number and date format"), while the words follow the
system (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them; the
window also asks Qt, which knows the system's setting on Windows and macOS), unless the user
chose one in Settings (kept in the window's preferences) or in ``LEDGERDESK_LANGUAGE``.

Catalogues are the compiled ``.mo`` files in ``resources/locale/<language>/LC_MESSAGES``,
found through ``importlib.resources`` like every resource; a language without one is English.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache

from ledgerdesk.domain import i18n
from ledgerdesk.resources import resource

#: The gettext domain: ``ledgerdesk.pot``, ``<language>/LC_MESSAGES/ledgerdesk.po``/``.mo``.
DOMAIN = "ledgerdesk"

#: The languages the words come in, each in its own words (a list people pick from).
LANGUAGES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}

#: The preference that means "whatever the system speaks".
SYSTEM = ""

#: Read first, before the system's own variables: a language for Ledgerdesk alone.
OVERRIDE = "LEDGERDESK_LANGUAGE"

_ENVIRONMENT = (OVERRIDE, "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def supported(tag: str | None) -> str | None:
    """The language of ours that ``tag`` means (``de_CH.UTF-8`` → ``de``; ``C`` and ``POSIX``,
    "no preference", → ``en``), or None when it is one we have no words for (``pt_BR``)."""
    if not tag:
        return None
    base = tag.partition(".")[0].partition("@")[0].replace("-", "_")
    if base.casefold() in ("c", "posix"):
        return "en"
    language = base.partition("_")[0].casefold()
    return language if language in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None,
                    system_locale: str | None = None) -> str:
    """The language the system asks for: the first variable set (``LANGUAGE`` may list
    several, ``fr:de``; the first we have wins), else ``system_locale`` (Qt's), else English."""
    environ = os.environ if environ is None else environ
    for name in _ENVIRONMENT:
        value = environ.get(name)
        if not value:
            continue
        for tag in value.split(":"):
            if found := supported(tag):
                return found
        if name != "LANGUAGE":  # gettext: LANGUAGE lists wishes, the others decide
            return "en"
    return supported(system_locale) or "en"


def chosen_language(preference: str | None, environ: Mapping[str, str] | None = None,
                    system_locale: str | None = None) -> str:
    """The user's choice when it is one we have, else the system's language."""
    return supported(preference) or system_language(environ, system_locale)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalogue of ``language``; English, the catalogues' source, is none."""
    mo = resource("locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    if language == "en" or not mo.is_file():
        return gettext.NullTranslations()
    with mo.open("rb") as file:
        return gettext.GNUTranslations(file)


def use_language(language: str) -> str:
    """Write every message in ``language`` from now on (anything we lack is English); the
    language in use."""
    language = supported(language) or "en"
    i18n.use(translations(language), language)
    return language
