"""Fast CSV exports of the long lists: plain rows in, the same cells the typed lists give.

``list payments --csv`` on a big book writes 150,000 rows; building a ``PaymentSummary``
with two ``Money`` values for each cost more than SQLite's own work, so the export reads
``PaymentLine`` tuples (amounts in minor units) and formats them here, exactly as
``csv_format`` formats the typed row (a test holds the two exports byte for byte equal).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

from ledgerdesk.domain.i18n import N_
from ledgerdesk.domain.numbering import payment_number
from ledgerdesk.domain.payments import PaymentKind
from ledgerdesk.reports.csv_format import Column, guard_cell, minor_text

_KIND_WORDS = {kind.value: kind.value.replace("_", " ").lower() for kind in PaymentKind}


#: One payment as the export reads it, a plain tuple (storage fills it in this order):
#: id, date (ISO), kind (a PaymentKind value), contact name, amount and allocated in minor
#: units, the allocated documents' numbers (comma separated), reference, voided (0/1),
#: currency, and the allocated documents' currency (another for a cross-currency payment).
PaymentLine = tuple[int, str, str, str, int, int, str, str, int, str, str]


def _text(index: int) -> Callable[[PaymentLine], str]:
    return lambda row: guard_cell(row[index])


#: The same header and cells as the payments list (``cli.lists.PAYMENT_COLUMNS``), each
#: giving its finished CSV text: one call per cell.
PAYMENT_EXPORT_COLUMNS = (
    Column("number", N_("Number"), 9, lambda r: payment_number(r[0]), ready=True),
    Column("date", N_("Date"), 10, itemgetter(1), ready=True),  # ISO text
    Column("kind", N_("Kind"), 16, lambda r: _KIND_WORDS[r[2]], ready=True),
    Column("contact", N_("Contact"), 24, _text(3), ready=True),
    Column("amount", N_("Amount"), 14, lambda r: minor_text(r[4], r[9]), numeric=True, ready=True),
    Column("currency", N_("Cur"), 3, itemgetter(9), ready=True),
    Column("allocated", N_("Allocated"), 14, lambda r: minor_text(r[5], r[10]), numeric=True,
           ready=True),
    Column("allocated_currency", N_("Cur"), 3, itemgetter(10), ready=True),
    Column("documents", N_("Documents"), 24, _text(6), ready=True),
    Column("reference", N_("Reference"), 16, _text(7), ready=True),
    Column("void", N_("Void"), 4, lambda r: "yes" if r[8] else "no", ready=True),
)
