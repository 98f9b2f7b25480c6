"""The welcome screen: recent books, new book, open book and "try the demo"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import _
from ledgerdesk.ui.accessible import described, named
from ledgerdesk.ui.icons import app_icon
from ledgerdesk.ui.theme import Tone, tone_style


class WelcomePage(QWidget):
    open_requested = Signal()
    new_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(_("Ledgerdesk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(_("Offline books for your business: invoices, bills, credit notes and "
                            "payments, on a "
                            "double-entry ledger."))
        subtitle.setWordWrap(True)
        self.new_button = QPushButton(_("&New book…"))
        described(self.new_button, _("Creates a new, empty book"))
        self.open_button = QPushButton(_("&Open book…"))
        described(self.open_button, _("Opens a book file"))
        self.demo_button = QPushButton(_("&Try the demo"))
        described(self.demo_button, _("Opens a demo book with sample customers, invoices and "
                                      "payments"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumWidth(150)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.recent_label = QLabel(_("&Recent books"))
        self.recent = named(QListWidget(), _("Recent books"), _("Enter opens the selected book."))
        self.recent.setObjectName("recentBooks")
        self.recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._activated)
        self.empty_hint = QLabel(_("No recent books yet. Create one, open one, or try the demo."))
        self.empty_hint.setStyleSheet(tone_style(Tone.NOTE))
        mark = QLabel()
        mark.setPixmap(app_icon().pixmap(56, 56))
        heading = QHBoxLayout()
        heading.addWidget(mark)
        heading.addWidget(title, 1)
        column = QVBoxLayout()
        column.addLayout(heading)
        column.addWidget(subtitle)
        column.addSpacing(18)
        column.addLayout(buttons)
        column.addSpacing(18)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        column.addWidget(line)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent, 1)
        column.addWidget(self.empty_hint)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.recent)

    def show_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            if not path.exists():
                item.setText(_("{name}    —    missing: {parent}").format(
                                 name=path.name,
                                 parent=path.parent))
                item.setForeground(self.palette().placeholderText())
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))
        self.empty_hint.setVisible(not paths)
        if paths:
            self.recent.setCurrentRow(0)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
