"""Counts in sentences: "1 payment", "3 payments", never "1 payment(s)"."""

from __future__ import annotations


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``count`` and the noun that goes with it; ``many`` when adding an s is wrong."""
    return f"{count} {singular if count == 1 else many or singular + 's'}"
