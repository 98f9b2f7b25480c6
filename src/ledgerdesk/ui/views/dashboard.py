"""``DashboardPage``: the book at a glance (the reports issue fills it further)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dashboard import dashboard_figures
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.session import Session


class DashboardPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.money = AmountFormatter(session.locale, session.currency, with_symbol=True)
        self.dates = DateFormatter(session.locale)
        self.heading = QLabel(f"<h2 style='margin:0'>{session.title}</h2>")
        self.tiles = QGridLayout()
        self.tiles.setHorizontalSpacing(16)
        self.overdue = QLabel()
        self.overdue.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(8)
        layout.addLayout(self.tiles)
        layout.addSpacing(12)
        layout.addWidget(QLabel("<b>Most overdue</b>"))
        layout.addWidget(self.overdue)
        layout.addStretch(1)

    def reload(self) -> None:
        figures = dashboard_figures(self.session)
        fmt = self.money.format
        tiles = (
            ("Customers owe you", fmt(figures.receivable),
             f"{figures.open_invoices:,} open invoices, {figures.overdue_invoices:,} overdue"),
            ("You owe suppliers", fmt(figures.payable),
             f"{figures.open_bills:,} open bills, {figures.overdue_bills:,} overdue"),
            ("In the bank", fmt(figures.bank), "by the ledger"),
        )
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for column, (title, value, detail) in enumerate(tiles):
            self.tiles.addWidget(_tile(title, value, detail), 0, column)
        lines = [
            f"{doc.number} · {doc.contact_name} · due {self.dates.short(doc.due_date)} · "
            f"{self.money.format(doc.outstanding.amount)} outstanding"
            for doc in figures.most_overdue
        ]
        self.overdue.setText("<br>".join(lines) if lines else "Nothing is overdue.")


def _tile(title: str, value: str, detail: str) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setMinimumWidth(220)
    layout = QVBoxLayout(frame)
    layout.addWidget(QLabel(title))
    big = QLabel(f"<span style='font-size:20pt; font-weight:600'>{value}</span>")
    layout.addWidget(big)
    small = QLabel(detail)
    small.setStyleSheet("color: palette(mid);")
    layout.addWidget(small)
    return frame
