"""``DashboardPage``: the book at a glance.

Cards with what customers owe and what is owed to suppliers (each with its overdue part, as
the aging report's overdue buckets) and the bank; a chart of money in and out per month and
an aging chart; and "Needs attention": overdue documents, unallocated payments and credits,
each opening its document, payment or the apply-credit dialog.

The figures take several SQL questions over the whole book, so they are read off the GUI
thread (``ui.loader``): the page shows at once, says "Loading…" until its first figures
arrive, and keeps the last figures on screen, marked "Updating…", while a newer set is read
after the book changed.  Only the newest request's answer is shown.  "Show more" pages of
the list are read by a second loader, so they never cancel the figures.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ledgerdesk.domain.i18n import N_, _
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.presentation.dashboard import (
    DashboardFigures,
    attention_more,
    attention_rows,
    dashboard_figures,
    overdue_line,
)
from ledgerdesk.presentation.dashboard_charts import aging_chart, money_chart
from ledgerdesk.presentation.dates import DateFormatter
from ledgerdesk.presentation.session import Session
from ledgerdesk.services.dashboard import AttentionPage
from ledgerdesk.ui.accessible import named
from ledgerdesk.ui.loader import Loader
from ledgerdesk.ui.theme import Tone, tone_style
from ledgerdesk.ui.views.attention_list import AttentionList
from ledgerdesk.ui.views.dashboard_tiles import Tile

if TYPE_CHECKING:  # Qt Charts loads with the first figures, not with the window
    from ledgerdesk.ui.views.bar_chart import BarChartView

LOADING = N_("Loading…")
UPDATING = N_("Updating…")
WIDE = 1000  # px of page: below this the charts stack
TILE_TITLES = (N_("Customers owe you"), N_("You owe suppliers"), N_("In the bank"))


class DashboardPage(QWidget):
    open_requested = Signal(object)  # an AttentionItem to open

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.money = AmountFormatter(session.locale, session.currency, with_symbol=True)
        self.dates = DateFormatter(session.locale)
        self.figures: DashboardFigures | None = None
        self.loader = Loader(self)
        self.loader.loaded.connect(self._show)
        self.loader.failed.connect(self._failed)
        self.pager = Loader(self)
        self.pager.loaded.connect(self._more)
        self.pager.failed.connect(self._failed)
        self.state = QLabel()
        self.state.setStyleSheet(tone_style(Tone.NOTE))
        self.tiles = [Tile(_(title)) for title in TILE_TITLES]
        self.money_chart: BarChartView | None = None  # made when first reloaded
        self.aging_chart: BarChartView | None = None
        self.attention = named(AttentionList(), _("Needs attention"),
                               _("Overdue and unpaid documents by kind. Enter opens the selected "
                               "one."))
        self.attention.setMinimumHeight(150)
        self.attention.open_requested.connect(self.open_requested)
        self.attention.more_requested.connect(self._ask_more)
        self._lay_out(session.title)

    def _lay_out(self, title: str) -> None:
        heading = QHBoxLayout()
        heading.addWidget(QLabel(_("<h2 style='margin:0'>{title}</h2>").format(title=title)))
        heading.addSpacing(12)
        heading.addWidget(self.state)
        heading.addStretch(1)
        cards = QGridLayout()
        cards.setHorizontalSpacing(12)
        for column, tile in enumerate(self.tiles):
            cards.addWidget(tile, 0, column)
        self.charts = charts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        charts.setSpacing(12)
        self.body = body = QWidget()  # what paints when the page is shown
        layout = QVBoxLayout(body)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addLayout(cards)
        layout.addLayout(charts, 3)
        layout.addWidget(QLabel(_("<b>Needs attention</b>  <span style='color:gray'>(Enter or "
                                  "double-click opens a "
                                  "row)</span>")))
        layout.addWidget(self.attention, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def resizeEvent(self, event) -> None:
        """Charts side by side on a wide window; one above the other on a narrow one, so
        twelve month names still fit under the bars."""
        wide = event.size().width() >= WIDE
        self.charts.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                 else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    @property
    def loading(self) -> bool:
        """Figures are being read; those on screen (if any) may be out of date."""
        return self.loader.busy

    def _make_charts(self) -> None:
        """Qt Charts costs about 50 ms to import: paid when the dashboard is first looked at,
        not at every start (a book opens on its invoices)."""
        from ledgerdesk.ui.views.bar_chart import BarChartView

        self.money_chart = BarChartView(_("Money in and out"))
        self.aging_chart = BarChartView(_("Owed by days overdue"))
        self.charts.addWidget(self.money_chart, 3)
        self.charts.addWidget(self.aging_chart, 2)

    def reload(self) -> None:
        """Read the figures again, off the GUI thread; the page updates when they arrive."""
        if self.money_chart is None:
            self._make_charts()
        self.state.setText(_(LOADING) if self.figures is None else _(UPDATING))
        self.pager.drop()  # a page of the old list would not fit the new one
        self.loader.load(partial(dashboard_figures, self.session))

    def stop(self) -> None:
        """Before the book closes: drop pending figures, wait for a read in progress."""
        self.pager.stop()
        self.loader.stop()

    def _show(self, figures: DashboardFigures) -> None:
        self.figures = figures
        self.state.clear()
        fmt = self.money.format
        self.tiles[0].show_figure(fmt(figures.receivable.total.amount),
                                  overdue_line(figures.receivable, self.money),
                                  alert=figures.receivable.overdue_count > 0)
        self.tiles[1].show_figure(fmt(figures.payable.total.amount),
                                  overdue_line(figures.payable, self.money),
                                  alert=figures.payable.overdue_count > 0)
        self.tiles[2].show_figure(fmt(figures.bank), _("by the ledger"))
        locale = self.session.locale
        assert self.money_chart is not None and self.aging_chart is not None
        self.money_chart.show_chart(money_chart(figures.months, self.money, locale))
        self.aging_chart.show_chart(aging_chart(figures.receivable, figures.payable,
                                                self.money, locale))
        today = self.session.today
        self.attention.show_pages(
            {kind: attention_rows(page, today, self.money, self.dates)
             for kind, page in figures.attention.items()}, figures.attention)

    def _ask_more(self, kind, offset: int) -> None:
        self.pager.load(partial(attention_more, self.session, kind, offset))

    def _more(self, page: AttentionPage) -> None:
        rows = attention_rows(page, self.session.today, self.money, self.dates)
        self.attention.add_rows(page.kind, rows, page)

    def _failed(self, message: str) -> None:
        first_line = message.splitlines()[0] if message else _("unknown error")
        self.state.setText(_("The figures could not be read: {first_line}").format(
                               first_line=first_line))
        if self.figures is None:  # nothing to keep showing
            for tile in self.tiles:
                tile.show_figure("—", _("not available"), waiting=True)
