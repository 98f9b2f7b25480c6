"""A document's total in minor units without building intermediate ``Money`` objects.

Bulk loading spends most of its time in ``Document.totals()`` (a few ``Money`` objects per
line).  This does the same Decimal operations in the same order as
``ledgerdesk.domain.documents.line_amounts`` (a hypothesis test holds them equal) and falls
back to the domain whenever an amount gets near the limit where ``Money`` would refuse it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ledgerdesk.domain.documents import Document, TaxMode
from ledgerdesk.domain.money import MAX_AMOUNT, minor_exponent

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_SAFE = MAX_AMOUNT / 10  # well inside what Money accepts


def _document_total_minor(doc: Document) -> int:
    total = doc.totals().total
    if total.currency != doc.currency:
        raise ValueError(f"a {doc.currency} document cannot total {total}")
    return total.minor_units


def total_minor(doc: Document) -> int:
    """``doc.totals().total.minor_units``, computed quickly for ordinary amounts."""
    if doc.kind.is_prepayment:
        return _document_total_minor(doc)
    digits = minor_exponent(doc.currency)
    step = Decimal(1).scaleb(-digits)
    inclusive = doc.tax_mode is TaxMode.INCLUSIVE
    no_tax = doc.tax_mode is TaxMode.NO_TAX
    total = _ZERO
    for line in doc.lines:
        raw = line.quantity * line.unit_price * ((_HUNDRED - line.discount_percent) / _HUNDRED)
        if not raw.is_finite() or abs(raw) >= _SAFE:
            return _document_total_minor(doc)
        extended = raw.quantize(step, rounding=ROUND_HALF_UP)
        rate = _ZERO if no_tax else line.tax_rate
        if inclusive:
            total += extended  # net + tax is the gross, exactly
            continue
        tax = extended * rate / _HUNDRED
        if not tax.is_finite() or abs(tax) >= _SAFE:
            return _document_total_minor(doc)
        total += extended + tax.quantize(step, rounding=ROUND_HALF_UP)
    if abs(total) >= _SAFE:
        return _document_total_minor(doc)
    return int(total.scaleb(digits))
