"""The catalogues: every message of the code in the template, every language up to date with
it, German, French and Spanish at least 95% translated, no translation that loses or invents a
placeholder or an accelerator, the plural rule CLDR's, and each committed ``.mo`` its ``.po``.

``packaging/translations.py`` (extract, update, compile) is the command that makes them pass.
"""

from __future__ import annotations

import gettext
import importlib.util
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.checkers import python_format
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
LANGUAGES = ("de", "fr", "es")
MINIMUM = 0.95
FIX = "run `python packaging/translations.py` and translate what it adds"


def catalogue(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def template() -> Catalog:
    return catalogue(LOCALE / "ledgerdesk.pot")


def po(language: str) -> Catalog:
    return catalogue(LOCALE / language / "LC_MESSAGES" / "ledgerdesk.po")


def ids(cat: Catalog) -> set[object]:
    return {message.id if not message.context else (message.context, message.id)
            for message in cat if message.id}


def forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [
        message.string]


def translated(message: Message) -> bool:
    return not message.fuzzy and all(forms(message))


def braces(text: str) -> set[str]:
    """The ``{name}`` fields of a ``str.format`` text (``{{`` is a brace, not a field)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def accelerators(text: str) -> int:
    return len(re.findall(r"(?<!&)&(?!&)\w", text.replace("&&", "")))


def load_script():
    spec = importlib.util.spec_from_file_location(
        "translations_script", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_template_holds_every_message_the_code_writes(tmp_path):
    fresh = tmp_path / "fresh.pot"
    load_script().extract(fresh)
    code, kept = ids(catalogue(fresh)), ids(template())
    assert sorted(map(str, code - kept)) == [], f"messages missing from the template: {FIX}"
    assert sorted(map(str, kept - code)) == [], f"messages no longer in the code: {FIX}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_has_exactly_the_template_messages(language):
    missing, extra = ids(template()) - ids(po(language)), ids(po(language)) - ids(template())
    assert (sorted(map(str, missing)), sorted(map(str, extra))) == ([], []), FIX


@pytest.mark.parametrize("language", LANGUAGES)
def test_german_french_and_spanish_are_at_least_95_percent_translated(language):
    messages = [message for message in po(language) if message.id]
    done = sum(translated(message) for message in messages)
    assert messages, "an empty catalogue"
    assert done / len(messages) >= MINIMUM, (
        f"{language}: {done} of {len(messages)} translated ({done / len(messages):.1%})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_loses_or_invents_a_placeholder_or_an_accelerator(language):
    wrong = []
    for message in po(language):
        if not message.id or not translated(message):
            continue
        sources = list(message.id) if message.pluralizable else [message.id]
        want = set().union(*map(braces, sources))
        for text in forms(message):
            if braces(text) != want:
                wrong.append(f"{sources[0]!r}: {{}} fields {sorted(braces(text))} "
                             f"!= {sorted(want)}")
            if accelerators(text) != accelerators(sources[0]):
                wrong.append(f"{sources[0]!r}: accelerator & in {text!r}")
        if want:  # a str.format message: a "%" in it is a percent sign, not a placeholder
            continue
        try:
            python_format(po(language), message)
        except Exception as exc:  # Babel's TranslationError: a %(x)s mismatch
            wrong.append(f"{sources[0]!r}: {exc}")
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plural_rule_is_cldrs(language):
    """``plural(n, …)`` picks a form by the catalogue's Plural-Forms: it must be the
    language's CLDR rule (French: 0 and 1 singular; 1,000,000 its own form)."""
    rule = get_plural(language)
    assert (po(language).num_plurals, po(language).plural_expr) == (
        rule.num_plurals, rule.plural_expr)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_committed_mo_is_compiled_from_its_po(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "ledgerdesk.mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)._catalog  # the msgid → msgstr it serves
    expected: dict[object, str] = {}
    for message in po(language):
        if not message.id or (not translated(message) and not message.pluralizable):
            continue
        key = message.id[0] if message.pluralizable else message.id
        if message.context:
            key = f"{message.context}\x04{key}"
        if message.pluralizable:
            # an untranslated plural is compiled as its English forms, the right ones anyway
            texts = forms(message) if translated(message) else [
                message.id[0 if i == 0 else 1] for i in range(len(forms(message)))]
            expected.update(dict(((key, i), text) for i, text in enumerate(texts)))
        else:
            expected[key] = message.string
    served = {key: text for key, text in compiled.items() if key != ""}
    assert served == expected, f"{language}'s .mo is stale: {FIX}"
