"""What a screen reader is given for a cell or a note: the text as words.

The screen marks a status with a glyph beside its word ("⚠ Overdue", "✓ Paid") and a
negative amount with a hyphen-minus, which screen readers read as noise ("warning sign"),
as "dash", or not at all.  ``spoken`` keeps the words, drops a mark the word already says,
says "problem:" for a warning on a note in lower case ("⚠ at most 50.00"), and reads a
minus sign or an amount in parentheses as "minus".  The models give it to Qt as each
cell's accessible text, so what is shown stays as it is.
"""

from __future__ import annotations

import re

from ledgerdesk.domain.i18n import _

#: Marks set before a word; the word after them says what they mean.
MARKS = "✓✔✗✘⚠◐◷⊘●○▲▼–—"
WARNING = "⚠"
#: A mark standing alone in a cell: a dash for nothing.
ALONE = {"—": "none", "–": "none", "-": "none"}
_MARKED = re.compile(f"^([{MARKS}])\\s+(.+)$", re.DOTALL)
# A minus sign (hyphen-minus or U+2212) that starts a token and precedes an amount, a
# currency sign or a code before the digits; a hyphen inside a date or a range is kept.
_MINUS = re.compile(r"(?:(?<=^)|(?<=\s))[-\u2212](?=[^\s\d]{0,4}\s?\d)")
_PARENTHESES = re.compile(r"^\((?=[^)]*\d)([^()]+)\)$")


def spoken(text: str) -> str:
    """``text`` as a screen reader should say it."""
    text = text.strip()
    if text in ALONE:
        return ALONE[text]
    marked = _MARKED.match(text)
    if marked is not None:
        mark, rest = marked.groups()
        words = spoken(rest)
        if mark == WARNING and rest[:1].islower():
            return _("problem: {words}").format(words=words)
        return words
    text = _PARENTHESES.sub(r"minus \1", text)
    return _MINUS.sub("minus ", text)
