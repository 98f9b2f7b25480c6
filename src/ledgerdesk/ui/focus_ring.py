"""A ring around the table or list that has the keyboard's focus.

Fusion draws a focused button, field or tick box differently, but a table whose row is
selected looked the same with and without the focus, so a keyboard user lost track of
where Tab had gone (the payment form's allocation grid, every list).  The ring is the
palette's selection colour, moved until it stands at 3:1 (WCAG's contrast for graphics)
against both the window around it and the table's own base; it is set again whenever the
palette changes (``theme.use_scheme``).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ledgerdesk.presentation.contrast import GRAPHICS, contrast_ratio

Role = QPalette.ColorRole


def ring_colour(palette: QPalette) -> QColor:
    """The selection colour, lightened (dark mode) or darkened until it reads at 3:1."""
    from ledgerdesk.ui.theme import is_dark, mixed

    start = palette.color(Role.Highlight)
    towards = QColor("white") if is_dark(palette) else QColor("black")
    colour, share = start, 0.0
    while share < 1 and min(_ratio(colour, palette.color(role))
                            for role in (Role.Window, Role.Base)) < GRAPHICS:
        share += 0.05
        colour = mixed(start, towards, share)
    return colour


def show_focus(app: QApplication) -> None:
    """Ring the focused item view in ``app``'s palette now."""
    ring = ring_colour(app.palette()).name()
    app.setStyleSheet(f"QAbstractItemView:focus {{ border: 2px solid {ring}; }}")


def _ratio(first: QColor, second: QColor) -> float:
    return contrast_ratio((first.red(), first.green(), first.blue()),
                          (second.red(), second.green(), second.blue()))
