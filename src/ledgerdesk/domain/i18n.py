"""The user's language for every face: the window, the command line, problems, reports and the
printed page all take their words from here.

``domain`` is standard library only, and so is ``gettext``: the functions below delegate to
one process-wide translations object, English (``NullTranslations``) until the composition
root (``cli`` at start, the window from its preferences) loads a catalogue with
``presentation.language.use_language``.  Which catalogue is a choice made once, at start-up;
the code that writes a sentence never knows.

Translators see placeholders, never pieces: a sentence with a value in it is written
``_("… {name} …").format(name=…)``, not an f-string, so the whole sentence is one message and
a language may move ``{name}`` where its grammar wants it.  A constant defined at import time
(a column title, a menu's entries) is marked with ``N_`` for extraction and translated with
``_`` where it is shown, because import time comes before the language is chosen.
"""

from __future__ import annotations

import gettext
import threading

_lock = threading.Lock()
_active: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def use(translations: gettext.NullTranslations, language: str) -> None:
    """Make ``translations`` the words of this process from now on (``language``: its tag,
    ``"de"``; English is ``NullTranslations()`` and ``"en"``)."""
    global _active, _language
    with _lock:
        _active, _language = translations, language


def language() -> str:
    """The language messages are written in now (``"en"``, ``"de"`` …)."""
    return _language


def _(message: str) -> str:
    """``message`` in the user's language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message that goes with ``count``, by the language's own plural rule
    (CLDR's: German and Spanish one/other, French 0 and 1 singular, …)."""
    return _active.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the user's language, told apart from the same English word used
    elsewhere by ``context`` ("Open" a file against an "Open" invoice)."""
    return _active.pgettext(context, message)


def N_(message: str) -> str:
    """``message`` unchanged: marks a constant for extraction, translated where it is shown."""
    return message


class Translated(dict):  # type: ignore[type-arg]
    """A mapping whose values are ``N_``-marked constants, read in the user's language:
    ``STATUS_TEXT = Translated({"paid": N_("Paid")})``; ``STATUS_TEXT["paid"]``, ``get``,
    ``values()`` and ``items()`` answer "Bezahlt" once German is chosen, however early the
    mapping was built."""

    def __getitem__(self, key: object) -> str:
        return _(super().__getitem__(key))

    def get(self, key: object, default: object = None) -> object:  # type: ignore[override]
        return self[key] if key in self else default  # noqa: SIM401 - self.get is this

    def values(self) -> list[str]:  # type: ignore[override]
        return [_(value) for value in super().values()]

    def items(self) -> list[tuple[object, str]]:  # type: ignore[override]
        return [(key, _(value)) for key, value in super().items()]


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """``(singular, plural)`` unchanged: marks a noun's two forms for extraction (as
    ``ngettext``'s), counted later with ``ngettext(*pair, count)``."""
    return singular, plural
