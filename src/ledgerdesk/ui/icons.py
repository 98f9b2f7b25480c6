"""The window's icons: Lucide's monochrome SVGs drawn in the palette's colours, and the
application icon.

Lucide draws in ``currentColor``; each icon is rendered with that replaced by the
palette's window text (its normal state), its disabled text and its highlighted text (a
selected navigation entry), so icons are dark on a light window and light on a dark one.
``paint_icons`` is called again when the palette changes (the window and the book view
do so on ``PaletteChange``).  The SVGs are read through ``importlib.resources``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QListWidget

from ledgerdesk.resources import resource

#: The navigation's pages, by the title each entry shows.
PAGE_ICONS = {
    "Dashboard": "layout-dashboard", "Sales invoices": "file-text", "Bills": "receipt",
    "Credit notes": "file-minus", "Payments": "banknote", "Contacts": "users",
    "Reports": "chart-column", "Sync": "cloud-upload", "Accounts": "list-tree",
    "Journals": "notebook-pen",
}
#: Actions by object name: the toolbar's, the menus' and the pages' (View > Dashboard …).
ACTION_ICONS = {
    "new_document": "plus", "record_payment": "banknote", "undo": "undo-2", "redo": "redo-2",
    "refresh": "refresh-cw", "new_book": "book-plus", "open_book": "folder-open",
    "import_csv": "file-down", "export_csv": "file-up", "print_pdf": "printer",
    "settings": "settings", "tax_codes": "percent", "find": "search",
    "reconcile": "list-checks",
    "go_dashboard": "layout-dashboard", "go_invoices": "file-text", "go_bills": "receipt",
    "go_credit_notes": "file-minus", "go_payments": "banknote", "go_contacts": "users",
    "go_reports": "chart-column", "go_sync": "cloud-upload", "go_accounts": "list-tree",
    "go_journals": "notebook-pen",
}
#: Every icon file the window uses (the wheel test checks each one ships).
ICON_FILES = {**{f"page:{k}": v for k, v in PAGE_ICONS.items()}, **ACTION_ICONS}
SIZES = (16, 20, 24, 32, 48)
APP_SIZES = (16, 32, 48, 128, 256)


@cache
def _svg(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


@cache
def _drawn(name: str, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


def _ink(palette: QPalette, group: QPalette.ColorGroup, role: QPalette.ColorRole) -> str:
    return QColor(palette.color(group, role)).name()


def themed_icon(name: str, palette: QPalette) -> QIcon:
    """Lucide's ``name`` in ``palette``'s colours: normal, disabled and selected."""
    Group, Role = QPalette.ColorGroup, QPalette.ColorRole
    modes = ((QIcon.Mode.Normal, _ink(palette, Group.Active, Role.WindowText)),
             (QIcon.Mode.Active, _ink(palette, Group.Active, Role.WindowText)),
             (QIcon.Mode.Disabled, _ink(palette, Group.Disabled, Role.WindowText)),
             (QIcon.Mode.Selected, _ink(palette, Group.Active, Role.HighlightedText)))
    icon = QIcon()
    for mode, colour in modes:
        for size in SIZES:
            icon.addPixmap(_drawn(name, colour, size), mode)
    return icon


def paint_actions(actions: Iterable[QAction], palette: QPalette) -> None:
    """Each action with an icon of its own (by object name) gets it in ``palette``."""
    for action in actions:
        name = ACTION_ICONS.get(action.objectName())
        if name is not None:
            action.setIcon(themed_icon(name, palette))


def paint_pages(nav: QListWidget, palette: QPalette) -> None:
    """The navigation's entries get their page's icon in ``palette``."""
    for row in range(nav.count()):
        item = nav.item(row)
        name = PAGE_ICONS.get(item.data(Qt.ItemDataRole.UserRole) or item.text())
        if name is not None:
            item.setIcon(themed_icon(name, palette))


@cache
def app_icon() -> QIcon:
    """Ledgerdesk's own icon, from the PNGs rendered from its SVG (taskbar, title bar)."""
    icon = QIcon()
    for size in APP_SIZES:
        data = resource("app", f"ledgerdesk-{size}.png").read_bytes()
        pixmap = QPixmap()
        pixmap.loadFromData(data, "PNG")
        icon.addPixmap(pixmap)
    return icon
