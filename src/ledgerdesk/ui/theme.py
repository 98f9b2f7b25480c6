"""Light and dark: the palette follows the system's colour scheme, and the colours the
window chooses itself are derived from that palette, so they stay readable in both.

Qt 6.5+ reports the system's scheme (``QStyleHints.colorScheme``) and most platforms hand
Qt a matching palette.  Where the platform says "dark" but leaves the palette light (the
Windows Vista style, Qt's offscreen platform, an old desktop theme), ``use_scheme`` sets
Fusion's dark palette itself, and goes back to the style's own palette for light.

Colours are never fixed hex values painted on ``palette(base)``: a status word, a totals
row's shading or a chart's axis is chosen for the palette in force (``is_dark``) and held
at WCAG AA contrast against it by tests (``presentation.contrast``).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ledgerdesk.presentation.columns import Mark
from ledgerdesk.presentation.contrast import TEXT, contrast_ratio, luminance

Group, Role = QPalette.ColorGroup, QPalette.ColorRole

#: Status words (light, dark): the dark ones are the light hues lifted until they read at
#: 4.5:1 or better on a dark base.
_MARKS = {
    Mark.OVERDUE: ("#b3261e", "#ff8a80"),
    Mark.PARTLY_PAID: ("#8a5a00", "#f0b44c"),
    Mark.PAID: ("#1b6e20", "#7fcf86"),
    Mark.VOID: ("#6b6b6b", "#b0b0b0"),  # #757575 was 4.4:1 on an alternate row
    Mark.DRAFT: ("#3a5a99", "#9db8f0"),
}
#: The dashboard's two series: Okabe-Ito blue and orange, and sky blue on dark, where the
#: deep blue has too little contrast with the background.
_SERIES = (("#0072B2", "#56B4E9"), ("#E69F00", "#E69F00"))


class Tone(Enum):
    """What a coloured line of text says: (its colour in light mode, in dark mode)."""

    NOTE = ("#606060", "#b4b4b4")  # an explanation under a field, a count, "No filters"
    ERROR = ("#b3261e", "#ff8a80")  # a refusal, a wrong field, an overdue amount
    GOOD = ("#1b6e20", "#7fcf86")  # "Balanced"


def is_dark(palette: QPalette) -> bool:
    """Light text on a dark window."""
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


def dark_palette() -> QPalette:
    """Fusion's colours for dark mode, for platforms that do not give Qt one."""
    palette = QPalette()
    colours = {
        Role.Window: "#2d2d2d", Role.WindowText: "#eeeeee", Role.Base: "#1f1f1f",
        Role.AlternateBase: "#292929", Role.ToolTipBase: "#3a3a3a", Role.ToolTipText: "#eeeeee",
        Role.PlaceholderText: "#9a9a9a", Role.Text: "#eeeeee", Role.Button: "#353535",
        Role.ButtonText: "#eeeeee", Role.BrightText: "#ff6e6e", Role.Light: "#4a4a4a",
        Role.Midlight: "#3e3e3e", Role.Mid: "#6a6a6a", Role.Dark: "#9a9a9a",
        Role.Shadow: "#0a0a0a", Role.Highlight: "#3d7ac6", Role.HighlightedText: "#ffffff",
        Role.Link: "#8ab4f8", Role.LinkVisited: "#c58af9",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor("#808080"))
    palette.setColor(Group.Disabled, Role.Highlight, QColor("#505050"))
    return palette


#: (the role moved, the role read on or in it): a selected row's fill, moved away from its
#: text (Fusion's light blue under white was 3.7:1, our dark one 4.4:1), and a field's
#: placeholder, moved towards the text (Qt's half-transparent text was 4:1).
_READ_ON = ((Role.Highlight, Role.HighlightedText), (Role.PlaceholderText, Role.Base))


def readable(palette: QPalette) -> QPalette | None:
    """``palette`` with each pair of ``_READ_ON`` at WCAG AA (the hue kept, the colour
    moved in steps), or None when every pair is already."""
    changed = QPalette(palette)
    moved = False
    for group in (Group.Active, Group.Inactive):
        for role, other in _READ_ON:
            colour = _painted(changed, group, role, other)
            target = changed.color(group, Role.Text) if role == Role.PlaceholderText else (
                QColor("black") if _lighter(changed.color(group, other), colour)
                else QColor("white"))
            start = colour
            share = 0.0
            while _ratio(colour, changed.color(group, other)) < TEXT and share < 1:
                share += 0.05
                colour = mixed(start, target, share)
            if share:
                changed.setColor(group, role, colour)
                moved = True
    return changed if moved else None


def _painted(palette: QPalette, group: QPalette.ColorGroup, role: Role, on: Role) -> QColor:
    """``role``'s colour as it shows over ``on`` (a placeholder is translucent)."""
    colour = palette.color(group, role)
    return mixed(palette.color(group, on), colour, colour.alphaF())


def _lighter(first: QColor, second: QColor) -> bool:
    return luminance(_rgb(first)) > luminance(_rgb(second))


def _ratio(first: QColor, second: QColor) -> float:
    return contrast_ratio(_rgb(first), _rgb(second))


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def make_readable(app: QApplication) -> None:
    """Give ``app`` its palette made ``readable``, if it needs it (a palette already
    readable is left alone, so the platform's keeps following the system)."""
    better = readable(app.palette())
    if better is not None:
        app.setPalette(better)


def use_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Show ``app`` in ``scheme``: asked of the platform first (Qt 6.8+), else by palette."""
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    wants_dark = scheme == Qt.ColorScheme.Dark
    if wants_dark and not is_dark(app.palette()):
        if app.style().name().lower() == "windowsvista":  # draws no dark controls
            app.setStyle("Fusion")
        app.setPalette(dark_palette())
        app.setProperty("ledgerdesk_dark_palette", True)
    elif not wants_dark and app.property("ledgerdesk_dark_palette"):
        app.setPalette(app.style().standardPalette())
        app.setProperty("ledgerdesk_dark_palette", False)
    _finish(app)


def _finish(app: QApplication) -> None:
    """What every palette gets: its selection and placeholders readable, the focus ring."""
    from ledgerdesk.ui.focus_ring import show_focus  # it reads this module's colours

    make_readable(app)
    show_focus(app)


def follow_system(app: QApplication) -> None:
    """Use the system's colour scheme now and whenever it changes."""
    hints = app.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        use_scheme(app, Qt.ColorScheme.Dark)
    else:  # the platform's own palette: asking for light would stop following the system
        _finish(app)
    if not app.property("ledgerdesk_follows_system"):
        app.setProperty("ledgerdesk_follows_system", True)
        hints.colorSchemeChanged.connect(lambda scheme: use_scheme(app, scheme))


def _pick(pair: tuple[str, str], palette: QPalette) -> QColor:
    return QColor(pair[1] if is_dark(palette) else pair[0])


def mark_colour(mark: Mark | None, palette: QPalette) -> QColor | None:
    """A status word's colour (overdue, paid …), or None for the palette's text colour."""
    pair = _MARKS.get(mark) if mark is not None else None
    return _pick(pair, palette) if pair is not None else None


def tone_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """``tone``'s colour in ``palette`` (default: the application's, in force now)."""
    return _pick(tone.value, palette if palette is not None else QGuiApplication.palette())


def tone_style(tone: Tone, more: str = "") -> str:
    """A style sheet giving a label ``tone``'s colour in the palette in force now."""
    return f"color: {tone_colour(tone).name()};{more}"  # i18n: not user text


def wrong_cell_background(palette: QPalette | None = None) -> QColor:
    """Behind a grid cell whose text is refused (its text in ``Tone.ERROR``)."""
    return _pick(("#fde7e9", "#4a1c1c"), palette if palette is not None
                 else QGuiApplication.palette())


def unused_cell_background(palette: QPalette | None = None) -> QColor:
    """Behind a grid cell that does not apply to its row (greyed out)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return shading(palette, 0.06)


def wrong_field_style() -> str:
    """The outline of a field whose text is refused."""
    return f"border: 1px solid {tone_colour(Tone.ERROR).name()};"


def series_colour(index: int, palette: QPalette) -> QColor:
    return _pick(_SERIES[index % len(_SERIES)], palette)


def mixed(first: QColor, second: QColor, share: float) -> QColor:
    """``first`` with ``share`` (0 to 1) of ``second`` mixed in."""
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in zip(
        first.getRgbF()[:3], second.getRgbF()[:3], strict=True)))


def shading(palette: QPalette, strength: float) -> QColor:
    """A background a little apart from the base, towards the text: a report's section
    headings (weak) and totals (stronger).  The text on it stays the palette's, so a
    shade of a tenth or so keeps its contrast in light and dark alike."""
    return mixed(palette.color(Role.Base), palette.color(Role.Text), strength)
