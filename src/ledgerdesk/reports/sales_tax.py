"""The sales tax summary: one row per tax rate on each side, with its net amount and tax.

Pure: storage streams the lines of the documents that count (authorised, not void, issued
in the period) and ``tax_lines.priced_lines`` prices them with the domain's one pricing
function, document by document, so the tax here is to the cent the tax those documents
posted.  The tax return (``tax_return``) counts the same priced lines by tax code.  A void
document counts in no period at all: neither the original posting nor its reversal,
whenever it was voided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import Side, TaxMode
from ledgerdesk.domain.money import Money
from ledgerdesk.reports.periods import Period
from ledgerdesk.reports.tax_lines import TaxLine, priced_lines

__all__ = ["Percent", "SalesTaxSummary", "TaxLine", "TaxRow", "sales_tax_summary"]


@dataclass(frozen=True, slots=True, order=True)
class Percent:
    """A tax rate as a report cell: ``20``, ``7.5`` (written by each face in its own way)."""

    value: Decimal

    def __str__(self) -> str:
        return f"{self.value.normalize():f}" if self.value else "0"


@dataclass(frozen=True, slots=True)
class TaxRow:
    """Documents of one side at one rate: their net amount and tax, signed so that invoices
    and bills add and their credit notes take away."""

    side: Side
    rate: Decimal  # percent; 0 for lines of a document with no tax
    documents: int  # documents with a line at this rate
    net: Money
    tax: Money


@dataclass(frozen=True, slots=True)
class SalesTaxSummary:
    period: Period
    rows: tuple[TaxRow, ...]  # sales, then purchases; each by rate
    net_sales: Money
    output_tax: Money  # on sales, less sales credit notes
    net_purchases: Money
    input_tax: Money  # on bills, less supplier credit notes

    @property
    def tax_due(self) -> Money:
        """What the period's documents add to the sales tax account's credit balance."""
        return self.output_tax - self.input_tax


def sales_tax_summary(period: Period, lines: Iterable[TaxLine], currency: str) -> SalesTaxSummary:
    zero = Money.zero(currency)
    # Sums of amounts already quantized by the pricing: exact as Decimals, and a book's
    # worth of lines is summed without a Money per addition.
    sums: dict[tuple[Side, Decimal], list[Decimal]] = {}
    documents: dict[tuple[Side, Decimal], set[int]] = {}
    for line, priced in priced_lines(lines, currency):
        rate = Decimal(0) if line.tax_mode is TaxMode.NO_TAX else line.tax_rate.normalize()
        key = (line.kind.side, rate)
        found = sums.setdefault(key, [Decimal(0), Decimal(0)])
        if line.kind.is_credit:
            found[0] -= priced.net.amount
            found[1] -= priced.tax.amount
        else:
            found[0] += priced.net.amount
            found[1] += priced.tax.amount
        documents.setdefault(key, set()).add(line.document_id)
    order = sorted(sums, key=lambda key: (key[0] is Side.PURCHASES, key[1]))
    rows = tuple(TaxRow(side, rate, len(documents[(side, rate)]),
                        Money(sums[(side, rate)][0], currency),
                        Money(sums[(side, rate)][1], currency))
                 for side, rate in order)
    totals = {side: _total(rows, side, zero) for side in Side}
    return SalesTaxSummary(period, rows, *totals[Side.SALES], *totals[Side.PURCHASES])


def _total(rows: Iterable[TaxRow], side: Side, zero: Money) -> tuple[Money, Money]:
    net = tax = zero
    for row in rows:
        if row.side is side:
            net, tax = net + row.net, tax + row.tax
    return net, tax
