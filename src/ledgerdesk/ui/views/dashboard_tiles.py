"""``Tile``: one of the dashboard's cards: a title, the amount in large type, a line below
(in the overdue colour, and marked with a "!" so colour is not the only sign, when it warns)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ledgerdesk.domain.i18n import _
from ledgerdesk.presentation.spoken import spoken
from ledgerdesk.ui.theme import Tone, tone_style


class Tile(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.setStyleSheet("QFrame#tile { background: palette(base); border: 1px solid"
                           " palette(midlight); border-radius: 8px; }")
        self.setMinimumWidth(200)
        self.title = QLabel(title)
        self.title.setStyleSheet(tone_style(Tone.NOTE, " font-weight: 600;"))
        self.value = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.show_figure("…", _("Loading…"), waiting=True)

    def show_figure(self, value: str, detail: str, *, waiting: bool = False,
                    alert: bool = False) -> None:
        # Waiting reads as a note: palette(mid) was 2:1 on the tile, in both schemes.
        self.value.setStyleSheet(tone_style(Tone.NOTE) if waiting else "")
        self.value.setText(f"<span style='font-size:19pt; font-weight:600'>{value}</span>")
        self.detail.setStyleSheet(tone_style(Tone.ERROR, " font-weight: 600;") if alert
                                  else tone_style(Tone.NOTE))
        self.detail.setText(f"! {detail}" if alert else detail)
        # Read as words: the figure without its markup, a minus as "minus", "!" as a problem.
        self.value.setAccessibleName(spoken(value) if not waiting else detail)
        self.detail.setAccessibleName(
            _("problem: {detail}").format(detail=detail) if alert else detail)
