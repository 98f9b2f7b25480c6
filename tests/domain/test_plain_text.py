"""Names and references hold text, not controls: the one rule for input, and the inert form
that shows an old book's hostile name for what it is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerdesk.domain.plain_text import FSI, PDI, isolated, shown_inert, text_problem

REFUSED = {
    "\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE", "\u202d": "U+202D LEFT-TO-RIGHT OVERRIDE",
    "\u202a": "U+202A LEFT-TO-RIGHT EMBEDDING", "\u2066": "U+2066 LEFT-TO-RIGHT ISOLATE",
    "\u2067": "U+2067 RIGHT-TO-LEFT ISOLATE", "\u2068": "U+2068 FIRST STRONG ISOLATE",
    "\u2069": "U+2069 POP DIRECTIONAL ISOLATE", "\u200e": "U+200E LEFT-TO-RIGHT MARK",
    "\u200f": "U+200F RIGHT-TO-LEFT MARK", "\u061c": "U+061C ARABIC LETTER MARK",
    "\x00": "U+0000", "\x07": "U+0007", "\x1b": "U+001B", "\x7f": "U+007F",
    "\x85": "U+0085", "\x9b": "U+009B", "\u2028": "U+2028 LINE SEPARATOR",
}


@pytest.mark.parametrize("char", REFUSED)
def test_every_control_and_bidi_character_is_refused_naming_the_field(char):
    problem = text_problem(f"Evil {char}Cod.exe Ltd", "name")
    assert problem.startswith(f"The name holds {REFUSED[char]}, ")
    assert problem.endswith("; remove it.") and "\n" not in problem


def test_line_breaks_belong_only_in_fields_of_several_lines():
    assert text_problem("1 High St\nLeeds\r\n\tLS1", "address", multiline=True) == ""
    assert "a line break" in text_problem("Acme\nRetail", "name")
    assert text_problem("Acme\x00\n", "address", multiline=True).startswith(
        "The address holds U+0000, a control character")


@pytest.mark.parametrize("text", ["Acme Retail", "Müller & Söhne", "שלום", "مرحبا",
                                  "क्‍ष", "می‌خواهم", "👩‍💻 Studio", "株式会社"])
def test_real_names_in_any_script_are_plain_text(text):
    assert text_problem(text, "name") == ""
    assert shown_inert(text) == text


def test_shown_inert_writes_each_character_visibly():
    assert shown_inert("Evil \u202eCod.exe Ltd") == "Evil <U+202E>Cod.exe Ltd"
    assert shown_inert("a\x00b\u2066c\u2069") == "a<U+0000>b<U+2066>c<U+2069>"
    assert shown_inert("two\nlines\t") == "two\nlines\t"  # the caller folds or keeps them


@given(st.text())
def test_inert_text_is_always_plain_once_its_line_breaks_are_allowed(text):
    assert text_problem(shown_inert(text), "name", multiline=True) == ""


def test_only_right_to_left_text_is_isolated():
    assert isolated("Acme 12") == "Acme 12"
    assert isolated("שלום 12") == f"{FSI}שלום 12{PDI}"
    assert isolated("") == ""


def test_shown_inert_marks_exactly_the_characters_a_field_of_several_lines_refuses():
    # Every character of the Basic Multilingual Plane: shown as it is, or as <U+XXXX>
    # exactly when the input rule refuses it (the two must never disagree).
    for point in range(0x10000):
        char = chr(point)
        if 0xD800 <= point <= 0xDFFF:
            continue  # a lone surrogate is no text a book holds
        refused = text_problem(f"a{char}b", "address", multiline=True) != ""
        assert shown_inert(f"a{char}b") == (f"a<U+{point:04X}>b" if refused else f"a{char}b"), \
            hex(point)
