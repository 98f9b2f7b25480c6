"""The lines a tax report counts, priced document by document with the domain's one function.

Storage streams the lines of the documents that count (authorised, never void, issued in
the period) in document order; ``priced_lines`` hands each document's lines together to
``document_line_amounts``, the function that priced the document when it was posted, so a
report's tax is to the cent what those documents posted, per line or per document.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from ledgerdesk.domain.documents import (
    DocumentKind,
    LineAmounts,
    LineItem,
    TaxMode,
    document_line_amounts,
)
from ledgerdesk.domain.fx import at_rate
from ledgerdesk.domain.tax_rounding import TaxRounding


@dataclass(frozen=True, slots=True)
class TaxLine:
    """One line of a document that counts, as stored (lines of a document come together)."""

    document_id: int
    kind: DocumentKind
    tax_mode: TaxMode
    currency: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal
    tax_rate: Decimal
    tax_code_id: int | None = None
    tax_rounding: TaxRounding = TaxRounding.PER_LINE
    number: str = ""
    issue_date: dt.date | None = None
    contact: str = ""
    exchange_rate: Decimal = Decimal(1)  # home units per one unit of its currency

    @property
    def sign(self) -> int:
        """Invoices and bills add to their side; their credit notes take away."""
        return -1 if self.kind.is_credit else 1


def priced_lines(lines: Iterable[TaxLine],
                 home: str | None = None) -> Iterator[tuple[TaxLine, LineAmounts]]:
    """Each line with its amounts, priced with the other lines of its document; a foreign
    document's line in the ``home`` currency, its net and tax each at the document's rate,
    as its posting converted them (``domain.fx_postings``)."""
    for _, group in itertools.groupby(lines, key=lambda line: line.document_id):
        document = list(group)
        first = document[0]
        items = [LineItem("", ln.quantity, ln.unit_price, "", ln.tax_rate, ln.discount_percent,
                          ln.tax_code_id) for ln in document]
        amounts = document_line_amounts(items, first.currency, first.tax_mode,
                                        first.tax_rounding)
        if home is not None and first.currency != home:
            amounts = [_at_home(a, first.exchange_rate, home) for a in amounts]
        yield from zip(document, amounts, strict=True)


def _at_home(amounts: LineAmounts, rate: Decimal, home: str) -> LineAmounts:
    net, tax = at_rate(amounts.net, rate, home), at_rate(amounts.tax, rate, home)
    return LineAmounts(net=net, tax=tax, gross=net + tax)
