"""``BarChartView``: a ``presentation.dashboard_charts.BarChart`` drawn with Qt Charts.

Two series side by side in blue and orange (the Okabe-Ito pair, told apart with every
common kind of colour blindness), a legend, category names below, and an amount axis whose
labels are the locale's compact amounts placed on round values.  Hovering a bar shows its
exact amount; ``tooltip(series, category)`` is the same text for tests and screen readers.
The chart is drawn in the palette's colours (its base, text and a grid between them) and
drawn again when the palette changes, so it reads in dark mode too (``theme``).
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
)
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QBrush, QCursor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QToolTip, QWidget

from ledgerdesk.presentation.dashboard_charts import BarChart
from ledgerdesk.ui.theme import Tone, mixed, series_colour, tone_style

Role = QPalette.ColorRole


class BarChartView(QChartView):
    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, 220)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.data: BarChart | None = None
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(tone_style(Tone.NOTE, " background: transparent;"))
        self.empty_label.hide()
        self.chart().setTitle(title)  # until the first figures arrive
        self._style(self.chart())

    def _style(self, chart: QChart) -> None:
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.layout().setContentsMargins(0, 0, 0, 0)  # line up with the cards above
        chart.setBackgroundRoundness(6)
        palette = self.palette()
        chart.setBackgroundBrush(QBrush(palette.color(Role.Base)))
        chart.setBackgroundPen(QPen(palette.color(Role.Midlight)))
        chart.setTitleBrush(QBrush(palette.color(Role.Text)))
        chart.legend().setLabelColor(palette.color(Role.Text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light to dark or back: draw again
            if self.data is not None:
                self.show_chart(self.data)
            else:
                self._style(self.chart())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.empty_label.setGeometry(self.rect())

    def show_chart(self, data: BarChart) -> None:
        self.data = data
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(data.title)
        self._style(chart)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        series = QBarSeries()
        for index, source in enumerate(data.series[:2]):
            colour = series_colour(index, self.palette())
            bars = QBarSet(source.name)
            # Bar heights only: every amount a user reads is formatted from the Decimal.
            bars.append([float(value) for value in source.values])
            bars.setColor(colour)
            bars.setBorderColor(colour.darker(130))
            bars.hovered.connect(lambda on, at, s=index: self._hovered(on, s, at))
            series.append(bars)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(data.categories))
        small = QFont(categories.labelsFont())
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        categories.setLabelsFont(small)
        # A bucket's name in another language ("Nicht fällig", "Non échu") is longer than
        # "Not due": Qt may let it run into the gap beside it rather than cut it to "Nicht f…".
        categories.setTruncateLabels(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        chart.addAxis(self._amount_axis(data), Qt.AlignmentFlag.AlignLeft)
        self._colour_axes(chart)
        series.attachAxis(chart.axes(Qt.Orientation.Vertical)[0])
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.empty_label.setText(data.empty_text if data.empty else "")
        self.empty_label.setVisible(data.empty)

    @staticmethod
    def _amount_axis(data: BarChart) -> QCategoryAxis:
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        values = [value for value, _ in data.ticks]
        axis.setRange(float(values[0]), float(values[-1]))
        axis.setStartValue(float(values[0]))
        used: set[str] = set()
        for value, label in data.ticks:
            while label in used:  # the axis keys its labels by text
                label += "\u200b"
            used.add(label)
            axis.append(label, float(value))
        return axis

    def _colour_axes(self, chart: QChart) -> None:
        palette = self.palette()
        text, base = palette.color(Role.Text), palette.color(Role.Base)
        for axis in chart.axes():
            axis.setLabelsBrush(QBrush(text))
            axis.setLinePenColor(mixed(base, text, 0.45))
            axis.setGridLineColor(mixed(base, text, 0.15))

    def tooltip(self, series: int, category: int) -> str:
        if self.data is None:
            return ""
        return self.data.series[series].tooltips[category]

    def _hovered(self, on: bool, series: int, category: int) -> None:
        if on and 0 <= category < len(self.data.categories if self.data else ()):
            QToolTip.showText(QCursor.pos(), self.tooltip(series, category), self)
        else:
            QToolTip.hideText()
