"""``report fx-revaluation``: every open foreign document and foreign bank balance valued at
a date's rates, with the unrealised gain or loss per currency and per item (issue 15)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerdesk.domain.documents import Side
from ledgerdesk.reports.fx_revaluation import FxRevaluation, fx_revaluation
from ledgerdesk.services.rates import rate_on_in
from ledgerdesk.services.report_ports import ReportBook
from ledgerdesk.services.setup import base_currency


def revaluation(book: ReportBook, as_of: dt.date) -> FxRevaluation:
    """The revaluation on ``as_of``; a currency without a rate on or before it is refused
    with ``NoRate`` (a named problem), never valued at 1."""
    queries = book.reports()
    documents = {side: queries.foreign_documents(side, as_of) for side in Side}
    banks = queries.foreign_banks(as_of)
    currencies = {d.owed.currency for found in documents.values() for d in found}
    currencies |= {balance.currency for _code, _name, balance, _held in banks}
    with book.read() as tx:
        home = base_currency(tx)
        rates: dict[str, Decimal] = {code: rate_on_in(tx, code, as_of).rate
                                     for code in sorted(currencies)}
    return fx_revaluation(as_of, home, documents, banks, rates)
