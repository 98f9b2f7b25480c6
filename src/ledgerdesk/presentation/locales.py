"""Locale lookup and the small text helpers that amount and date messages share.

Locales are given as tags ("de_CH", "pt-BR"); Babel's ``Locale`` objects are built once
and cached, because views and editors ask for the same few again and again.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from babel import Locale
from babel.core import UnknownLocaleError

from ledgerdesk.domain.i18n import language as message_language

_ECHO_LIMIT = 40


#: The C library's neutral locales.  Babel 2.19 (CLDR 49) reads them as ``en_US_POSIX``,
#: which groups nothing and puts a space after the currency symbol (``€ 12824.11``): a
#: machine on ``LANG=C.UTF-8`` (containers, CI) means "no preference", so plain en_US.
_NEUTRAL = frozenset({"c", "posix", "en_us_posix"})


def normal_locale(tag: str) -> str:
    """``tag`` with ``C``, ``POSIX`` and ``en_US_POSIX`` (with any ``.UTF-8`` or ``@…``)
    read as ``en_US``; any other tag unchanged."""
    base = tag.partition(".")[0].partition("@")[0].replace("-", "_")
    return "en_US" if base.casefold() in _NEUTRAL else tag


@lru_cache(maxsize=256)
def babel_locale(tag: str) -> Locale:
    """Babel's ``Locale`` for a tag such as ``"de_CH"`` or ``"pt-BR"`` (``"C"`` is en_US).

    An unknown tag is a programming or settings error, not a user's typing mistake, so it
    raises a plain ``ValueError``.
    """
    try:
        return Locale.parse(normal_locale(tag).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ValueError(f"unknown locale: {tag!r}") from exc


def is_known_locale(tag: str) -> bool:
    """Whether Babel has data for ``tag`` (Qt's ``"C"`` locale, for one, it has not)."""
    try:
        babel_locale(tag)
    except ValueError:
        return False
    return True


def locale_display_name(locale: str, in_language: str | None = None) -> str:
    """The locale's name for people, e.g. ``"German (Switzerland)"``, in ``in_language``
    (by default the language messages are written in)."""
    name = babel_locale(locale).get_display_name(in_language or message_language())
    return name or locale


def without_format_marks(text: str) -> str:
    """``text`` without invisible format characters (LRM, RLM, ALM, zero-width space …).

    Bidi marks come with Arabic and Hebrew symbols and pasted numbers; they carry no
    meaning for a value.
    """
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def echo(text: str) -> str:
    """The user's text, quoted for a message: shortened, and control characters shown."""
    shown = "".join(
        " " if ch.isspace() else ch if ch.isprintable() else "�" for ch in text
    )
    if len(shown) > _ECHO_LIMIT:
        shown = shown[: _ECHO_LIMIT - 1] + "…"
    return f"“{shown}”"
