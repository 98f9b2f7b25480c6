"""Each cell's accessible text (``Qt.AccessibleTextRole``), which a screen reader reads
instead of what is drawn: the shown text as words (``presentation.spoken``), and a problem
the screen says only in red said in words after it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.spoken import spoken

SPOKEN = Qt.ItemDataRole.AccessibleTextRole


def spoken_cell(shown: Any, problem: str = "") -> str | None:
    """``shown`` (a cell's display text) for a screen reader, with ``problem`` after it."""
    if shown is None:
        return None
    words = spoken(str(shown))
    if not problem:
        return words
    if words:
        return _("{words}, problem: {problem}").format(words=words, problem=problem)
    return _("problem: {problem}").format(problem=problem)


def sorted_heading(title: str, sorted_here: bool, descending: bool) -> str:
    """A column heading as read: the arrow drawn beside the sorted one, in words."""
    if not sorted_here:
        return title
    return f"{title}, sorted {'descending' if descending else 'ascending'}"
