"""The book's fiscal year start, kept in the settings as ``MM-DD`` (1 January until set).

Reports ask for it here (retained earnings, the profit and loss's default period); it is
changed with the other settings (``services.settings.update_settings``).
"""

from __future__ import annotations

from ledgerdesk.domain.fiscal_year import FiscalYearStart
from ledgerdesk.services.ports import Book, Transaction

FISCAL_YEAR_START = "fiscal_year_start"


def fiscal_year_start(tx: Transaction) -> FiscalYearStart:
    """The stored start; 1 January when none is stored, or what is stored cannot be read
    (only ``update_settings`` writes it, and it checks)."""
    stored = tx.get_setting(FISCAL_YEAR_START)
    try:
        return FiscalYearStart.parse(stored) if stored else FiscalYearStart()
    except ValueError:
        return FiscalYearStart()


def read_fiscal_year_start(book: Book) -> FiscalYearStart:
    with book.read() as tx:
        return fiscal_year_start(tx)
