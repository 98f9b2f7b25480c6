"""What the dashboard's two charts show, without Qt: categories, series, exact tooltips and
an amount axis with round steps labelled in the book's locale (``€1.2M``, ``1,2 Mio. €``).

Bars are drawn from these amounts; every text a user reads (axis, tooltip, legend) is
formatted from the exact Decimal, never from the drawn height.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_compact_currency

from ledgerdesk.domain.i18n import _, ngettext
from ledgerdesk.presentation.amounts import AmountFormatter
from ledgerdesk.services.dashboard import AgingSummary, MonthFlow

_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[Decimal, ...]  # one per category
    tooltips: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    ticks: tuple[tuple[Decimal, str], ...]  # the amount axis: value and its label, low to high
    empty_text: str = ""  # shown over the chart when every amount is zero

    @property
    def empty(self) -> bool:
        return not any(value for series in self.series for value in series.values)


def nice_ticks(low: Decimal, high: Decimal, intervals: int = 4) -> list[Decimal]:
    """Round values from at most ``low`` (never above 0) to at least ``high`` (never below 0),
    about ``intervals`` steps of 1, 2, 2.5 or 5 times a power of ten apart."""
    low, high = min(low, Decimal(0)), max(high, Decimal(0))
    span = high - low
    if span == 0:
        return [Decimal(0), Decimal(100)]
    raw = span / intervals
    power = Decimal(10) ** (raw.adjusted())
    step = next(s * power for s in _STEPS if s * power >= raw)
    first = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    ticks = [first]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def axis_ticks(values: list[Decimal], currency: str, locale: str) -> tuple[tuple[Decimal, str],
                                                                            ...]:
    ticks = nice_ticks(min(values, default=Decimal(0)), max(values, default=Decimal(0)))
    return tuple((t, format_compact_currency(t, currency, locale=locale, fraction_digits=1))
                 for t in ticks)


def money_chart(months: list[MonthFlow], money: AmountFormatter, locale: str) -> BarChart:
    """Money in (customers) and out (suppliers) per month, month names in the locale."""
    names = [format_date(flow.month, "LLL", locale=locale) for flow in months]
    full = [format_date(flow.month, "LLLL y", locale=locale) for flow in months]
    ins = tuple(flow.money_in.amount for flow in months)
    outs = tuple(flow.money_out.amount for flow in months)
    series = (
        Series(_("Money in from customers"), ins, tuple(
            _("{month}: {amount} in from customers").format(month=m, amount=money.format(v))
            for m, v in zip(full, ins, strict=True))),
        Series(_("Money out to suppliers"), outs, tuple(
            _("{month}: {amount} out to suppliers").format(month=m, amount=money.format(v))
            for m, v in zip(full, outs, strict=True))),
    )
    currency = months[0].money_in.currency if months else "EUR"
    span = (f"{format_date(months[0].month, 'LLL y', locale=locale)} – "
            f"{format_date(months[-1].month, 'LLL y', locale=locale)}") if months else ""
    return BarChart(_("Money in and out, {span}").format(span=span), tuple(names), series,
                    axis_ticks([*ins, *outs], currency, locale),
                    _("No money in or out in these twelve months"))


def bucket_names(summary: AgingSummary) -> tuple[str, ...]:
    """Short enough for a narrow chart: "Not due", "1–30", ..., "90+" (days overdue)."""
    middle = [label.replace("-", "–") for label in summary.buckets.labels[1:-1]]
    return (_("Not due"), *middle, f"{summary.buckets.limits[-1]}+")


def aging_chart(receivable: AgingSummary, payable: AgingSummary, money: AmountFormatter,
                locale: str) -> BarChart:
    """What customers owe and what is owed to suppliers, by how overdue."""
    names = bucket_names(receivable)
    series = []
    for title, sales, summary in ((_("Customers owe you"), True, receivable),
                                  (_("You owe suppliers"), False, payable)):
        values = tuple(amount.amount for amount in summary.amounts)
        tips = tuple(
            f"{title}, {_bucket_words(name)}: {money.format(value)} ({_documents(count, sales)})"
            for name, value, count in zip(names, values, summary.counts, strict=True)
        )
        series.append(Series(title, values, tips))
    return BarChart(_("Owed by days overdue"), names, tuple(series),
                    axis_ticks([v for s in series for v in s.values],
                               receivable.amounts[0].currency, locale),
                    _("Nothing is owed either way"))


def _documents(count: int, sales: bool) -> str:
    if sales:
        return ngettext("{count:,} invoice", "{count:,} invoices", count).format(count=count)
    return ngettext("{count:,} bill", "{count:,} bills", count).format(count=count)


def _bucket_words(name: str) -> str:
    if name == _("Not due"):
        return _("not yet due")
    if name.endswith("+"):
        return _("{days}+ days overdue").format(days=name.rstrip("+"))
    return _("{days} days overdue").format(days=name)
