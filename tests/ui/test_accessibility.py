"""Every control a screen reader can reach has a name it can say and a description of what
it does, and every label the window colours itself reads at WCAG AA contrast, in light and
in dark mode.

The walk goes through every screen and dialog ``ledgerdesk screenshots`` renders (a screen
added there is walked here too), and asks Qt's accessibility layer, which is what a screen
reader is given, for each interactive control's name.  A combo box's name on Linux is its
current value (Qt hands the label over as a relation instead), so a combo counts as named
by its label or an accessible name set on it, never by the choice it shows.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

import ledgerdesk.ui
from ledgerdesk.presentation.contrast import TEXT, contrast_ratio
from ledgerdesk.ui.theme import mixed, use_scheme

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               QTabBar, QTextEdit, QPlainTextEdit, QSlider)
#: Parts of a composite control (a combo's line edit, a spin box's arrows, a table's cell
#: editor, a tab bar's scroll buttons): the screen reader hears the whole, named once.
COMPOSITE = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QAbstractItemView)
DAY = dt.date(2024, 3, 1)


@dataclass
class Walk:
    """What the walk found, each control once (the same control on several screens, or a
    page made again when another book opens, is one)."""

    named: dict[tuple, str] = field(default_factory=dict)
    unnamed: dict[tuple, str] = field(default_factory=dict)
    undescribed: dict[tuple, str] = field(default_factory=dict)  # tables and lists
    described: dict[tuple, str] = field(default_factory=dict)
    silent: dict[tuple, str] = field(default_factory=dict)  # any control, no description
    windows: set[type] = field(default_factory=set)
    faint: dict[tuple, str] = field(default_factory=dict)  # coloured text below AA
    coloured: int = 0  # labels with a colour of the window's own, measured

    def seen(self, screen: str, top: QWidget) -> None:
        self.windows.add(type(top))
        occurrences: dict[str, int] = {}
        for widget in controls(top):
            words = path_words(widget, top)
            occurrences[words] = occurrences.get(words, 0) + 1
            name = spoken_name(widget)
            key = (type(top).__name__, words, occurrences[words])
            where = f"{screen}: {words}"
            if name:
                self.named.setdefault(key, where)
            else:
                self.unnamed.setdefault(key, where)
            if description(widget):
                self.described.setdefault(key, where)
            else:
                self.silent.setdefault(key, where)
                if isinstance(widget, QAbstractItemView):
                    self.undescribed.setdefault(key, where)
        for label in top.findChildren(QLabel):
            if label.window() is top and label.isVisibleTo(top) and label.text():
                self._measure(screen, label, top)

    def _measure(self, screen: str, label: QLabel, top: QWidget) -> None:
        text = sheet_colour(label, "color")
        if text is None:
            return
        self.coloured += 1
        background = next((colour for w in (label, *ancestors(label, top))
                           if (colour := painted_behind(w)) is not None),
                          label.palette().color(QPalette.ColorRole.Window))
        ratio = contrast_ratio(rgb(text), rgb(background))
        if ratio < TEXT:
            words = f"{screen}: {path_words(label, top)} {label.text()[:40]!r} " \
                    f"{text.name()} on {background.name()} at {ratio:.2f}:1"
            self.faint.setdefault((type(top).__name__, path_words(label, top)), words)


def sheet_colour(widget: QWidget, what: str) -> QColor | None:
    """The colour ``widget``'s own style sheet gives its text (``color``) or its
    ``background``: ``#rrggbb`` or ``palette(role)``, resolved in its palette now."""
    found = re.search(rf"(?<![-\w]){what}(?:-color)?\s*:\s*([^;}}]+)", widget.styleSheet())
    if found is None:
        return None
    value = found.group(1).strip()
    role = re.fullmatch(r"palette\(([-a-z]+)\)", value)
    if role is None:
        return QColor(value)
    name = "".join(part.capitalize() for part in role.group(1).split("-"))
    return effective(widget.palette(), getattr(QPalette.ColorRole, name))


def painted_behind(widget: QWidget) -> QColor | None:
    """What ``widget`` paints behind its children, if it paints its own: its style sheet's
    opaque background, or a chart's."""
    if hasattr(widget, "chart"):
        return widget.chart().backgroundBrush().color()
    colour = sheet_colour(widget, "background")
    return colour if colour is not None and colour.alpha() == 255 else None


def effective(palette: QPalette, role: QPalette.ColorRole) -> QColor:
    """``role``'s colour as painted on the palette's base (a placeholder is translucent)."""
    colour = palette.color(role)
    return mixed(palette.color(QPalette.ColorRole.Base), colour, colour.alphaF())


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def controls(top: QWidget):
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own (a toolbar's overflow arrow)
            continue
        if widget.window() is not top:  # a dialog of the window is walked as its own screen
            continue
        if not widget.isVisibleTo(top):  # what the screen shows (a page being replaced not)
            continue
        if not any(isinstance(outer, COMPOSITE) for outer in ancestors(widget, top)):
            yield widget


def ancestors(widget: QWidget, top: QWidget):
    outer = widget.parentWidget()
    while outer is not None and outer is not top:
        yield outer
        outer = outer.parentWidget()


def path_words(widget: QWidget, top: QWidget) -> str:
    """Where the control is, by the classes (and named panes) it sits in:
    ``BookView > ListPage 'Bills' > QTableView``."""
    inside = [_said(w) for w in (*reversed(list(ancestors(widget, top))), widget)
              if type(w).__module__.startswith("ledgerdesk") or w is widget]
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return " > ".join(inside) + (f" {text!r}" if text else "")


def _said(widget: QWidget) -> str:
    name = widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__} {name!r}" if name else type(widget).__name__


def spoken_name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    if face is None:
        return ""
    if isinstance(widget, QComboBox):
        labels = [other.text(QAccessible.Text.Name)
                  for other, _ in face.relations(QAccessible.RelationFlag.Label)]
        return next((text for text in labels if text), widget.accessibleName())
    return face.text(QAccessible.Text.Name).strip()


def description(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Description) if face is not None else ""


def walk_every_screen(folder: Path, *, dark: bool = False) -> Walk:
    """Every screen and dialog of ``ledgerdesk screenshots``, on a demo book, walked."""
    from ledgerdesk.app.book_files import StorageBookFiles
    from ledgerdesk.app.files import DEFAULT_COMPANY, DEMO_CURRENCY, build_demo_book
    from ledgerdesk.app.remotes import SyncRemotes
    from ledgerdesk.app.sync_sample import build_sync_sample
    from ledgerdesk.ui.screenshots import take_screenshots

    book = folder / "demo.book"
    build_demo_book(book, company=DEFAULT_COMPANY, currency=DEMO_CURRENCY, size=0, seed=7,
                    today=DAY)
    sync_book = build_sync_sample(folder / "sync.book", DAY)
    found = Walk()
    take_screenshots(StorageBookFiles(), book, folder / "shots", folder / "prefs.ini",
                     "en_US", sync_book=sync_book, remotes=SyncRemotes(), seen=found.seen,
                     today=DAY, dark=dark)
    return found


@pytest.fixture(scope="module")
def walk(qapp, tmp_path_factory) -> Walk:
    return walk_every_screen(tmp_path_factory.mktemp("walk"))


@pytest.fixture(scope="module")
def dark_walk(qapp, tmp_path_factory) -> Walk:
    try:
        yield walk_every_screen(tmp_path_factory.mktemp("dark"), dark=True)
    finally:
        use_scheme(qapp, Qt.ColorScheme.Light)
        qapp.processEvents()


def test_every_control_on_every_screen_has_a_name_a_screen_reader_says(walk):
    unnamed = sorted(walk.unnamed.values())
    assert not unnamed, f"{len(unnamed)} of {len(unnamed) + len(walk.named)} controls " \
                        "have no name:\n" + "\n".join(unnamed)
    print(f"\n{len(walk.named)} of {len(walk.named)} controls named, "
          f"on {len(walk.windows)} kinds of window and dialog")


def test_every_control_on_every_screen_says_what_it_does(walk):
    """After its name a screen reader says a control's description: what a button does,
    what to type in a field ("The closing balance the bank statement shows")."""
    silent = sorted(walk.silent.values())
    assert not silent, f"{len(silent)} of {len(silent) + len(walk.described)} controls " \
                       "have no description:\n" + "\n".join(silent)
    print(f"\n{len(walk.described)} of {len(walk.described)} controls described")


def test_every_table_and_list_says_what_it_holds_and_how_to_use_it(walk):
    assert not walk.undescribed, "\n".join(sorted(walk.undescribed.values()))


def test_the_walk_reaches_every_dialog_of_the_window(walk):
    """A dialog added to the window is walked once it has a screenshot: this says which
    have none."""
    dialogs = set()
    for info in pkgutil.walk_packages(ledgerdesk.ui.__path__, "ledgerdesk.ui."):
        module = importlib.import_module(info.name)
        dialogs |= {cls for _, cls in inspect.getmembers(module, inspect.isclass)
                    if issubclass(cls, QDialog) and cls.__module__ == info.name}
    missing = {cls.__qualname__ for cls in dialogs
               if not any(issubclass(seen, cls) for seen in walk.windows)}
    assert not missing
    assert Path(ledgerdesk.ui.__file__).exists()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_label_the_window_colours_reads_at_aa_contrast(scheme, request):
    found = request.getfixturevalue("walk" if scheme == "light" else "dark_walk")
    assert found.coloured > 20  # notes, refusals, tiles, the banner: measured, not skipped
    assert not found.faint, "\n".join(sorted(found.faint.values()))
