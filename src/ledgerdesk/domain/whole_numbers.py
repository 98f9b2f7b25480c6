"""Whole numbers as people type them: ids, counts, days and rows, in the digits 0-9.

``str.isdigit`` is also true for ``²`` and ``٣``, which ``int`` then refuses (``²``) or
reads (``٣``), so a check with it let text through that crashed the conversion after it.
An id is also at most SQLite's largest integer: a larger one names nothing in any book,
and SQLite refuses to even compare with it.
"""

from __future__ import annotations

#: SQLite's largest INTEGER, so the largest id a book can hold.
LARGEST_ID = 2**63 - 1


def whole_number(text: str) -> int | None:
    """``text`` (spaces around it allowed) as an int when it is the digits 0-9 only."""
    cleaned = text.strip()
    return int(cleaned) if cleaned.isascii() and cleaned.isdigit() else None


def record_id(text: str) -> int | None:
    """``text`` as an id a book could hold (1 to ``LARGEST_ID``), else None."""
    number = whole_number(text)
    return number if number is not None and 1 <= number <= LARGEST_ID else None
