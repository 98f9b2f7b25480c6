"""Characters that change how the text around them reads: controls and bidi formatting.

U+202E RIGHT-TO-LEFT OVERRIDE makes ``Evil \\u202eCod.exe Ltd`` show as ``Evil dtL exe.doC``,
and on a printed page it ran on into the address lines below the name.  Such characters
(the bidi embeddings, overrides and isolates, the left-to-right, right-to-left and Arabic
letter marks, C0 and C1 controls, NUL, DEL, and the Unicode line and paragraph separators)
have no place in a name, a reference or a description:

- ``text_problem`` refuses them at input, one sentence naming the field (the commands'
  validators, the settings, the chart, the New book dialog all ask it);
- ``shown_inert`` writes them visibly as ``<U+202E>`` wherever book text is shown (the
  command line's tables, the window's lists, the PDF), since a book written before the
  rule may hold them; ``isolated`` wraps a piece of text so that even right-to-left
  letters in it cannot reorder the words around it (for the printed page).

Line breaks and tabs are allowed where a field has several lines (an address, a line's
description); everything else listed here is refused everywhere.  Zero-width joiners,
which Indic scripts, Persian and emoji need, are ordinary text.
"""

from __future__ import annotations

import re
import unicodedata

from ledgerdesk.domain.i18n import _

_BIDI_FORMATTING = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SEPARATORS = frozenset("\u2028\u2029")
_LINE_CONTROLS = frozenset("\t\n\r")
FSI, PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})
#: What ``_unsafe(char, multiline=True)`` says, as one character class (category Cc is
#: exactly U+0000-U+001F and U+007F-U+009F): a report of 50,000 cells checked each cell's
#: every character in Python, a third of its time.
_SHOWN_INERT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(_BIDI_FORMATTING | _SEPARATORS))
    + "]")


def _unsafe(char: str, multiline: bool) -> bool:
    if char in _BIDI_FORMATTING or char in _SEPARATORS:
        return True
    if unicodedata.category(char) == "Cc":  # C0, DEL and C1
        return not (multiline and char in _LINE_CONTROLS)
    return False


def code_point(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``; a control without a name is ``U+0007``."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def text_problem(text: str, label: str, *, multiline: bool = False) -> str:
    """Why ``text`` cannot be the ``label`` (``"name"``, ``"reference"``), in one sentence
    naming the field and the first bad character; "" when it is plain text."""
    bad = next((char for char in text if _unsafe(char, multiline)), None)
    if bad is None:
        return ""
    if bad in _BIDI_FORMATTING:
        why = _("which can make text show in another order than it was typed")
    elif bad in _SEPARATORS or bad in _LINE_CONTROLS:
        why = _("a line break, which this field does not have")
    else:
        why = _("a control character, which is not text")
    return _("The {label} holds {code_point}, {why}; remove it.").format(
               label=label, code_point=code_point(bad), why=why)


def shown_inert(text: str) -> str:
    """``text`` with every such character written as ``<U+202E>``; line breaks and tabs are
    left to the caller (a table folds them, a page keeps them)."""
    if _SHOWN_INERT.search(text) is None:  # the usual case, at once
        return text
    return _SHOWN_INERT.sub(lambda found: f"<U+{ord(found.group()):04X}>", text)


def isolated(text: str) -> str:
    """``text`` (already inert) between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
    when it holds right-to-left letters or Arabic digits, so its direction is its own and
    the words around it keep their order.  Left-to-right text cannot reorder anything
    around it once it is inert, and is left as it is."""
    if any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text):
        return f"{FSI}{text}{PDI}"
    return text
