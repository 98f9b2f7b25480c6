"""``EmptyState``: what a list's table shows in place of rows when it has none.

It lies over the table's viewport (so the column headers stay), centred, and says either
that the filters hide every row, with a Clear filters button, or how to make the first one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QPushButton, QVBoxLayout, QWidget

from ledgerdesk.domain.i18n import _
from ledgerdesk.ui.theme import Tone, tone_style


class EmptyState(QWidget):
    clear_requested = Signal()

    def __init__(self, table: QAbstractScrollArea) -> None:
        super().__init__(table.viewport())
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet(tone_style(Tone.NOTE, " font-size: 15px;"))
        # No mnemonic: the filter bar's own Clear filters has Alt+L.
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.setToolTip(_("Show every row again"))
        self.clear_button.clicked.connect(self.clear_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addSpacing(8)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)  # a little above the middle, where the eye looks first
        viewport = QVBoxLayout(table.viewport())
        viewport.addWidget(self)
        self.hide()

    def show_text(self, text: str, offer_clear: bool) -> None:
        """Show ``text`` (hide when it is empty), with Clear filters if ``offer_clear``."""
        self.label.setText(text)
        self.clear_button.setVisible(offer_clear)
        self.setVisible(bool(text))
