"""``DashboardPage``: the book at a glance (the reports issue fills it further).

Its figures take several SQL questions over the whole book (a trial balance, counts of open
and overdue documents, the most overdue), a few hundred milliseconds on a big book, so they
are read off the GUI thread (``ui.loader``): the page shows at once, says "Loading…" until
its first figures arrive, and keeps the last figures on screen, marked "Updating…", while a
newer set is read after the book changed.  Only the newest request's answer is shown.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dashboard import DashboardFigures, dashboard_figures
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.ui.loader import Loader

LOADING = "Loading…"
UPDATING = "Updating…"
TILE_TITLES = ("Customers owe you", "You owe suppliers", "In the bank")


class DashboardPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.money = AmountFormatter(session.locale, session.currency, with_symbol=True)
        self.dates = DateFormatter(session.locale)
        self.figures: DashboardFigures | None = None
        self.loader = Loader(self)
        self.loader.loaded.connect(self._show)
        self.loader.failed.connect(self._failed)
        self.state = QLabel()
        self.state.setStyleSheet("color: palette(mid);")
        heading = QHBoxLayout()
        heading.addWidget(QLabel(f"<h2 style='margin:0'>{session.title}</h2>"))
        heading.addSpacing(12)
        heading.addWidget(self.state)
        heading.addStretch(1)
        self.tiles = [Tile(title) for title in TILE_TITLES]
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, tile in enumerate(self.tiles):
            grid.addWidget(tile, 0, column)
        self.overdue = QLabel(LOADING)
        self.overdue.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addWidget(QLabel("<b>Most overdue</b>"))
        layout.addWidget(self.overdue)
        layout.addStretch(1)

    @property
    def loading(self) -> bool:
        """Figures are being read; those on screen (if any) may be out of date."""
        return self.loader.busy

    def reload(self) -> None:
        """Read the figures again, off the GUI thread; the page updates when they arrive."""
        self.state.setText(LOADING if self.figures is None else UPDATING)
        self.loader.load(partial(dashboard_figures, self.session))

    def stop(self) -> None:
        """Before the book closes: drop pending figures, wait for a read in progress."""
        self.loader.stop()

    def _show(self, figures: DashboardFigures) -> None:
        self.figures = figures
        self.state.clear()
        fmt = self.money.format
        details = (
            f"{figures.open_invoices:,} open invoices, {figures.overdue_invoices:,} overdue",
            f"{figures.open_bills:,} open bills, {figures.overdue_bills:,} overdue",
            "by the ledger",
        )
        values = (figures.receivable, figures.payable, figures.bank)
        for tile, value, detail in zip(self.tiles, values, details, strict=True):
            tile.show_figure(fmt(value), detail)
        lines = [
            f"{doc.number} · {doc.contact_name} · due {self.dates.short(doc.due_date)} · "
            f"{fmt(doc.outstanding.amount)} outstanding"
            for doc in figures.most_overdue
        ]
        self.overdue.setText("<br>".join(lines) if lines else "Nothing is overdue.")

    def _failed(self, message: str) -> None:
        first_line = message.splitlines()[0] if message else "unknown error"
        self.state.setText(f"The figures could not be read: {first_line}")
        if self.figures is None:  # nothing to keep showing
            for tile in self.tiles:
                tile.show_figure("—", "not available", waiting=True)
            self.overdue.setText("—")


class Tile(QFrame):
    """One headline figure: a title, the amount in large type, a line of detail."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(220)
        self.value = QLabel()
        self.detail = QLabel()
        self.detail.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self.show_figure("…", LOADING, waiting=True)

    def show_figure(self, value: str, detail: str, *, waiting: bool = False) -> None:
        self.value.setStyleSheet("color: palette(mid);" if waiting else "")
        self.value.setText(f"<span style='font-size:20pt; font-weight:600'>{value}</span>")
        self.detail.setText(detail)
