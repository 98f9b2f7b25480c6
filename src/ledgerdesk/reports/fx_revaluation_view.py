"""The revaluation report as a table or CSV: a row per document and foreign bank account,
then a row per currency (the CLI's table, the window's page and the CSV are this view)."""

from __future__ import annotations

from ledgerdesk.domain.i18n import _
from ledgerdesk.domain.money import Money
from ledgerdesk.domain.rates import rate_text
from ledgerdesk.reports.csv_format import Column
from ledgerdesk.reports.fx_revaluation import CurrencyRevaluation, FxRevaluation, Revalued
from ledgerdesk.reports.report_views import AMOUNT, ReportView, money_text


def _columns() -> list[Column]:
    return [
        Column("item", _("Document or account"), 26, _item),
        Column("contact", _("Contact"), 22, lambda r: getattr(r, "contact_name", "")),
        Column("currency", _("Cur"), 3, _currency),
        Column("amount", _("Amount"), AMOUNT, lambda r: getattr(r, "amount", ""),
               numeric=True),
        Column("rate", _("Rate"), 14, lambda r: rate_text(r.rate), numeric=True),
        Column("held", _("Booked at home"), AMOUNT, lambda r: r.held, numeric=True),
        Column("worth", _("At the rate"), AMOUNT, lambda r: r.worth, numeric=True),
        Column("gain", _("Unrealised gain"), AMOUNT + 2, lambda r: r.gain, numeric=True),
    ]


def _item(row: Revalued | CurrencyRevaluation) -> str:
    if isinstance(row, CurrencyRevaluation):
        return _("All {currency}").format(currency=row.currency)
    return row.what


def _currency(row: Revalued | CurrencyRevaluation) -> str:
    return row.currency if isinstance(row, CurrencyRevaluation) else row.amount.currency


def fx_revaluation_view(report: FxRevaluation) -> ReportView:
    """Items first, then one row per currency; the footer is the whole gain at home."""
    title = [_("Unrealised exchange gains and losses on {as_of}, in {home}").format(
                 as_of=report.as_of.isoformat(), home=report.home),
             _("(open foreign documents and foreign bank balances at the rate of the day; a "
               "loss is negative)")]
    rows = [*report.items, *report.currencies]
    zero = Money.zero(report.home)
    footer = [_("Total"), "", "", "", "", sum((c.held for c in report.currencies), zero),
              sum((c.worth for c in report.currencies), zero), report.gain]
    after = [] if rows else [_("Nothing in a foreign currency is open on {day}.").format(
        day=report.as_of.isoformat())]
    return ReportView(_("items"), title, _columns(), rows, [footer],
                      " " + _("(unrealised {money})").format(money=money_text(report.gain)),
                      after)
