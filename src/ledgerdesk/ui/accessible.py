"""What a screen reader says of a control that shows no label of its own (a table, a list,
a search field): its name, in the words the screen shows, and what it holds or does.

A control beside a label is named by the label (``QLabel.setBuddy``), which also gives it
its Alt letter; this is for the rest.  The accessibility test walks every screen and fails
on a control that has neither.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """``widget`` with its accessible ``name`` and, when given, ``description``."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget
